# SandMLE Harness reference solution, generated with the task. It runs exactly as agent code runs: it reads
# the task's public files and writes its predictions as CSV files in the current directory.
import json
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
TASK = json.loads(r'''__TASK__''')
RUNGS = __RUNGS__
OUTPUT = "__OUTPUT__"


def public_dir():
    candidates = [os.environ.get("SANDMLE_DATA_DIR"), "/data", "/input",
                  "/task/public", "./input", "../input", "."]
    for c in candidates:
        if c and os.path.isfile(os.path.join(c, "train.csv")) and os.path.isfile(os.path.join(c, "test.csv")):
            return c
    sys.exit("cannot find the task's public files (train.csv, test.csv)")


P = public_dir()


def image_features(paths):
    from PIL import Image
    rows = []
    for p in paths:
        a = np.asarray(Image.open(os.path.join(P, p)), dtype=float)
        if a.ndim == 2:
            a = a[:, :, None]
        h, w, c = a.shape
        rows.append(a.reshape(4, h // 4, 4, w // 4, c).mean(axis=(1, 3)).ravel())
    return np.array(rows)


def audio_features(paths):
    import wave
    rows = []
    for p in paths:
        with wave.open(os.path.join(P, p)) as w:
            x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(float) / 32768.0
        spectrum = np.abs(np.fft.rfft(x))
        rows.append(np.log1p([b.mean() for b in np.array_split(spectrum, 48)]))
    return np.array(rows)


def series_features(idc):
    s = pd.read_csv(os.path.join(P, "series.csv")).pivot(index=idc, columns="t", values="value")
    return s


def graph_features(idc):
    nodes = pd.read_csv(os.path.join(P, "nodes.csv"))
    edges = pd.read_csv(os.path.join(P, "edges.csv"))
    g = nodes.groupby(idc)["attr"]
    n = g.size()
    m = edges.groupby(idc).size().reindex(n.index, fill_value=0)
    ends = pd.concat([edges[[idc, "src"]].rename(columns={"src": "node"}),
                      edges[[idc, "dst"]].rename(columns={"dst": "node"})])
    max_degree = ends.groupby([idc, "node"]).size().groupby(level=0).max().reindex(n.index, fill_value=0)
    std = g.std().fillna(0)
    return pd.DataFrame({"nodes": n, "edges": m, "density": 2 * m / (n * (n - 1)), "attr_mean": g.mean(),
                         "attr_std": std, "attr_log_std": np.log(std + 1e-3), "max_degree": max_degree})


def features():
    idc = TASK["id"]
    train = pd.read_csv(os.path.join(P, "train.csv"))
    test = pd.read_csv(os.path.join(P, "test.csv"))
    xtr = train.drop(columns=[idc] + TASK["train_targets"])
    xte = test.drop(columns=[idc])
    blocks_tr, blocks_te = [], []
    for col in list(xtr.columns):
        if col == "text":
            from sklearn.feature_extraction.text import CountVectorizer
            cv = CountVectorizer(token_pattern=r"[A-Za-z_]+")
            blocks_tr.append(cv.fit_transform(xtr[col].fillna("")).toarray())
            blocks_te.append(cv.transform(xte[col].fillna("")).toarray())
        elif col in ("image_path", "audio_path"):
            extract = image_features if col == "image_path" else audio_features
            blocks_tr.append(extract(xtr[col]))
            blocks_te.append(extract(xte[col]))
        else:
            continue
        xtr, xte = xtr.drop(columns=[col]), xte.drop(columns=[col])
    if xtr.shape[1]:
        both = pd.get_dummies(pd.concat([xtr, xte]), dtype=float)
        both = both.fillna(both.iloc[:len(xtr)].median()).fillna(0)
        blocks_tr.append(both.iloc[:len(xtr)].values)
        blocks_te.append(both.iloc[len(xtr):].values)
    for name, extract in (("series.csv", series_features), ("nodes.csv", graph_features)):
        if os.path.isfile(os.path.join(P, name)):
            f = extract(idc)
            blocks_tr.append(f.loc[train[idc]].values)
            blocks_te.append(f.loc[test[idc]].values)
    return np.hstack(blocks_tr), train[TASK["train_targets"]], np.hstack(blocks_te), train, test


def targets_matrix(y):
    if TASK["kind"] in ("class_probabilities", "label", "ranked_labels"):
        labels = y.iloc[:, 0].astype(str)
        return np.column_stack([(labels == c).astype(float) for c in TASK["classes"]])
    return y.values.astype(float)


def strongest_columns(x, ymat, k):
    xs = (x - x.mean(0)) / (x.std(0) + 1e-9)
    ys = (ymat - ymat.mean(0)) / (ymat.std(0) + 1e-9)
    corr = np.abs(xs.T @ ys) / len(x)
    return np.argsort(-corr.max(axis=1), kind="stable")[:k]


def design(rung, xtr, xte, ymat):
    from sklearn.preprocessing import StandardScaler
    scaler = StandardScaler().fit(xtr)
    xtr, xte = scaler.transform(xtr), scaler.transform(xte)
    if rung == "one-feature":
        cols = strongest_columns(xtr, ymat, 1)
        return xtr[:, cols], xte[:, cols]
    if rung in ("interactions", "shuffled-control"):
        top = strongest_columns(xtr, ymat, min(4, xtr.shape[1]))
        pairs = [(a, b) for i, a in enumerate(top) for b in top[i:]]
        xtr = np.hstack([xtr, np.column_stack([xtr[:, a] * xtr[:, b] for a, b in pairs])])
        xte = np.hstack([xte, np.column_stack([xte[:, a] * xte[:, b] for a, b in pairs])])
    return xtr, xte


GRID = [0.03, 0.1, 0.3, 1.0, 3.0]
# Rungs whose model is a linear one on some design of the features; the others name their model family.
LINEAR_RUNGS = ("one-feature", "linear", "interactions", "leak-probe", "shuffled-control")
# Tree ensembles run with scikit-learn's usual settings: tuning them by cross-validation would cost 15 fits per rung.
UNTUNED = ("one-feature", "leak-probe", "forest", "boosting")
# Neighbours per strength in GRID: more strength, fewer neighbours (less smoothing).
NEIGHBOURS = [25, 15, 9, 5, 3]


def estimator(rung, regression, strength=1.0):
    """The model a rung fits; strength > 1 means less regularisation (more capacity)."""
    if rung == "forest":
        from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
        make = RandomForestRegressor if regression else RandomForestClassifier
        return make(n_estimators=200, random_state=0, n_jobs=1)
    if rung == "boosting":
        from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor
        make = GradientBoostingRegressor if regression else GradientBoostingClassifier
        return make(n_estimators=150, max_depth=2, learning_rate=0.1, random_state=0)
    if rung == "neighbours":
        from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
        make = KNeighborsRegressor if regression else KNeighborsClassifier
        return make(n_neighbors=NEIGHBOURS[GRID.index(strength)], weights="distance")
    if rung not in LINEAR_RUNGS:
        raise ValueError("unknown rung " + rung)
    from sklearn.linear_model import LogisticRegression, Ridge
    return Ridge(alpha=3.0 / strength) if regression else LogisticRegression(C=0.3 * strength, max_iter=3000)


def fitted(rung, regression, x, target):
    """Untuned rungs fit their fixed model; the others pick their strength by 3-fold cross-validation."""
    if rung in UNTUNED:
        return estimator(rung, regression).fit(x, target)
    from sklearn.model_selection import cross_val_score
    best, best_score = 1.0, -np.inf
    for strength in GRID:
        try:
            score = cross_val_score(estimator(rung, regression, strength), x, target, cv=3).mean()
        except ValueError:
            continue
        if score > best_score:
            best, best_score = strength, score
    return estimator(rung, regression, best).fit(x, target)


def predict(rung, xtr, y, xte):
    kind = TASK["kind"]
    ymat = targets_matrix(y)
    prior = rung == "prior"
    if not prior:
        xtr, xte = design(rung, xtr, xte, ymat)
    out = {}
    if kind == "number":
        for i, col in enumerate(TASK["train_targets"]):
            log = TASK["metric"] == "rmsle"
            target = np.log1p(ymat[:, i]) if log else ymat[:, i]
            centre = np.median(target) if TASK["metric"] == "mae" else target.mean()
            p = np.full(len(xte), centre) if prior else fitted(rung, True, xtr, target).predict(xte)
            out[col] = np.clip(np.expm1(p), 0, None) if log else p
        return pd.DataFrame(out)
    if kind == "probability":
        for i, col in enumerate(TASK["train_targets"]):
            target = ymat[:, i].astype(int)
            if prior or len(set(target)) < 2:
                out[col] = np.full(len(xte), target.mean())
            else:
                out[col] = fitted(rung, False, xtr, target).predict_proba(xte)[:, 1]
        return pd.DataFrame(out)
    classes = TASK["classes"]
    labels = y.iloc[:, 0].astype(str).values
    if prior:
        freq = np.array([(labels == c).mean() for c in classes])
        proba = np.tile(freq, (len(xte), 1))
    else:
        model = fitted(rung, False, xtr, labels)
        seen = model.predict_proba(xte)
        proba = np.zeros((len(xte), len(classes)))
        for j, c in enumerate(model.classes_):
            proba[:, classes.index(c)] = seen[:, j]
    proba = np.clip(proba, 1e-4, 1)
    proba = proba / proba.sum(axis=1, keepdims=True)
    if kind == "class_probabilities":
        return pd.DataFrame(proba, columns=classes)
    order = np.argsort(-proba, axis=1, kind="stable")
    if kind == "label":
        return pd.DataFrame({TASK["sub_columns"][0]: [classes[r[0]] for r in order]})
    return pd.DataFrame({TASK["sub_columns"][0]: [" ".join(classes[j] for j in r[:3]) for r in order]})


def metadata_features(frame):
    """What a leaking task would expose besides content: row position, id bits and media file sizes."""
    cols = [np.arange(len(frame), dtype=float), frame[TASK["id"]].map(lambda s: int(str(s)[:8], 16)).values]
    for col in ("image_path", "audio_path"):
        if col in frame.columns:
            cols.append(frame[col].map(lambda p: os.path.getsize(os.path.join(P, p))).values)
    return np.column_stack(cols).astype(float)


def main():
    started = time.time()
    xtr, y, xte, train, test = features()
    timings = {}
    for rung in RUNGS:
        t0 = time.time()
        if rung == "leak-probe":
            pred = predict("leak-probe", metadata_features(train), y, metadata_features(test))
        elif rung == "shuffled-control":
            shuffled = y.iloc[np.random.RandomState(0).permutation(len(y))].reset_index(drop=True)
            pred = predict("shuffled-control", xtr, shuffled, xte)
        else:
            pred = predict(rung, xtr, y, xte)
        sub = pd.concat([test[[TASK["id"]]].reset_index(drop=True), pred[TASK["sub_columns"]]], axis=1)
        sub.to_csv(OUTPUT.replace("{rung}", rung), index=False, float_format="%.6f", lineterminator="\n")
        timings[rung] = round(time.time() - t0, 3)
    print(json.dumps({"seconds": round(time.time() - started, 3), "rungs": timings}))


main()
