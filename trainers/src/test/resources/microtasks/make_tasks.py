"""Writes micro synthetic MLE tasks in the harness's task layout (contract 1), for training tests.

Usage: make_tasks.py OUT_DIR FIRST_INDEX COUNT SEED
Each task gets prepared/public/{description.md,train.csv,test.csv,sample_submission.csv},
prepared/private/answers.csv and task.json whose medal thresholds come from reference baselines
scored against the hidden answers (a constant baseline fixes 0, the family's strong
reference model fixes gold).
"""
import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import Ridge
from sklearn.metrics import accuracy_score, mean_squared_error, roc_auc_score

warnings.filterwarnings("ignore")
FAMILIES = ["interaction", "linear", "zones", "skewed"]


def interaction(rng, n, m):
    X = rng.normal(size=(n + m, 6))
    logit = 2.5 * X[:, 0] * X[:, 1] + 2.0 * np.sin(2 * X[:, 2]) + 0.5 * X[:, 3]
    y = (logit + rng.normal(scale=0.5, size=n + m) > 0).astype(int)
    df = pd.DataFrame(X, columns=[f"sensor_{i}" for i in range(6)])
    missing = rng.random() < 0.5
    if missing:
        mask = rng.random(df.shape) < 0.08
        df = df.mask(mask)
    return df, y, "binary", "roc-auc", False, missing, False


def linear(rng, n, m):
    p = 30
    X = rng.normal(size=(n + m, p))
    w = rng.normal(size=p) * (rng.random(p) < 0.6)
    y = X @ w + rng.normal(scale=1.0, size=n + m)
    return pd.DataFrame(X, columns=[f"f{i}" for i in range(p)]), y, "regression", "rmse", True, False, False


def zones(rng, n, m):
    zone = rng.choice(["north", "south", "east", "west", "center"], size=n + m)
    x = rng.normal(size=(n + m, 3))
    shift = {"north": 1.5, "south": -1.5, "east": 0.5, "west": -0.5, "center": 0.0}
    s = np.array([shift[z] for z in zone]) + x[:, 0] + rng.normal(scale=0.4, size=n + m)
    y = np.digitize(s, [-0.7, 0.7])
    df = pd.DataFrame(x, columns=["load", "temp", "humidity"])
    df.insert(0, "zone", zone)
    return df, y, "multiclass", "accuracy", False, False, True


def skewed(rng, n, m):
    X = rng.normal(size=(n + m, 8))
    w = rng.normal(scale=0.6, size=8)
    y = np.exp(X @ w + rng.normal(scale=0.3, size=n + m)) * 10
    return pd.DataFrame(X, columns=[f"m{i}" for i in range(8)]), y, "regression", "rmsle", True, False, False


def rmsle(a, b):
    return float(np.sqrt(np.mean((np.log1p(np.clip(b, 0, None)) - np.log1p(a)) ** 2)))


def score(metric, truth, pred):
    if metric == "roc-auc":
        return float(roc_auc_score(truth, pred))
    if metric == "accuracy":
        return float(accuracy_score(truth, pred))
    if metric == "rmse":
        return float(np.sqrt(mean_squared_error(truth, pred)))
    return rmsle(truth, pred)


def references(metric, A, y, At):
    """Reference baselines, cheapest first: a constant prediction, then the family's strong model."""
    A = np.nan_to_num(A)
    At = np.nan_to_num(At)
    if metric == "roc-auc":
        fits = [DummyClassifier(), HistGradientBoostingClassifier(random_state=0)]
        return [f.fit(A, y).predict_proba(At)[:, 1] for f in fits]
    if metric == "accuracy":
        fits = [DummyClassifier(), HistGradientBoostingClassifier(random_state=0)]
        return [f.fit(A, y).predict(At) for f in fits]
    if metric == "rmse":
        fits = [DummyRegressor(), Ridge(alpha=1.0)]
        return [f.fit(A, y).predict(At) for f in fits]
    fits = [DummyRegressor(), Ridge(alpha=1.0)]
    return [np.expm1(f.fit(A, np.log1p(y)).predict(At)) for f in fits]


