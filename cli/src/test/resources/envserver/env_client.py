"""Test client of `sandmle env-server`: plays scenarios over /ws and prints one JSON line per result.

Run with Debian's python3 (python3-websockets): env_client.py <url> <scenario> [options]
"""
import argparse
import asyncio
import json

import websockets

SUBMIT_SAMPLE = ("import pandas as pd\n"
                 "pd.read_csv('/data/sample_submission.csv').to_csv('submission.csv', index=False)\n"
                 "print('copied the sample submission')\n")


async def ask(ws, message):
    await ws.send(message if isinstance(message, str) else json.dumps(message))
    return json.loads(await ws.recv())


def out(**fields):
    print(json.dumps(fields), flush=True)


async def play(url, episodes, system):
    """Whole episodes: look, write the sample submission, score, submit."""
    for i in range(episodes):
        async with websockets.connect(url, max_size=None) as ws:
            first = await ask(ws, {"type": "reset", "data": {"seed": i, "system": system}})
            obs = first["data"]["observation"]
            rewards = []
            for action in ({"action": "request_info", "params": {"info_type": "overview"}},
                           {"action": "python", "params": {"code": SUBMIT_SAMPLE}},
                           {"action": "score"}, {"action": "submit"}):
                reply = await ask(ws, {"type": "step", "data": action})
                rewards.append(reply["data"]["reward"])
            final = reply["data"]["observation"]
            state = await ask(ws, {"type": "state"})
            out(episode_id=obs["episode_id"], task_id=obs["task_id"], rewards=rewards, done=reply["data"]["done"],
                end_reason=final["end_reason"], episode_reward=final["episode_reward"], grade=final["grade"],
                state=state["data"])
            await ws.send(json.dumps({"type": "close"}))


async def one_session(url, system, index):
    try:
        # 64 sessions start 64 sandboxes on a 2-core machine that may also be running the rest of the test suite:
        # the client's own event loop can then fall behind websockets' default 20 s keep-alive deadline.
        async with websockets.connect(url, max_size=None, open_timeout=120, ping_timeout=90) as ws:
            first = await ask(ws, {"type": "reset", "data": {"seed": index, "system": system}})
            if first["type"] == "error":
                return {"index": index, "error": first["data"]["code"]}
            await ask(ws, {"type": "step", "data": {"action": "python", "params": {"code": SUBMIT_SAMPLE}}})
            last = await ask(ws, {"type": "step", "data": {"action": "submit"}})
            return {"index": index, "episode_id": first["data"]["observation"]["episode_id"],
                    "done": last["data"]["done"]}
    except Exception as e:  # reported, not hidden: the test counts these
        return {"index": index, "error": repr(e)}


async def concurrent(url, sessions, system):
    results = await asyncio.gather(*(one_session(url, system, i) for i in range(sessions)))
    for r in results:
        out(**r)


async def bad_input(url, system):
    """Each bad message on its own connection; the answer's type and code are printed."""
    huge = "x = 1\n" + "#" * (10 * 1024 * 1024)
    cases = {
        "malformed_json": ["{not json"],
        "unknown_message_type": [{"type": "dance", "data": {}}],
        "unknown_action": [{"type": "reset", "data": {"system": system}}, {"type": "step", "data": {"action": "fly"}}],
        "ten_mb_code": [{"type": "reset", "data": {"system": system}},
                        {"type": "step", "data": {"action": "python", "params": {"code": huge}}}],
        "step_after_done": [{"type": "reset", "data": {"system": system}}, {"type": "step", "data": {"action": "submit"}},
                            {"type": "step", "data": {"action": "score"}}],
        "unknown_task": [{"type": "reset", "data": {"task_id": "no-such-task", "system": system}}],
        "step_before_reset": [{"type": "step", "data": {"action": "score"}}],
        "missing_code": [{"type": "reset", "data": {"system": system}}, {"type": "step", "data": {"action": "python"}}],
    }
    for name, messages in cases.items():
        async with websockets.connect(url, max_size=None) as ws:
            reply = None
            for m in messages:
                reply = await ask(ws, m)
            # The session still answers after the error.
            after = await ask(ws, {"type": "state"})
            out(case=name, type=reply["type"], code=reply["data"].get("code"), message=reply["data"].get("message"),
                still_answers=after["type"] == "state")


async def storm(url, resets, system):
    """Many resets on one connection, then one whole short episode."""
    async with websockets.connect(url, max_size=None) as ws:
        ids = []
        for i in range(resets):
            r = await ask(ws, {"type": "reset", "data": {"seed": i, "system": system}})
            ids.append(r["data"]["observation"]["episode_id"])
        last = await ask(ws, {"type": "step", "data": {"action": "submit"}})
        out(ids=ids, done=last["data"]["done"])


async def hang(url, system):
    """Starts a step that sleeps, says so, and waits to be killed."""
    async with websockets.connect(url, max_size=None) as ws:
        r = await ask(ws, {"type": "reset", "data": {"system": system}})
        out(episode_id=r["data"]["observation"]["episode_id"])
        await ws.send(json.dumps({"type": "step", "data": {"action": "python", "params": {
            "code": "import time\nprint('sleeping', flush=True)\ntime.sleep(600)\n"}}}))
        out(step="sent")
        await asyncio.sleep(3600)


async def capacity(url, sessions, system):
    """Opens one more session than the server takes; each holds an episode until all have answered."""
    sockets = []
    for i in range(sessions):
        ws = await websockets.connect(url, max_size=None)
        sockets.append(ws)
        try:  # a server at capacity speaks first: one error, then it closes
            reply = json.loads(await asyncio.wait_for(ws.recv(), 1.0))
        except asyncio.TimeoutError:
            reply = await ask(ws, {"type": "reset", "data": {"seed": i, "system": system}})
        out(index=i, type=reply["type"], code=reply["data"].get("code"), message=reply["data"].get("message"))
    for ws in sockets:
        await ws.close()


async def idle(url, seconds, system):
    """Resets, stays silent for longer than the idle timeout, then finds the session closed."""
    async with websockets.connect(url, max_size=None) as ws:
        r = await ask(ws, {"type": "reset", "data": {"system": system}})
        out(episode_id=r["data"]["observation"]["episode_id"])
        await asyncio.sleep(seconds)
        try:
            await ask(ws, {"type": "step", "data": {"action": "score"}})
            out(closed=False)
        except websockets.exceptions.ConnectionClosed as e:
            out(closed=True, reason=e.reason)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("url")
    p.add_argument("scenario", choices=["play", "concurrent", "bad-input", "storm", "hang",
                                             "capacity", "idle"])
    p.add_argument("--count", type=int, default=1)
    p.add_argument("--system", default="test-client")
    a = p.parse_args()
    run = {"play": lambda: play(a.url, a.count, a.system),
           "concurrent": lambda: concurrent(a.url, a.count, a.system),
           "bad-input": lambda: bad_input(a.url, a.system),
           "storm": lambda: storm(a.url, a.count, a.system),
           "hang": lambda: hang(a.url, a.system),
           "capacity": lambda: capacity(a.url, a.count, a.system),
           "idle": lambda: idle(a.url, a.count, a.system)}[a.scenario]
    asyncio.run(run())


if __name__ == "__main__":
    main()
