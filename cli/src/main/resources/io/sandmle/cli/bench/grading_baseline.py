"""Baseline for `sandmle bench grading`: the same grading done the way MLE-bench does it, with pandas
and scikit-learn, timed in-process (interpreter start-up and imports are not counted).

usage: grading_baseline.py <kind: accuracy|auc> <submission.csv> <answers.csv> <id> <target> <repeats>
prints JSON {"seconds": [...], "cpu_seconds": [...], "score": s} (wall and process CPU time per repetition)
"""
import json
import sys
import time

import pandas as pd
from sklearn.metrics import accuracy_score, roc_auc_score


def grade(kind, submission_path, answers_path, id_col, target):
    sub = pd.read_csv(submission_path, float_precision="round_trip")
    ans = pd.read_csv(answers_path, float_precision="round_trip")
    if len(sub) != len(ans) or id_col not in sub.columns or target not in sub.columns:
        raise ValueError("invalid submission")
    if kind == "auc":
        pd.to_numeric(sub[target])
        if sub[target].min() < 0 or sub[target].max() > 1:
            raise ValueError("invalid probabilities")
    sub = sub.sort_values(id_col)
    ans = ans.sort_values(id_col)
    if (sub[id_col].values != ans[id_col].values).any():
        raise ValueError("ids differ")
    if kind == "auc":
        return float(roc_auc_score(ans[target].to_numpy(), sub[target].to_numpy()))
    return float(accuracy_score(ans[target].astype(str), sub[target].astype(str)))


def main():
    kind, submission, answers, id_col, target, repeats = sys.argv[1:7]
    seconds, cpu_seconds = [], []
    score = None
    for _ in range(int(repeats)):
        start, cpu_start = time.perf_counter(), time.process_time()
        score = round(grade(kind, submission, answers, id_col, target), 5)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "score": score}))


if __name__ == "__main__":
    main()
