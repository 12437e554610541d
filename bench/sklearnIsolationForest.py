"""Times scikit-learn's IsolationForest on the feature matrices the TypeScript forest used
(same rows, same standardised features), group by group. Called by bench/suites/results.ts:
    /usr/bin/python3 bench/sklearnIsolationForest.py INDEX.json
INDEX.json lists {file, rows, dimensions} per event and sex; each file holds float64 row-major."""
import json
import sys
import time

import numpy as np
from sklearn.ensemble import IsolationForest

index = json.load(open(sys.argv[1]))
fit_and_score = 0.0
scores = []
for group in index["groups"]:
    values = np.fromfile(group["file"], dtype=np.float64).reshape(group["rows"], group["dimensions"])
    started = time.perf_counter()
    forest = IsolationForest(n_estimators=100, max_samples=min(256, len(values)), random_state=0).fit(values)
    group_scores = -forest.score_samples(values)
    fit_and_score += time.perf_counter() - started
    scores.append(group_scores)
all_scores = np.concatenate(scores) if scores else np.array([])
print(json.dumps({"milliseconds": fit_and_score * 1000, "rows": int(all_scores.size), "meanScore": float(all_scores.mean()) if all_scores.size else None}))
