"""Splits the built-in seed catalog into training and held-out seed competitions for docs/RESULTS.md's rerun.

Within each modality the seeds are sorted by id and every third one (the 3rd, 6th, ...) is held out, so both sides
cover every modality and the split never depends on a random draw. Prints {"train": [...], "held_out": [...]}.
"""
import json
import sys
from collections import defaultdict

catalog = json.load(open(sys.argv[1]))
by_modality = defaultdict(list)
for seed in catalog["seeds"]:
    by_modality[seed["modality"]].append(seed["seedId"])
split = {"train": [], "held_out": []}
for modality in sorted(by_modality):
    for i, seed_id in enumerate(sorted(by_modality[modality])):
        split["held_out" if i % 3 == 2 else "train"].append(seed_id)
json.dump(split, sys.stdout, indent=1)
