"""Times scikit-learn's own methods on the feature matrices the TypeScript detectors used
(same rows, same features), group by group, one thread (the caller sets OMP_NUM_THREADS=1):
    /usr/bin/python3 bench/sklearnReference.py INDEX.json
INDEX.json lists per event and sex {rows, dimensions, forest, features}: two files of float64,
row-major — the forest's points (worse-than-typical raised to typical) and the plain features
that LOF and the robust covariance read. Prints one JSON line: per method the milliseconds of
fitting and scoring every group, and the rows scored.
  isolationForest: IsolationForest(n_estimators=100, max_samples=min(256, n), random_state=0).fit, score_samples
  localOutlierFactor: LocalOutlierFactor(n_neighbors=min(20, n - 1)).fit, negative_outlier_factor_
  robustCovariance: MinCovDet(random_state=0).fit, mahalanobis"""
import json
import sys
import time

import numpy as np
from sklearn.covariance import MinCovDet
from sklearn.ensemble import IsolationForest
from sklearn.neighbors import LocalOutlierFactor

index = json.load(open(sys.argv[1]))
timed = {"isolationForest": 0.0, "localOutlierFactor": 0.0, "robustCovariance": 0.0}
rows = {"isolationForest": 0, "localOutlierFactor": 0, "robustCovariance": 0}


def read(path, group):
    return np.fromfile(path, dtype=np.float64).reshape(group["rows"], group["dimensions"])


for group in index["groups"]:
    n = group["rows"]
    points, features = read(group["forest"], group), read(group["features"], group)
    if n >= 2:
        started = time.perf_counter()
        IsolationForest(n_estimators=100, max_samples=min(256, n), random_state=0).fit(points).score_samples(points)
        timed["isolationForest"] += time.perf_counter() - started
        rows["isolationForest"] += n
    if n >= 3:
        started = time.perf_counter()
        _ = LocalOutlierFactor(n_neighbors=min(20, n - 1)).fit(features).negative_outlier_factor_
        timed["localOutlierFactor"] += time.perf_counter() - started
        rows["localOutlierFactor"] += n
    if n >= group["dimensions"] + 2:
        started = time.perf_counter()
        try:
            MinCovDet(random_state=0).fit(features).mahalanobis(features)
            rows["robustCovariance"] += n
        except ValueError:
            pass  # a singular group, as our detector reports too
        timed["robustCovariance"] += time.perf_counter() - started

print(json.dumps({name: {"milliseconds": timed[name] * 1000, "rows": rows[name]} for name in timed}))
