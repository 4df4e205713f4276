#!/usr/bin/env python3
"""Play one episode against a sandmle env-server over OpenEnv's WebSocket protocol and print each step's reward.

Needs only the standard library and websockets (Debian: python3-websockets):
    /usr/bin/python3 examples/rl-engines/play.py --url ws://127.0.0.1:8000/ws [--task-id ID | --split validation --seed 3]

The agent is a fixed baseline, not a model: it reads the task, writes a script that fits a small model on the
numeric columns (or copies the sample submission), scores it, and submits. An RL engine puts its policy
where `baseline_actions` is.
"""
import argparse
import asyncio
import json
import sys

import websockets

BASELINE = r'''
import os, pandas as pd
data = "/data"
sample = pd.read_csv(os.path.join(data, "sample_submission.csv"))
sub = sample.copy()
try:
    train = pd.read_csv(os.path.join(data, "train.csv"))
    test = pd.read_csv(os.path.join(data, "test.csv"))
    from sklearn.ensemble import RandomForestRegressor, RandomForestClassifier
    id_col, targets = sample.columns[0], [c for c in sample.columns[1:] if c in train.columns]
    features = [c for c in test.columns if c in train.columns and c != id_col
                and pd.api.types.is_numeric_dtype(train[c])]
    for target in targets:
        y = train[target]
        model = (RandomForestClassifier if y.dtype == object or y.nunique() <= 10 else RandomForestRegressor)(
            n_estimators=50, random_state=0)
        model.fit(train[features].fillna(0), y)
        sub[target] = model.predict(test[features].fillna(0))
    sub[id_col] = test[id_col].values
except Exception as e:
    print("baseline model skipped:", e)
sub.to_csv("submission.csv", index=False)
print("wrote submission.csv with", len(sub), "rows")
'''


def baseline_actions():
    """The fixed agent: look, write a submission, score it, submit."""
    yield {"action": "request_info", "params": {"info_type": "data_structure"}}
    yield {"action": "python", "params": {"code": BASELINE},
           "model_output": "<think>Fit a small forest on the numeric columns.</think>"}
    yield {"action": "score"}
    yield {"action": "submit"}


async def send(ws, message):
    await ws.send(json.dumps(message))
    reply = json.loads(await ws.recv())
    if reply["type"] == "error":
        raise SystemExit("server error %s: %s" % (reply["data"].get("code"), reply["data"]["message"]))
    return reply["data"]


async def play(args):
    reset = {k: v for k, v in {"task_id": args.task_id, "split": args.split, "seed": args.seed}.items()
             if v is not None}
    async with websockets.connect(args.url, max_size=None) as ws:
        first = await send(ws, {"type": "reset", "data": reset})
        obs = first["observation"]
        print("episode %s: task %s (%s split)" % (obs["episode_id"], obs["task_id"], obs["split"]))
        total = 0.0
        for action in baseline_actions():
            result = await send(ws, {"type": "step", "data": action})
            obs, reward, done = result["observation"], result["reward"], result["done"]
            total += reward
            grade = obs.get("grade") or {}
            print("step %-12s reward %+.3f  %s" % (action["action"], reward,
                  "score %s medal %s" % (grade.get("score"), grade.get("medal")) if grade else ""))
            if done:
                final = obs.get("final_grade") or {}
                print("done: %s, episode reward %.3f (steps add up to %.3f), final score %s, medal %s"
                      % (obs["end_reason"], obs["episode_reward"], total, final.get("score"), final.get("medal")))
                break
        await ws.send(json.dumps({"type": "close"}))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", default="ws://127.0.0.1:8000/ws")
    p.add_argument("--task-id")
    p.add_argument("--split", choices=["train", "validation"])
    p.add_argument("--seed", type=int)
    asyncio.run(play(p.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
