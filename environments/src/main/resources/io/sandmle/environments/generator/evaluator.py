# SandMLE-compatible evaluator, generated with the task by the SandMLE Harness MLOps Engineer.
# Usage (cwd = prepared/public): python evaluator.py --submission_path <abs path to submission.csv>
# Prints one JSON object; exits non-zero for an invalid submission. The answers stay in ../private/.
import argparse
import json
import os
import sys

import numpy as np
import pandas as pd

METRIC = "__METRIC__"
LOWER_IS_BETTER = __LOWER__
THRESHOLDS = {"gold_threshold": __GOLD__, "silver_threshold": __SILVER__, "bronze_threshold": __BRONZE__,
              "median_threshold": __MEDIAN__}


def answers_path():
    here = os.path.dirname(os.path.abspath(__file__))
    for p in (os.path.join(here, "..", "private", "answers.csv"), os.path.join(here, "answer.csv")):
        if os.path.isfile(p):
            return p
    sys.exit("answers not found next to the evaluator")


def auc(t, p):
    ranks = pd.Series(p).rank(method="average").values
    pos = t == 1
    n_pos, n_neg = pos.sum(), (~pos).sum()
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC AUC needs both classes in the answers")
    return (ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def qwk(t, p):
    labels = sorted(set(t) | set(p))
    idx = {v: i for i, v in enumerate(labels)}
    k = len(labels)
    o = np.zeros((k, k))
    for a, b in zip(t, p):
        o[idx[a], idx[b]] += 1
    w = np.array([[(i - j) ** 2 for j in range(k)] for i in range(k)], dtype=float)
    e = np.outer(o.sum(1), o.sum(0)) / len(t)
    return 1 - (w * o).sum() / (w * e).sum() if (w * e).sum() else 0.0


def f1_macro(t, p):
    scores = []
    for label in sorted(set(t) | set(p)):
        tp = np.sum((t == label) & (p == label))
        fp = np.sum((t != label) & (p == label))
        fn = np.sum((t == label) & (p != label))
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores))


def score(truth, sub):
    cols = list(truth.columns[1:])
    t = truth[cols]
    p = sub[cols]
    if METRIC == "roc-auc":
        return np.mean([auc(t[c].astype(float).values, p[c].astype(float).values) for c in cols])
    if METRIC == "log-loss":
        pr = np.clip(p.astype(float).values, 1e-15, 1 - 1e-15)
        if len(cols) == 1:
            y = t.astype(float).values[:, 0]
            return float(-np.mean(y * np.log(pr[:, 0]) + (1 - y) * np.log(1 - pr[:, 0])))
        pr = pr / pr.sum(axis=1, keepdims=True)
        return float(-np.mean(np.sum(t.astype(float).values * np.log(pr), axis=1)))
    if METRIC == "accuracy":
        return float(np.mean(t[cols[0]].astype(str).values == p[cols[0]].astype(str).values))
    if METRIC == "f1-macro":
        return f1_macro(t[cols[0]].astype(str).values, p[cols[0]].astype(str).values)
    if METRIC == "qwk":
        return qwk(t[cols[0]].astype(int).values, p[cols[0]].astype(int).values)
    if METRIC == "map-at-3":
        total = 0.0
        for truth_label, ranked in zip(t[cols[0]].astype(str), p[cols[0]].astype(str)):
            guesses = ranked.split()[:3]
            total += 1.0 / (guesses.index(truth_label) + 1) if truth_label in guesses else 0.0
        return total / len(t)
    per_column = []
    for c in cols:
        y, q = t[c].astype(float).values, p[c].astype(float).values
        if METRIC in ("rmse", "mcrmse"):
            per_column.append(np.sqrt(np.mean((q - y) ** 2)))
        elif METRIC == "mse":
            per_column.append(np.mean((q - y) ** 2))
        elif METRIC == "rmsle":
            per_column.append(np.sqrt(np.mean((np.log1p(q) - np.log1p(y)) ** 2)))
        elif METRIC == "mae":
            per_column.append(np.mean(np.abs(q - y)))
        elif METRIC == "r2":
            per_column.append(1 - np.sum((y - q) ** 2) / np.sum((y - y.mean()) ** 2))
        else:
            raise ValueError("unknown metric " + METRIC)
    return float(np.mean(per_column))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--submission_path", required=True)
    args = parser.parse_args()
    truth = pd.read_csv(answers_path(), dtype=str, keep_default_na=False)
    sub = pd.read_csv(args.submission_path, dtype=str, keep_default_na=False)
    missing = [c for c in truth.columns if c not in sub.columns]
    if missing:
        sys.exit("submission lacks columns %s" % missing)
    idc = truth.columns[0]
    if len(sub) != len(truth) or set(sub[idc]) != set(truth[idc]):
        sys.exit("submission ids differ from the test ids")
    sub = sub.set_index(idc).loc[truth[idc]].reset_index()
    value = score(truth, sub)
    print(json.dumps(dict(score=float(value), is_lower_better=LOWER_IS_BETTER, **THRESHOLDS)))


main()
