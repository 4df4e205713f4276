"""Paired comparison of two systems from eval run folders: medal rate, exact McNemar, Wilcoxon on tiers.

Usage: /usr/bin/python3 paired_medals.py <run-dir>[,<run-dir>...] <system-a> <system-b>
Tier per episode (final grade): 0 none, 1 above median, 2 bronze, 3 silver, 4 gold; pairs are (task, seed)."""
import json, glob, sys
from scipy.stats import binomtest, wilcoxon
runs = sys.argv[1].split(","); a_name, b_name = sys.argv[2], sys.argv[3]
tier = {None: 0, "NONE": 0, "BRONZE": 2, "SILVER": 3, "GOLD": 4}
rows = {}
for f in [f for r in runs for f in glob.glob(r + "/episodes/*/trajectory.jsonl")]:
    head = json.loads(open(f).readline())
    g = head.get("finalGrade") or {}
    t = tier.get(g.get("medal"), 0)
    if t == 0 and g.get("aboveMedian"):
        t = 1
    parts = head["episodeId"].split(".")
    rows[(head["taskId"], head["seed"], parts[-2])] = (t, 1 if t >= 2 else 0)
keys = sorted({(k[0], k[1]) for k in rows})
a = [rows[k + (a_name,)] for k in keys if k + (a_name,) in rows and k + (b_name,) in rows]
b = [rows[k + (b_name,)] for k in keys if k + (a_name,) in rows and k + (b_name,) in rows]
n = len(a)
print(f"pairs {n}")
for name, xs in ((a_name, a), (b_name, b)):
    print(f"{name}: medal rate {sum(x[1] for x in xs)/n:.3f}  mean tier {sum(x[0] for x in xs)/n:.3f}")
up = sum(1 for x, y in zip(a, b) if y[1] > x[1]); down = sum(1 for x, y in zip(a, b) if y[1] < x[1])
print(f"medal discordant: {b_name} only {up}, {a_name} only {down}; exact McNemar p = "
      f"{binomtest(up, up + down).pvalue if up + down else 1.0:.4g}")
d = [y[0] - x[0] for x, y in zip(a, b)]
print(f"tier diff mean {sum(d)/n:+.3f}; Wilcoxon p = {wilcoxon(d).pvalue if any(d) else 1.0:.4g}")
