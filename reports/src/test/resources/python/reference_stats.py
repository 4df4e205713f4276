"""Independent reference values for the Java statistics, computed with scipy/numpy.

Reads a JSON list of cases from argv[1], writes a JSON list of results to argv[2].
Each case: {"kind": ..., ...inputs}; each result mirrors what the Java side computed.
"""
import itertools
import json
import math
import sys

import numpy as np
from scipy import stats


def holm(p):
    p = np.asarray(p, float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    adj = np.empty(m)
    running = 0.0
    for rank, idx in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[idx]))
        adj[idx] = running
    return adj.tolist()


def bh(p):
    p = np.asarray(p, float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    adj = np.empty(m)
    adj[order] = np.minimum(ranked, 1.0)
    return adj.tolist()


def pass_at_k(n, c, k):
    if n - c < k:
        return 1.0
    return 1.0 - float(np.prod(1.0 - k / np.arange(n - c + 1, n + 1)))


def bradley_terry_mm(w):
    w = np.asarray(w, float)
    m = len(w)
    pi = np.ones(m)
    for _ in range(100000):
        new = np.empty(m)
        for i in range(m):
            den = sum((w[i, j] + w[j, i]) / (pi[i] + pi[j]) for j in range(m) if j != i)
            new[i] = w[i].sum() / den
        new /= np.exp(np.mean(np.log(new)))
        if np.max(np.abs(new - pi)) < 1e-13:
            pi = new
            break
        pi = new
    return pi.tolist()


def sign_flip_exact(d):
    d = np.asarray(d, float)
    res = stats.permutation_test((d,), lambda x, axis: np.abs(np.mean(x, axis=axis)),
                                 permutation_type="samples", n_resamples=np.inf,
                                 alternative="greater", vectorized=True)
    return float(res.pvalue)


def handle(case):
    k = case["kind"]
    if k == "wilcoxon":
        r = stats.wilcoxon(case["d"], zero_method="wilcox", correction=False, method=case["method"])
        return {"statistic": float(r.statistic), "p": float(r.pvalue)}
    if k == "signflip":
        return {"p": sign_flip_exact(case["d"])}
    if k == "ttest":
        r = stats.ttest_1samp(case["d"], 0.0)
        return {"t": float(r.statistic), "p": float(r.pvalue)}
    if k == "mcnemar":
        b, c = case["b"], case["c"]
        return {"p": float(stats.binomtest(b, b + c, 0.5).pvalue)}
    if k == "multiplicity":
        return {"holm": holm(case["p"]), "bh": bh(case["p"])}
    if k == "rate":
        t = stats.binomtest(case["x"], case["n"])
        w = t.proportion_ci(method="wilson")
        e = t.proportion_ci(method="exact")
        return {"wilson": [w.low, w.high], "cp": [e.low, e.high]}
    if k == "descriptive":
        x = np.asarray(case["x"], float)
        return {"iqm": float(stats.trim_mean(x, 0.25)), "median": float(np.median(x)),
                "p2_5": float(np.percentile(x, 2.5)), "p97_5": float(np.percentile(x, 97.5)),
                "sem": float(stats.sem(x, ddof=1))}
    if k == "poi":
        x, y = case["x"], case["y"]
        u = stats.mannwhitneyu(x, y, alternative="greater").statistic
        return {"poi": float(u) / (len(x) * len(y))}
    if k == "passk":
        n, c = case["n"], case["c"]
        return {"at": [pass_at_k(n, c, kk) for kk in range(1, n + 1)],
                "hat": [math.comb(c, kk) / math.comb(n, kk) for kk in range(1, n + 1)]}
    if k == "kendall":
        return {"tau": float(stats.kendalltau(case["x"], case["y"]).statistic)}
    if k == "harmony":
        a = np.asarray(case["a"], float)
        return {"h": float(stats.entropy(a / a.sum()) / math.log(len(a)))}
    if k == "bt":
        return {"pi": bradley_terry_mm(case["w"])}
    if k == "borda":
        s = np.asarray(case["scores"], float)
        m = s.shape[1]
        points = np.zeros(m)
        for row in s:
            points += m - stats.rankdata(-row, method="average")
        return {"points": points.tolist()}
    if k == "power":
        z = stats.norm.ppf(1 - case["alpha"] / 2) + stats.norm.ppf(case["power"])
        return {"runs": 2 * case["vbar"] * z * z / (case["tasks"] * case["delta"] ** 2)}
    if k == "stratified":
        rng = np.random.default_rng(case["seed"])
        runs = np.asarray(case["runs"], float)  # tasks x runs (balanced)
        t, n = runs.shape
        reps = case["reps"]
        idx = rng.integers(0, n, size=(reps, t, n))
        res = np.take_along_axis(np.broadcast_to(runs, (reps, t, n)), idx, axis=2)
        mean = res.mean(axis=2).mean(axis=1)
        iqm = stats.trim_mean(res.reshape(reps, -1), 0.25, axis=1)
        return {"mean": np.percentile(mean, [2.5, 97.5]).tolist(), "iqm": np.percentile(iqm, [2.5, 97.5]).tolist()}
    raise ValueError("unknown case kind " + k)


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    out = [handle(c) for c in cases]
    with open(sys.argv[2], "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
