"""Writes golden-cases.jsonl and golden-values.jsonl beside this file: fixed metric inputs and the
values scikit-learn (the Debian /usr/bin/python3 installation) gives for them.

Regenerate with:  /usr/bin/python3 make_golden.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sklearn_metrics import compute  # noqa: E402

CASES = [
    ("roc-auc", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]),
    ("roc-auc", [0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.5, 0.5]),
    ("roc-auc", [1, 0, 1, 0, 1, 0], [0.9, 0.9, 0.2, 0.2, 0.6, 0.1]),
    ("roc-auc", [1, 1, 1], [0.2, 0.3, 0.4]),
    ("roc-auc-macro", [[0, 1], [1, 0], [1, 1], [0, 0]], [[0.2, 0.7], [0.9, 0.1], [0.6, 0.8], [0.3, 0.3]]),
    ("log-loss", [0, 1, 1, 0], [0.1, 0.9, 0.8, 0.35]),
    ("log-loss", [0, 1, 1, 0], [0.0, 1.0, 1.0, 0.0]),
    ("log-loss", [0, 1, 1, 0], [1.0, 0.0, 0.5, 0.5]),
    ("log-loss", [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[0.7, 0.2, 0.1], [0.3, 0.3, 0.4], [0.0, 0.0, 1.0]]),
    ("log-loss-renormalised", [[1, 0, 0], [0, 1, 0]], [[0.7, 0.2, 0.2], [0.3, 0.3, 0.3]]),
    ("log-loss-renormalised", [0, 1, 1], [0.2, 0.7, 1.0]),
    ("qwk", [0, 1, 2, 3, 4, 4], [0, 2, 2, 3, 3, 4]),
    ("qwk", [1, 1, 1], [1, 1, 1]),
    ("qwk", [0, 4, 0, 4], [4, 0, 4, 0]),
    ("accuracy", [1, 2, 3, 4], [1, 2, 0, 4]),
    ("accuracy", ["one", "two", "sil."], ["one", "2", "sil."]),
    ("accuracy", [1, 2, 3], [1.5, 2, 3]),
    ("f1-macro", [0, 1, 2, 2, 1], [0, 2, 2, 2, 0]),
    ("f1-micro", [0, 1, 2, 2, 1], [0, 2, 2, 2, 0]),
    ("f1-weighted", [0, 1, 2, 2, 1], [0, 2, 2, 2, 0]),
    ("f1", [0, 1, 1, 0, 1], [0, 1, 0, 0, 0]),
    ("rmse", [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]),
    ("mse", [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]),
    ("mae", [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]),
    ("rmsle", [3.0, 5.0, 2.5, 7.0], [2.5, 5.0, 4.0, 8.0]),
    ("rmsle", [3.0, -0.1], [2.5, 5.0]),
    ("r2", [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]),
    ("r2", [2.0, 2.0, 2.0], [2.0, 2.0, 2.0]),
    ("map-at-k", ["a b c", "d", ""], ["a x b", "y d", "z"]),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "golden-cases.jsonl"), "w") as cases, \
            open(os.path.join(here, "golden-values.jsonl"), "w") as values:
        for i, (kind, t, p) in enumerate(CASES):
            case = {"id": i, "kind": kind, "y_true": t, "y_pred": p, "k": 5}
            cases.write(json.dumps(case) + "\n")
            try:
                out = {"id": i, "value": float(compute(case))}
                if out["value"] != out["value"]:
                    out["value"] = "nan"
            except Exception as e:
                out = {"id": i, "error": type(e).__name__ + ": " + str(e)[:120]}
            values.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
