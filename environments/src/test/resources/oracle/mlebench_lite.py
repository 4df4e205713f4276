"""Independent pandas + scikit-learn re-implementation of MLE-bench's Lite graders, written from
the rules in the reference digest (shared/reference/mle-bench-and-mle-dojo.md §1.8), used as the
oracle for the Java graders.

Reads JSON lines {"id", "competition", "submission", "answers"} on stdin; writes {"id", "value",
"rounded"} or {"id", "error"}. Log loss follows scikit-learn >= 1.5 (no renormalisation), which is
what MLE-bench installs; the rest is scikit-learn as installed.
"""
import os
import sys

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, cohen_kappa_score, mean_squared_error, mean_squared_log_error, \
    roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from grading_cases import serve  # noqa: E402
from sklearn_metrics import log_loss_no_renormalisation  # noqa: E402

RANZCR = ["ETT - Abnormal", "ETT - Borderline", "ETT - Normal", "NGT - Abnormal", "NGT - Borderline",
          "NGT - Incompletely Imaged", "NGT - Normal", "CVC - Abnormal", "CVC - Borderline"]


class Invalid(Exception):
    pass


def need(cond, msg="invalid"):
    if not cond:
        raise Invalid(msg)


def auroc(sub, ans, id_col, target):
    need(id_col in sub.columns and target in sub.columns, "columns")
    need(len(sub) == len(ans), "rows")
    pd.to_numeric(sub[target])
    need(not (sub[target].min() < 0 or sub[target].max() > 1), "range")
    sub = sub.sort_values(id_col, kind="stable")
    ans = ans.sort_values(id_col, kind="stable")
    need((sub[id_col].values == ans[id_col].values).all(), "ids")
    return float(roc_auc_score(ans[target].to_numpy(), sub[target].to_numpy()))


def one_hot_log_loss(sub, ans, id_col="id"):
    need(set(sub.columns) >= set(ans.columns), "columns")
    sub = sub[[c for c in ans.columns]]
    sub = sub.sort_values(id_col).reset_index(drop=True)
    ans = ans.sort_values(id_col).reset_index(drop=True)
    need(sub[id_col].tolist() == ans[id_col].tolist(), "ids")
    return log_loss_no_renormalisation(ans.drop(columns=[id_col]).to_numpy(),
                                       sub.drop(columns=[id_col]).to_numpy().astype(float))


def probability_rows(frame):
    need(np.isclose(frame.sum(axis=1), 1, atol=1e-6).all(), "sums")
    need(((frame >= 0) & (frame <= 1)).all().all(), "range")


def aptos(sub, ans):
    need("diagnosis" in sub.columns and len(sub) > 0, "columns")
    need(set(sub["id_code"]) == set(ans["id_code"]), "ids")
    sub = sub.sort_values("id_code")
    ans = ans.sort_values("id_code")
    return float(cohen_kappa_score(sub["diagnosis"], ans["diagnosis"], weights="quadratic"))


def denoising(sub, ans):
    need("id" in sub.columns and "value" in sub.columns)
    sub["value"].astype(float)
    need(len(sub) == len(ans))
    sub = sub.sort_values("id")
    ans = ans.sort_values("id")
    need((sub["id"].values == ans["id"].values).all(), "ids")
    return float(mean_squared_error(ans["value"].astype(float), sub["value"].astype(float), squared=False))


def dog_breed(sub, ans):
    classes = [c for c in ans.columns if c != "id"]
    need(set(classes + ["id"]) <= set(sub.columns))
    need(len(sub) == len(ans))
    probability_rows(sub[classes].astype(float))
    return one_hot_log_loss(sub, ans)


def leaf(sub, ans):
    need(set(sub.columns) == set(ans.columns))
    need(len(sub) == len(ans))
    probability_rows(sub[[c for c in ans.columns if c != "id"]].astype(float))
    return one_hot_log_loss(sub, ans)


def spooky(sub, ans):
    need(sub.shape == (len(ans), 4))
    probability_rows(sub.iloc[:, 1:].astype(float))
    return one_hot_log_loss(sub, ans)


def dogs_vs_cats(sub, ans):
    need("id" in sub.columns and "label" in sub.columns)
    need(set(sub["id"]) == set(ans["id"]) and len(sub) == len(ans))
    need(sub["label"].between(0, 1).all())
    sub = sub.sort_values("id")
    ans = ans.sort_values("id")
    return log_loss_no_renormalisation(ans["label"].to_numpy(), sub["label"].to_numpy().astype(float))