def describe(title, family, metric, task_type, n, missing, categorical):
    metric_text = {"roc-auc": "the area under the ROC curve (ROC AUC) of the predicted probability of `target`",
                   "accuracy": "accuracy of the predicted `target` class",
                   "rmse": "root mean squared error (RMSE) of the predicted `target`",
                   "rmsle": "root mean squared logarithmic error (RMSLE) of the predicted `target`"}[metric]
    lines = [f"# {title}", "",
             f"This is a {task_type} task. Each row describes one unit observed by a monitoring system; "
             f"predict `target` for every row of test.csv.", "",
             f"## Evaluation", f"Submissions are scored by {metric_text}.", "",
             f"## Data", f"- train.csv: {n} training rows with the features and `target`.",
             "- test.csv: the same features without `target`.",
             "- sample_submission.csv: the submission format (`id`, `target`)."]
    if missing:
        lines.append("Some sensor readings are missing (empty cells).")
    if categorical:
        lines.append("The `zone` column is categorical.")
    return "\n".join(lines) + "\n"


def make_task(out, index, seed):
    rng = np.random.default_rng(seed * 100003 + index)
    family = FAMILIES[index % len(FAMILIES)]
    n = int(rng.integers(60, 201))
    m = 120
    df, y, task_type, metric, lower, missing, categorical = globals()[family](rng, n, m)
    task_id = f"micro-{family}-{seed}-{index:04d}"
    if os.path.exists(os.path.join(out, task_id, "task.json")):
        return
    df.insert(0, "id", np.arange(n + m) + 1000)
    train = df.iloc[:n].copy()
    train["target"] = y[:n]
    test = df.iloc[n:].reset_index(drop=True)
    truth = y[n:]
    public = os.path.join(out, task_id, "prepared", "public")
    private = os.path.join(out, task_id, "prepared", "private")
    os.makedirs(public, exist_ok=True)
    os.makedirs(private, exist_ok=True)
    train.to_csv(os.path.join(public, "train.csv"), index=False)
    test.to_csv(os.path.join(public, "test.csv"), index=False)
    default = 0.5 if metric == "roc-auc" else (0 if metric == "accuracy" else float(np.mean(y[:n])))
    pd.DataFrame({"id": test["id"], "target": default}).to_csv(os.path.join(public, "sample_submission.csv"),
                                                                 index=False)
    pd.DataFrame({"id": test["id"], "target": truth}).to_csv(os.path.join(private, "answers.csv"), index=False)
    feats = pd.get_dummies(df.drop(columns=["id"]), dtype=float).to_numpy()
    scores = [score(metric, truth, p) for p in references(metric, feats[:n], y[:n], feats[n:])]
    weak, best = scores[0], (min(scores) if lower else max(scores))
    cut = lambda f: weak + f * (best - weak)
    # Tight cut-offs: a medal needs close to the strong reference's score, so only well-chosen recipes earn one.
    thresholds = {"gold": cut(1.0), "silver": cut(0.98), "bronze": cut(0.95), "median": cut(0.6)}
    title = f"Micro {family} task {index}"
    with open(os.path.join(public, "description.md"), "w") as f:
        f.write(describe(title, family, metric, task_type, n, missing, categorical))
    task = {"schemaVersion": 1, "id": task_id, "title": title, "metric": metric, "lowerIsBetter": lower,
            "thresholds": thresholds, "modality": "TABULAR", "taskType": task_type, "category": family,
            "attributes": {"family": family, "generator": "trainers-test-micro"}}
    with open(os.path.join(out, task_id, "task.json"), "w") as f:
        json.dump(task, f, indent=1)


if __name__ == "__main__":
    out_dir, first, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    for i in range(first, first + count):
        make_task(out_dir, i, seed)
