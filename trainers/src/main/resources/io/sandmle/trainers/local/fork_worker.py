"""A warm Python worker: imports the ML libraries once, then forks one child per code step.

Protocol (one JSON object per line on stdin and stdout):
  request  {"code": path, "cwd": dir, "stdout": path, "stderr": path, "timeout": seconds}
  response {"exit": int, "timed_out": bool, "wall_ms": int}
Each child is a fresh process (no state carries between steps) that starts with pandas, numpy
and scikit-learn already imported, which is what makes micro-task rollouts cheap.
"""
import json
import os
import signal
import sys
import time
import traceback

import numpy  # noqa: F401  (pre-imported for the children)
import pandas  # noqa: F401
import sklearn.ensemble  # noqa: F401
import sklearn.linear_model  # noqa: F401
import sklearn.neighbors  # noqa: F401
import sklearn.svm  # noqa: F401
import sklearn.tree  # noqa: F401


def run_child(request):
    os.setsid()
    os.chdir(request["cwd"])
    out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(out, 1)
    os.dup2(err, 2)
    sys.stdout = os.fdopen(1, "w", buffering=1)
    sys.stderr = os.fdopen(2, "w", buffering=1)
    sys.argv = [request["code"]]
    code = 0
    try:
        with open(request["code"]) as f:
            source = f.read()
        exec(compile(source, request["code"], "exec"), {"__name__": "__main__"})
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main():
    for line in sys.stdin:
        request = json.loads(line)
        started = time.time()
        pid = os.fork()
        if pid == 0:
            run_child(request)
        deadline = started + float(request["timeout"])
        timed_out = False
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.time() > deadline:
                timed_out = True
                try:
                    os.killpg(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                _, status = os.waitpid(pid, 0)
                break
            time.sleep(0.005)
        exit_code = os.waitstatus_to_exitcode(status)
        reply = {"exit": exit_code, "timed_out": timed_out, "wall_ms": int((time.time() - started) * 1000)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
