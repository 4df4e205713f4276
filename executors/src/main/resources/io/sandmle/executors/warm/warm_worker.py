"""SandMLE warm worker: imports the ML stack once, then runs each step in a forked child.

Runs inside the episode's bubblewrap sandbox as the unprivileged sandbox user, so every child inherits
exactly the cold path's isolation. Protocol on stdin/stdout, one line each:
  harness -> worker:  SPARE            (fork the child for the next step now, between steps)
                      RUN <code-path> <stdout-fifo> <stderr-fifo> <cpu-seconds>
  worker -> harness:  READY            (once, after the imports)
                      SPARED           (the spare child is waiting)
                      EXIT <code>      (per step; a negative code is the signal that killed the step)
The harness sweeps whatever the step left running (its cgroup) before asking for the next spare.
"""
import os
import sys

PRELOAD = ("numpy", "pandas", "scipy", "sklearn", "sklearn.ensemble", "sklearn.linear_model",
           "sklearn.model_selection", "sklearn.metrics", "sklearn.preprocessing", "sklearn.tree")

for _name in PRELOAD:
    try:
        __import__(_name)
    except Exception:  # a missing library costs the step its import, nothing more
        pass

import gc
import resource
import signal
import traceback
import types


def warm_up():
    """Runs a tiny fit once so the lazy imports and first-call set-up inside pandas and scikit-learn are
    paid here, before forking, and not again by every step."""
    try:
        import io
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import train_test_split
        df = pd.read_csv(io.StringIO("a,b,y\n1,2,0\n2,1,1\n3,3,0\n4,1,1\n5,2,0\n6,1,1\n"))
        x_train, x_test, y_train, _ = train_test_split(df[["a", "b"]], df.y, test_size=2, random_state=0)
        RandomForestClassifier(n_estimators=2, random_state=0).fit(x_train, y_train).predict(x_test)
        LogisticRegression().fit(x_train, y_train).predict_proba(x_test)
        df.to_csv(io.StringIO(), index=False)
    except Exception:  # a library that is missing or different only costs the steps their warm-up
        pass


def run_child(code_path, out_fd, err_fd, cpu_seconds):
    """Becomes the step: fresh session, step output on the pipes, limits, then runs the code as __main__."""
    os.setsid()
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    os.closerange(3, 65536)
    try:
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write("1000")  # under memory pressure the step dies, not the worker
    except OSError:
        pass
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed()  # a fresh process would not share the worker's random state
    sys.argv = [code_path]
    main = types.ModuleType("__main__")
    main.__file__ = code_path
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    status = 0
    try:
        with open(code_path, encoding="utf-8") as f:
            source = f.read()
        exec(compile(source, code_path, "exec"), main.__dict__)
    except SystemExit as e:
        status = exit_status(e.code)
    except BaseException as e:  # print as python would, without this file's frame
        traceback.print_exception(type(e), e, e.__traceback__.tb_next)
        status = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(status)


def exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def fork_spare():
    """Forks the child that will run the next step and parks it on a pipe, so the fork (tens of
    milliseconds for a worker holding pandas and scikit-learn) is paid between steps, not during one."""
    orders_r, orders_w = os.pipe()
    pid = os.fork()
    if pid != 0:
        os.close(orders_r)
        return pid, orders_w
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)  # let go of the control pipe while waiting
    os.closerange(3, orders_r)
    os.closerange(orders_r + 1, 65536)
    with os.fdopen(orders_r, "r") as orders:
        parts = orders.readline().split()
    if len(parts) != 4:
        os._exit(0)
    code_path, out_path, err_path, cpu = parts
    out_fd = os.open(out_path, os.O_WRONLY)
    err_fd = os.open(err_path, os.O_WRONLY)
    run_child(code_path, out_fd, err_fd, int(cpu))


def serve():
    warm_up()
    # Objects that exist now are never collected in a child, so the collector does not dirty the pages
    # children share with the worker (copy-on-write stays cheap).
    gc.freeze()
    control = os.fdopen(os.dup(1), "w", buffering=1)
    null = os.open("/dev/null", os.O_WRONLY)
    os.dup2(null, 1)  # nothing but the protocol reaches the harness on the control pipe
    control.write("READY\n")
    spare = None
    for line in sys.stdin:
        parts = line.split()
        if parts == ["SPARE"]:
            if spare is None:
                sys.stderr.flush()
                spare = fork_spare()
            control.write("SPARED\n")
            continue
        if len(parts) != 5 or parts[0] != "RUN":
            continue
        pid, orders = spare if spare is not None else fork_spare()
        spare = None
        os.write(orders, (" ".join(parts[1:]) + "\n").encode())
        os.close(orders)
        _, status = os.waitpid(pid, 0)
        control.write("EXIT %d\n" % os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    serve()
