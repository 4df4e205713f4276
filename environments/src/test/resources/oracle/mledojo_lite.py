"""Independent re-implementation of MLE-Dojo's MLE-Lite metrics as the reference digest describes
them (shared/reference/mle-bench-and-mle-dojo.md §2.7), the oracle for the Java DojoMetrics.
Input and output as grading_cases.serve.
"""
import math
import os
import sys

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, cohen_kappa_score, mean_squared_error, roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from grading_cases import serve  # noqa: E402


def validate(sub, ans):
    if len(sub) != len(ans):
        raise ValueError("row count")
    first = ans.columns[0]
    a = sorted(sub.iloc[:, 0].astype(str))
    b = sorted(ans[first].astype(str))
    if a != b:
        raise ValueError("ids")
    if set(sub.columns) != set(ans.columns):
        raise ValueError("columns")


def by_first(sub, ans):
    key = ans.columns[0]
    sub = sub.copy()
    ans = ans.copy()
    sub[key] = sub[key].astype(str)
    ans[key] = ans[key].astype(str)
    return sub.sort_values(key).reset_index(drop=True), ans.sort_values(key).reset_index(drop=True)


def auc(sub, ans):
    s, a = by_first(sub, ans)
    target = ans.columns[1]
    return roc_auc_score(a[target], s[target].astype(float))


def log_loss_clipped(sub, ans, renormalise=False):
    s, a = by_first(sub, ans)
    cols = list(ans.columns[1:])
    p = np.clip(s[cols].to_numpy(dtype=float), 1e-15, 1 - 1e-15)
    if renormalise:
        p = p / p.sum(axis=1, keepdims=True)
    y = a[cols].to_numpy(dtype=float)
    return -np.mean(np.sum(y * np.log(p), axis=1))


def dogs_vs_cats(sub, ans):
    s, a = by_first(sub, ans)
    p = np.clip(s["label"].to_numpy(dtype=float), 1e-15, 1 - 1e-15)
    y = a["label"].to_numpy(dtype=float)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def jigsaw(sub, ans):
    s, a = by_first(sub, ans)
    cols = list(ans.columns[1:])
    keep = a[cols].sum(axis=1) >= 0
    return roc_auc_score(a.loc[keep, cols].to_numpy(), s.loc[keep, cols].to_numpy(dtype=float), average="macro")


def regression(sub, ans, squared):
    s, a = by_first(sub, ans)
    t = ans.columns[1]
    mse = mean_squared_error(a[t], s[t].astype(float))
    return mse if squared else math.sqrt(mse)


def nomad(sub, ans):
    s, a = by_first(sub, ans)
    out = []
    for c in ["formation_energy_ev_natom", "bandgap_energy_ev"]:
        out.append(np.sqrt(np.mean((np.log(a[c] + 1) - np.log(s[c].astype(float) + 1)) ** 2)))
    return np.mean(out)


def mean_auc(sub, ans, align, failed):
    s, a = by_first(sub, ans) if align else (sub, ans)
    scores = []
    for c in ans.columns[1:]:
        try:
            scores.append(roc_auc_score(a[c], s[c].astype(float)))
        except ValueError:
            scores.append(failed)
    return np.mean(scores)


def accuracy(sub, ans):
    s, a = by_first(sub, ans)
    t = ans.columns[1]
    return accuracy_score(a[t].astype(str), s[t].astype(str))


def aptos(sub, ans):
    s, a = by_first(sub, ans)
    return cohen_kappa_score(a["diagnosis"], s["diagnosis"], weights="quadratic")


METRICS = {
    "aerial-cactus-identification": auc, "histopathologic-cancer-detection": auc, "random-acts-of-pizza": auc,
    "mlsp-2013-birds": auc, "tabular-playground-series-may-2022": auc,
    "the-icml-2013-whale-challenge-right-whale-redux": auc,
    "aptos2019-blindness-detection": aptos,
    "denoising-dirty-documents": lambda s, a: regression(s, a, False),
    "new-york-city-taxi-fare-prediction": lambda s, a: regression(s, a, True),
    "detecting-insults-in-social-commentary": lambda s, a: roc_auc_score(a["Insult"], s["Insult"].astype(float)),
    "dog-breed-identification": log_loss_clipped, "spooky-author-identification": log_loss_clipped,
    "leaf-classification": lambda s, a: log_loss_clipped(s, a, True),
    "dogs-vs-cats-redux-kernels-edition": dogs_vs_cats,
    "jigsaw-toxic-comment-classification-challenge": jigsaw,
    "nomad2018-predict-transparent-conductors": nomad,
    "plant-pathology-2020-fgvc7": lambda s, a: mean_auc(s, a, True, 0.5),
    "ranzcr-clip-catheter-line-classification": lambda s, a: mean_auc(s, a, False, 0.0),
    "tabular-playground-series-dec-2021": accuracy,
    "text-normalization-challenge-english-language": accuracy,
    "text-normalization-challenge-russian-language": accuracy,
}


def grade(competition, sub, ans):
    validate(sub, ans)
    return METRICS[competition](sub, ans)


def main():
    # MLE-Dojo reads with pandas' default float parser, which can land one ulp away from the correctly
    # rounded value (and so split or merge ties); Java parses correctly rounded, as round_trip does,
    # and that is what is compared here.
    serve(grade)


if __name__ == "__main__":
    main()
