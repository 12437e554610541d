#!/usr/bin/python3
"""Reference anomaly scores from scikit-learn for the detector agreement tests.

Run with Debian's Python (apt-get install python3-sklearn):
    /usr/bin/python3 scripts/sklearn-reference.py
Writes src/core/detectors/fixtures/sklearn-reference.json: a seeded 2000 x 4 dataset
(a correlated cloud, a second cluster, scattered outliers and a few exact duplicates,
because real marks repeat) and, for every row, scikit-learn's scores negated so that
higher is more anomalous, as in Trackside:
  isolationForest: -IsolationForest(n_estimators=100, max_samples=256, random_state=0).score_samples
  localOutlierFactor: -LocalOutlierFactor(n_neighbors=20).negative_outlier_factor_
Features are rounded to 5 decimals BEFORE fitting so the JSON holds exactly the data scored.
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.ensemble import IsolationForest
from sklearn.neighbors import LocalOutlierFactor

rng = np.random.RandomState(0)
cloud = rng.multivariate_normal(
    [0, 0, 0, 0],
    [[1.0, 0.6, 0.2, 0.0], [0.6, 1.0, 0.3, 0.1], [0.2, 0.3, 1.0, -0.2], [0.0, 0.1, -0.2, 1.0]],
    size=1700,
)
cluster = rng.normal(loc=[3.0, -2.0, 1.0, 2.0], scale=0.4, size=(220, 4))
outliers = rng.uniform(-6, 6, size=(70, 4))
duplicates = cloud[:10].copy()
features = np.round(np.vstack([cloud, cluster, outliers, duplicates]), 5)
features = features[rng.permutation(len(features))]

forest = IsolationForest(n_estimators=100, max_samples=256, random_state=0).fit(features)
forest_scores = -forest.score_samples(features)
lof = LocalOutlierFactor(n_neighbors=20).fit(features)
lof_scores = -lof.negative_outlier_factor_

out = pathlib.Path(__file__).resolve().parent.parent / 'src/core/detectors/fixtures/sklearn-reference.json'
out.write_text(json.dumps({
    'source': f'scripts/sklearn-reference.py with scikit-learn {sklearn.__version__}, numpy {np.__version__}',
    'rows': int(features.shape[0]),
    'dimensions': int(features.shape[1]),
    'features': [round(float(v), 5) for v in features.ravel()],
    'isolationForest': [round(float(v), 7) for v in forest_scores],
    'localOutlierFactor': [round(float(v), 7) for v in lof_scores],
}, separators=(',', ':')))
print(f'wrote {out} ({out.stat().st_size} bytes), rows {features.shape[0]}')
