"""Oracle for the Java metrics: reads JSON-lines cases on stdin, writes one JSON line per case.

Each case is {"id", "kind", "y_true", "y_pred", ...}; the answer is {"id", "value"} or {"id", "error"}.
Values come from scikit-learn itself wherever scikit-learn has the metric; the rest (log loss
without renormalisation as scikit-learn >= 1.5 computes it, MAP@k) are written out with NumPy here.
Run with /usr/bin/python3 (Debian's scikit-learn).
"""
import json
import math
import sys

import numpy as np
from scipy.special import xlogy
from sklearn import metrics


def log_loss_no_renormalisation(y_true, y_pred):
    """log_loss of scikit-learn >= 1.5: clip to machine epsilon, no row renormalisation."""
    y_pred = np.asarray(y_pred, dtype=np.float64)
    y_true = np.asarray(y_true)
    if y_pred.ndim == 1:
        labels = np.unique(y_true)
        if len(labels) < 2:
            raise ValueError("y_true contains only one label")
        if len(labels) > 2:
            raise ValueError("more than two labels")
        y_true = (y_true == labels[1]).astype(np.float64)
        y_true = np.stack([1 - y_true, y_true], axis=1)
        y_pred = np.stack([1 - y_pred, y_pred], axis=1)
    if not np.isfinite(y_pred).all():
        raise ValueError("Input contains NaN or infinity")
    eps = np.finfo(np.float64).eps
    y_pred = np.clip(y_pred, eps, 1 - eps)
    return float(np.mean(-xlogy(y_true, y_pred).sum(axis=1)))


def apk(actual, predicted, k):
    if not actual:
        return 0.0
    predicted = predicted[:k]
    score, hits, seen = 0.0, 0, set()
    for i, p in enumerate(predicted):
        if p in actual and p not in seen:
            hits += 1
            score += hits / (i + 1.0)
        seen.add(p)
    return score / min(len(actual), k)


def mapk(actual, predicted, k):
    return float(np.mean([apk(a.split(), p.split(), k) for a, p in zip(actual, predicted)]))


NUMERIC = {"roc-auc", "roc-auc-macro", "log-loss", "log-loss-renormalised", "rmse", "mse", "mae", "rmsle", "r2"}


def compute(case):
    kind, t, p = case["kind"], case["y_true"], case["y_pred"]
    if kind in NUMERIC:
        t, p = np.array(t, dtype=float), np.array(p, dtype=float)
    if kind == "roc-auc":
        return metrics.roc_auc_score(np.array(t, dtype=float), np.array(p, dtype=float))
    if kind == "roc-auc-macro":
        return metrics.roc_auc_score(np.array(t, dtype=float), np.array(p, dtype=float), average="macro")
    if kind == "log-loss-renormalised":
        return metrics.log_loss(np.array(t), np.array(p, dtype=float))
    if kind == "log-loss":
        return log_loss_no_renormalisation(t, p)
    if kind == "accuracy":
        return metrics.accuracy_score(np.array(t), np.array(p))
    if kind == "qwk":
        return metrics.cohen_kappa_score(np.array(t), np.array(p), weights="quadratic")
    if kind in ("f1-macro", "f1-micro", "f1-weighted"):
        return metrics.f1_score(np.array(t), np.array(p), average=kind[3:], zero_division=0)
    if kind == "f1":
        return metrics.f1_score(np.array(t), np.array(p), zero_division=0)
    if kind == "rmse":
        return metrics.mean_squared_error(t, p, squared=False)
    if kind == "mse":
        return metrics.mean_squared_error(t, p)
    if kind == "mae":
        return metrics.mean_absolute_error(t, p)
    if kind == "rmsle":
        return metrics.mean_squared_log_error(t, p, squared=False)
    if kind == "r2":
        return metrics.r2_score(t, p)
    if kind == "map-at-k":
        return mapk(t, p, case["k"])
    raise KeyError(kind)


def main():
    import warnings
    warnings.simplefilter("ignore")
    for line in sys.stdin:
        case = json.loads(line)
        try:
            value = float(compute(case))
            out = {"id": case["id"], "value": value if math.isfinite(value) else repr(value)}
        except Exception as e:  # every sklearn refusal is an expected outcome to compare
            out = {"id": case["id"], "error": type(e).__name__ + ": " + str(e)[:120]}
        sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
