"""Writes the rerun's summary (examples/results/rerun.sh): commit, commands and wall times, the seed split, the recipe
diversity figures, the reports' headline, aggregate and pairwise tables (read from their report.json) and which
model each system chose first per hidden-rule family (choices.json)."""
import json
import os
import sys

out, commit = sys.argv[1], sys.argv[2]


def load(*parts):
    with open(os.path.join(out, *parts)) as f:
        return json.load(f)


def sections(report, wanted=("headline", "aggregates", "pairwise")):
    doc = load("reports", report, "report.json")
    return {s["id"]: {"tables": s["tables"], "notices": s["notices"]} for s in doc["sections"] if s["id"] in wanted}


phases = []
with open(os.path.join(out, "logs", "phase-seconds.tsv")) as f:
    for line in f:
        name, seconds, command = line.rstrip("\n").split("\t", 2)
        phases.append({"phase": name, "seconds": int(seconds), "command": command})

split = load("split.json")
diversity = load("diversity.json")
tasks = {side: sorted(d for d in os.listdir(os.path.join(out, "tasks", side))
                      if os.path.isfile(os.path.join(out, "tasks", side, d, "task.json")))
         for side in ("train", "held-out")}
summary = {
    "commit": commit,
    "script": "examples/results/rerun.sh",
    "phases": phases,
    "seed_competitions": {"train": split["train"], "held_out": split["held_out"]},
    "tasks": {"train": len(tasks["train"]), "held_out": len(tasks["held-out"])},
    "diversity": {key: diversity[key] for key in ("best_fixed", "oracle_held_out_medal_rate", "distinct_per_task_best",
                                                 "target", "wall_seconds")},
    "eval_temperature_1": {"episode_pairs": sections("eval-t1-episode-pairs"),
                           "task_pairs": sections("eval-t1-task-pairs", ("pairwise",))},
    "eval_greedy": sections("eval-greedy"),
    "first_model_by_rule_family": load("choices.json"),
}
json.dump(summary, sys.stdout, indent=1)
print()
