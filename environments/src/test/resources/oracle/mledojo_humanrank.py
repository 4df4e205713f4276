"""Independent re-implementation of MLE-Dojo's HumanRank (reference digest §2.4), the oracle for
the Java HumanRank. Reads JSON lines {"id", "dir", "higher_is_better", "scores": [...]} (scores may
be "nan", "inf", "-inf"); writes {"id", "results": [{"private": p, "public": p, "avg": a}, ...]}
where p is [position, total, position_score].
"""
import json
import os
import sys

import pandas as pd


def board_position(agent, human_scores, higher_is_better):
    ordered = sorted(human_scores, reverse=higher_is_better)
    total = len(ordered)
    position = total + 1
    for i, s in enumerate(ordered):
        if (agent >= s) if higher_is_better else (agent <= s):
            position = i + 1
            break
    return [position, total, (total - position + 1) / total]


def main():
    for line in sys.stdin:
        case = json.loads(line)
        boards = {}
        for name in ("private", "public"):
            path = os.path.join(case["dir"], name + "_leaderboard.csv")
            if os.path.exists(path):
                boards[name] = list(pd.read_csv(path).iloc[:, 1].values)
        results = []
        for raw in case["scores"]:
            agent = float(raw)
            out = {name: board_position(agent, s, case["higher_is_better"]) for name, s in boards.items()}
            out["avg"] = sum(v[2] for v in out.values()) / len(out)
            results.append(out)
        sys.stdout.write(json.dumps({"id": case["id"], "results": results}) + "\n")


if __name__ == "__main__":
    main()
