"""How each evaluated system's first recipe depends on the task (examples/results/rerun.sh): for every episode of
the evaluation runs given, the `model=` of its first code step's recipe comment, tallied per system and per the
task's hidden-rule family (reference/secrets.json), with the share of episodes that medalled. Prints JSON.

Usage: choices.py <held-out tasks folder> <run folder>...
"""
import collections
import json
import os
import re
import sys

tasks_dir, runs = sys.argv[1], sys.argv[2:]
family = {}
for task in os.listdir(tasks_dir):
    secrets = os.path.join(tasks_dir, task, "reference", "secrets.json")
    if os.path.isfile(secrets):
        family[task] = json.load(open(secrets)).get("ruleFamily", "unknown")

counts = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
medals = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
for run in runs:
    episodes = os.path.join(run, "episodes")
    for episode in sorted(os.listdir(episodes)):
        folder = os.path.join(episodes, episode)
        try:
            with open(os.path.join(folder, "trajectory.jsonl")) as f:
                header = json.loads(f.readline())
        except (OSError, ValueError):
            continue
        system = episode.split(".")[-2]
        rule = family.get(header["taskId"], "unknown")
        model = "none"
        with open(os.path.join(folder, "steps.jsonl")) as f:
            for line in f:
                code = json.loads(line).get("code") or ""
                found = re.search(r"# recipe: .*?model=(\S+)", code)
                if found:
                    model = found.group(1)
                    break
        counts[system][rule][model] += 1
        grade = header.get("finalGrade") or {}
        medals[system][rule][0] += grade.get("medal") not in (None, "NONE")
        medals[system][rule][1] += 1

out = {}
for system in sorted(counts):
    out[system] = {rule: {"first_model": dict(counts[system][rule].most_common()),
                          "medal_rate": round(medals[system][rule][0] / medals[system][rule][1], 3),
                          "episodes": medals[system][rule][1]}
                   for rule in sorted(counts[system])}
json.dump(out, sys.stdout, indent=1)
print()