def jigsaw(sub, ans):
    classes = [c for c in ans.columns if c != "id"]
    need("id" in sub.columns and set(classes) <= set(sub.columns))
    need(len(sub) == len(ans))
    # MLE-bench sorts with pandas' default (unstable) quicksort; with a repeated id the order of the
    # two rows is then an accident of the algorithm. Both implementations use a stable order instead.
    sub = sub.set_index("id").sort_index(kind="stable")
    ans = ans.set_index("id").sort_index(kind="stable")
    keep = ans[classes].sum(axis=1) >= 0
    ans = ans[keep]
    sub = sub[keep]
    return float(roc_auc_score(ans.to_numpy(), sub.to_numpy().astype(float), average="macro"))


def nyc(sub, ans):
    need("key" in sub.columns and "fare_amount" in sub.columns)
    sub = sub.sort_values("key")
    ans = ans.sort_values("key")
    return float(mean_squared_error(ans["fare_amount"], sub["fare_amount"].astype(float), squared=False))


def nomad(sub, ans):
    cols = ["formation_energy_ev_natom", "bandgap_energy_ev"]
    need(set(cols) <= set(sub.columns) and len(sub) == len(ans))
    scores = [mean_squared_log_error(ans[c], sub[c].astype(float), squared=False) for c in cols]
    return float(sum(scores) / 2)


def plant(sub, ans):
    expected = {"image_id", "healthy", "multiple_diseases", "rust", "scab"}
    need(set(ans.columns) == expected and len(sub) == len(ans) and set(sub.columns) == expected)
    sub = sub.sort_values("image_id")
    ans = ans.sort_values("image_id")
    need((sub["image_id"].values == ans["image_id"].values).all(), "ids")
    cols = ["healthy", "multiple_diseases", "rust", "scab"]
    return np.mean([roc_auc_score(ans[c], sub[c].astype(float)) for c in cols])


def ranzcr(sub, ans):
    need(set(RANZCR) <= set(sub.columns) and len(sub) == len(ans))
    return np.average([auroc(sub, ans, "StudyInstanceUID", c) for c in RANZCR])


def tps_dec(sub, ans):
    need(len(sub) == len(ans) and "Cover_Type" in sub.columns and "Id" in sub.columns)
    sub = sub.sort_values("Id")
    ans = ans.sort_values("Id")
    need((sub["Id"].values == ans["Id"].values).all(), "ids")
    return float(accuracy_score(ans["Cover_Type"].to_numpy(), sub["Cover_Type"].to_numpy()))


def text_norm(sub, ans):
    need(len(sub) == len(ans) and "after" in sub.columns and "id" in sub.columns)
    sub = sub.sort_values("id")
    ans = ans.sort_values("id")
    need((sub["id"].values == ans["id"].values).all(), "ids")
    return float(accuracy_score(ans["after"].astype(str), sub["after"].astype(str)))


GRADERS = {
    "aerial-cactus-identification": lambda s, a: auroc(s, a, "id", "has_cactus"),
    "aptos2019-blindness-detection": aptos,
    "denoising-dirty-documents": denoising,
    "detecting-insults-in-social-commentary": lambda s, a: auroc(s, a, "Comment", "Insult"),
    "dog-breed-identification": dog_breed,
    "dogs-vs-cats-redux-kernels-edition": dogs_vs_cats,
    "histopathologic-cancer-detection": lambda s, a: auroc(s, a, "id", "label"),
    "jigsaw-toxic-comment-classification-challenge": jigsaw,
    "leaf-classification": leaf,
    "mlsp-2013-birds": lambda s, a: auroc(s, a, "Id", "Probability"),
    "new-york-city-taxi-fare-prediction": nyc,
    "nomad2018-predict-transparent-conductors": nomad,
    "plant-pathology-2020-fgvc7": plant,
    "random-acts-of-pizza": lambda s, a: auroc(s, a, "request_id", "requester_received_pizza"),
    "ranzcr-clip-catheter-line-classification": ranzcr,
    "siim-isic-melanoma-classification": lambda s, a: auroc(s, a, "image_name", "target"),
    "spooky-author-identification": spooky,
    "tabular-playground-series-dec-2021": tps_dec,
    "tabular-playground-series-may-2022": lambda s, a: auroc(s, a, "id", "target"),
    "text-normalization-challenge-english-language": text_norm,
    "text-normalization-challenge-russian-language": text_norm,
    "the-icml-2013-whale-challenge-right-whale-redux": lambda s, a: auroc(s, a, "clip", "probability"),
}


def main():
    serve(lambda competition, sub, ans: GRADERS[competition](sub, ans))


if __name__ == "__main__":
    main()
