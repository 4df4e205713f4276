"""Shared driver of the grader oracles: reads JSON lines {"id", "competition", "submission", "answers"},
loads both CSVs with pandas (round_trip floats, as MLE-bench reads submissions), calls
grade(competition, submission, answers) and writes {"id", "value", "rounded"} or {"id", "error"}.
"""
import json
import math
import sys
import warnings

import pandas as pd


def serve(grade):
    warnings.simplefilter("ignore")
    for line in sys.stdin:
        case = json.loads(line)
        try:
            sub = pd.read_csv(case["submission"], float_precision="round_trip")
            ans = pd.read_csv(case["answers"], float_precision="round_trip")
            score = grade(case["competition"], sub, ans)
            value = float(score)
            finite = math.isfinite(value)
            out = {"id": case["id"], "value": value if finite else repr(value),
                   "rounded": round(score, 5) if finite else repr(value)}
        except Exception as e:  # any failure is an invalid submission
            out = {"id": case["id"], "error": type(e).__name__ + ": " + str(e)[:160]}
        sys.stdout.write(json.dumps(out) + "\n")
