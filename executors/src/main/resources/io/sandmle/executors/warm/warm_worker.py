"""SandMLE warm worker: imports the ML stack once, then runs each step in a forked child.

Runs inside the episode's bubblewrap sandbox as the unprivileged sandbox user, so every child inherits
exactly the cold path's isolation. Protocol on stdin/stdout, one line each:
  harness -> worker:  SPARE            (fork the child for the next step now, between steps)
                      RUN <code-path> <stdout-fifo> <stderr-fifo> <cpu-seconds>
  worker -> harness:  READY            (once, after the imports)
                      SPARED           (the spare child is waiting)
                      EXIT <code>      (per step; a negative code is the signal that killed the step; sent
                                        as soon as the step's child reports its status, before it is reaped:
                                        see step_exit())
The harness sweeps whatever the step left running (its cgroup) before asking for the next spare. A parked spare
spends the time until its step arrives on a warm-up fit (see warm_spare()); the step's order cuts it short.

Run with the argument "zygote" (as root, on the host, its source read from stdin; see Zygote.java) the same file is the executor's
zygote instead: it imports once and, per episode, forks a worker into that episode's sandbox (enter()).
Protocol on stdin/stdout, one line each, one request at a time:
  harness -> zygote:  {JSON episode request, see Zygote.Request}
  zygote -> harness:  READY            (once, after the imports)
                      WORKER <pid>     (the episode's worker, a host pid; it then speaks the protocol above
                                        on the request's control fifos)
                      FAILED <reason>
"""
import os
import sys

PRELOAD = ("numpy", "pandas", "scipy", "sklearn", "sklearn.ensemble", "sklearn.linear_model",
           "sklearn.model_selection", "sklearn.metrics", "sklearn.preprocessing", "sklearn.tree")

if sys.argv[-1] == "zygote":
    # joblib decides at import whether it can use processes by creating a named semaphore. Inside the sandbox the
    # user cannot write /dev/shm, so it works serially and scikit-learn then gives OpenMP one thread; as root on the
    # host the zygote's probe would succeed, and its steps would try process pools (Permission denied) and run two
    # OpenMP threads each. This makes the zygote's imports decide as a worker's inside the sandbox do.
    os.environ["JOBLIB_MULTIPROCESSING"] = "0"
BEFORE_IMPORTS = dict(os.environ)

for _name in PRELOAD:
    try:
        __import__(_name)
    except Exception:  # a missing library costs the step its import, nothing more
        pass

import gc
import resource
import select
import signal
import traceback
import time
import types


def warm_up():
    """Runs a small fit the way a step does (a CSV file read, a forest and a linear model, predictions written to
    a file), so the lazy imports and first-call set-up inside pandas and scikit-learn are paid here, before forking,
    and not again by every step."""
    try:
        import numpy as np
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import train_test_split
        features = ["a", "b", "c", "d", "e"]
        table = pd.DataFrame(np.random.default_rng(0).normal(size=(120, 5)), columns=features)
        table.insert(0, "id", range(len(table)))
        table["target"] = (table.a + table.b > 0).astype(int)
        train = read_back(table)
        x_train, x_test, y_train, _ = train_test_split(train[features], train.target, test_size=0.25, random_state=0)
        forest = RandomForestClassifier(n_estimators=10, random_state=0).fit(x_train, y_train)
        LogisticRegression().fit(x_train, y_train).predict_proba(x_test)
        pd.DataFrame({"id": x_test.index, "target": forest.predict(x_test)}).to_csv(os.devnull, index=False)
    except Exception:  # a library that is missing or different only costs the steps their warm-up
        pass


def read_back(table):
    """{table} written as CSV and read back from a file path, as steps read their data (pandas opens a path
    differently from a buffer), through a pipe so nothing is written to disk."""
    import pandas as pd
    r, w = os.pipe()
    try:
        try:
            os.write(w, table.to_csv(index=False).encode())  # well under a pipe's buffer
        finally:
            os.close(w)
        return pd.read_csv("/dev/fd/%d" % r)
    finally:
        os.close(r)


def run_child(code_path, out_fd, err_fd, cpu_seconds, report_fd):
    """Becomes the step: its output on the pipes, its limits, then the code as __main__, ended as python ends a
    script; the status goes to the worker on {report_fd}."""
    step = os.getpid()
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    close_all_but(report_fd)
    # The kernel counts the spare's warm-up (about 0.1 CPU-s) too; the harness's own CPU watch starts with the step.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD, signal.SIGUSR1):
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, set())  # as a fresh interpreter starts
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.argv = [code_path]
    main = types.ModuleType("__main__")
    main.__file__ = code_path
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    status = guarded(run_main, code_path, main)
    status = guarded(end_like_python, main) or status
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        if os.getpid() == step:  # not a process the step forked that came back here
            report_exit(report_fd, status)
        os._exit(status)


def run_main(code_path, main):
    with open(code_path, encoding="utf-8") as f:
        source = f.read()
    exec(compile(source, code_path, "exec"), main.__dict__)


def end_like_python(main):
    """What python does after a script's last line and os._exit skips: it waits for the threads the script
    started, runs its exit handlers, and frees its globals, which flushes and closes files it left open (a file
    held only by a reference cycle python does not flush at exit either)."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        threading._shutdown()
    import atexit
    atexit._run_exitfuncs()
    main.__dict__.clear()


def guarded(call, *args):
    """Runs call(*args) as the step's code; returns its exit status, printing an error as python would."""
    try:
        call(*args)
        return 0
    except SystemExit as e:
        return exit_status(e.code)
    except BaseException as e:  # print as python would, without this file's frames
        traceback.print_exception(type(e), e, outside_this_file(e.__traceback__))
        return 1


def outside_this_file(tb):
    while tb is not None and tb.tb_frame.f_globals is globals():
        tb = tb.tb_next
    return tb


def report_exit(report_fd, status):
    """Tells the worker the step's status with the step's output closed, so the harness has its result while the
    kernel still tears down the child's copy of the worker's memory (milliseconds on a virtual machine)."""
    try:
        os.close(1)
        os.close(2)
        os.write(report_fd, b"%d\n" % status)
    except OSError:
        pass  # the worker then learns the status from the exit


def exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def fork_spare():
    """Forks the child that will run the next step and parks it on a pipe, so the fork (tens of
    milliseconds for a worker holding pandas and scikit-learn) is paid between steps, not during one.
    Returns its pid, the pipe its order goes down and the pipe its exit status comes back on."""
    orders_r, orders_w = os.pipe()
    report_r, report_w = os.pipe()
    pid = os.fork()
    if pid != 0:
        os.close(orders_r)
        os.close(report_w)
        return pid, orders_w, report_r
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)  # let go of the control pipe while waiting
    close_all_but(orders_r, report_w)
    become_a_step()
    warm_spare(orders_r)
    with os.fdopen(orders_r, "r") as orders:
        parts = orders.readline().split()
    if len(parts) != 4:
        os._exit(0)
    code_path, out_path, err_path, cpu = parts
    out_fd = os.open(out_path, os.O_WRONLY)
    err_fd = os.open(err_path, os.O_WRONLY)
    run_child(code_path, out_fd, err_fd, int(cpu), report_w)


def become_a_step():
    """What every step needs that its order does not say, done while the spare waits."""
    os.setsid()
    try:
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write("1000")  # under memory pressure the step dies, not the worker
    except OSError:
        pass
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed()  # a fresh process would not share the worker's random state


def close_all_but(*kept):
    """Closes every descriptor above stderr except {kept} (up to the descriptor limit, as subprocess does)."""
    low = 3
    for fd in sorted(kept):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, max(low, os.sysconf("SC_OPEN_MAX")))


def step_exit(pid, report):
    """The step's exit code as its child reports it, else (a signal, os._exit) from its end; and whether it was
    reaped."""
    try:
        watched = [report, os.pidfd_open(pid)]
    except (AttributeError, OSError):  # before Linux 5.3: a process the step forked may hold the pipe open
        watched = [report]
    try:
        select.select(watched, [], [])
        os.set_blocking(report, False)
        line = os.read(report, 16)
    except BlockingIOError:
        line = b""
    finally:
        for fd in watched:
            os.close(fd)
    if line.endswith(b"\n") and line[:-1].isdigit():
        return int(line), False
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), True


IDLE_BEFORE_WARMING = 0.05  # seconds without an order before a spare warms up


class StepArrived(BaseException):
    """Raised in a warming spare when its step's order comes; a BaseException, so warm_up() does not swallow it."""


def warm_spare(orders):
    """Runs the warm-up fit once more in the parked child, unless its step's order comes within IDLE_BEFORE_WARMING,
    and until the order interrupts it (SIGUSR1).

    A freshly forked child pays a copy-on-write fault the first time it writes each page it shares with the worker,
    and on a virtual machine a fault can cost tens of microseconds: a small fit in a fresh child took some 1 800 of
    them (about 50 ms) that the same fit in a warmed process does not. Warming the child takes most of them while the
    agent thinks (an LLM takes seconds); an agent that answers at once (the offline policy) would only pay the warm-up
    on top of its steps, so the spare waits a moment first."""
    if select.select([orders], [], [], IDLE_BEFORE_WARMING)[0]:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)  # drops the signal sent with the order, still blocked
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
        return
    warming = True

    def interrupt(*_):
        if warming:
            raise StepArrived()

    signal.signal(signal.SIGUSR1, interrupt)
    try:
        try:
            # Blocked since before the fork (serve()): an order sent already is delivered here, not lost.
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
            warm_up()
        finally:
            warming = False  # an order arriving after this line finds nothing to interrupt
    except StepArrived:
        pass


def warm():
    """Imports are done at module load; this pays the first-call costs and freezes what exists."""
    warm_up()
    # Objects that exist now are never collected in a child, so the collector does not dirty the pages
    # children share with the worker (copy-on-write stays cheap).
    gc.freeze()


def serve(orders):
    """The worker's loop: the harness's orders arrive on {orders} (a text file), replies leave on fd 1."""
    control = os.fdopen(os.dup(1), "w", buffering=1)
    null = os.open("/dev/null", os.O_WRONLY)
    os.dup2(null, 1)  # nothing but the protocol reaches the harness on the control pipe
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})  # held for each spare until its handler is set
    control.write("READY\n")
    spare = None
    for line in orders:
        parts = line.split()
        if parts == ["SPARE"]:
            if spare is None:
                sys.stderr.flush()
                spare = fork_spare()
            control.write("SPARED\n")
            continue
        if len(parts) != 5 or parts[0] != "RUN":
            continue
        pid, order_pipe, report = spare if spare is not None else fork_spare()
        spare = None
        # Before the order, so the signal is handled while the spare still waits for it, never in the step.
        os.kill(pid, signal.SIGUSR1)  # ends the spare's warm-up if it is still running
        os.write(order_pipe, (" ".join(parts[1:]) + "\n").encode())
        os.close(order_pipe)
        code, reaped = step_exit(pid, report)
        control.write("EXIT %d\n" % code)
        if not reaped:
            # A step that reported has nothing left to do: killed, so it cannot report and go on running past the
            # sweep; reaped after the harness has its result, as the kernel tears its memory down.
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


# --- the zygote: the executor's one pre-imported parent of every episode's worker -----------------------

NAMESPACES = ("ipc", "uts", "net", "cgroup", "pid", "mnt")  # the mount namespace last: it hides the host
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_CAPBSET_DROP = 24
PR_SET_NO_NEW_PRIVS = 38
CAPABILITY_VERSION_3 = 0x20080522


def libc():
    import ctypes
    lib = ctypes.CDLL(None, use_errno=True)

    def call(name, *args):
        if getattr(lib, name)(*args) != 0:
            err = ctypes.get_errno()
            raise OSError(err, "%s: %s" % (name, os.strerror(err)))
    return call


def zygote():
    """Serves episode requests until the harness closes stdin; each gets a worker or one failure line."""
    import json
    replies = os.fdopen(os.dup(1), "w", buffering=1)
    null = os.open("/dev/null", os.O_WRONLY)
    os.dup2(null, 1)
    signal.signal(signal.SIGCHLD, reap)
    replies.write("READY\n")
    for line in sys.stdin:
        try:
            replies.write("WORKER %d\n" % fork_worker(json.loads(line)))
        except Exception as e:
            replies.write("FAILED %s\n" % " ".join(str(e).split()))


def fork_worker(request):
    """Forks a child that enters the episode's sandbox; returns the host pid of the worker it starts."""
    report_r, report_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(report_r)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        try:
            enter(request, report_w)
        except BaseException as e:
            os.write(report_w, ("FAILED " + str(e)).encode())
        os._exit(1)
    os.close(report_w)
    with os.fdopen(report_r, "rb") as report:
        answer = report.read().decode(errors="replace")
    if not answer.isdigit():
        raise RuntimeError(answer.removeprefix("FAILED ") or "the episode's child died before it reported")
    return int(answer)


def reap(*_):
    """The zygote's SIGCHLD handler: collects the keepers of episodes that ended."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass
    except ChildProcessError:
        pass


def enter(request, report_w):
    """In the zygote's child, still on the host: takes the episode's cgroup, rlimits and control pipes,
    joins the placeholder's namespaces, and forks the worker (a fork is what enters a pid namespace)."""
    call = libc()
    for procs in request["cgroupProcs"]:
        with open(procs, "w") as f:
            f.write(str(os.getpid()))
    for limit in request["rlimits"]:  # prlimit's
        resource.setrlimit(getattr(resource, "RLIMIT_" + limit["name"].upper()), (limit["soft"], limit["hard"]))
    orders = os.open(request["controlIn"], os.O_RDONLY)
    # Read-write so opening never waits for the harness; the worker never reads it.
    replies = os.open(request["controlOut"], os.O_RDWR)
    namespaces = [os.open("/proc/%d/ns/%s" % (request["placeholderPid"], ns), os.O_RDONLY) for ns in NAMESPACES]
    last_cap = int(open("/proc/sys/kernel/cap_last_cap").read())
    null = os.open("/dev/null", os.O_RDWR)
    os.dup2(orders, 0)
    os.dup2(replies, 1)
    os.dup2(null, 2)
    close_all_but(report_w, *namespaces)
    for fd in namespaces:
        call("setns", fd, 0)
        os.close(fd)
    pid = os.fork()
    if pid == 0:
        os.close(report_w)
        become_worker(request, call, last_cap)
    os.write(report_w, str(pid).encode())
    keep_until_exit(pid)


def keep_until_exit(worker):
    """Stays the worker's parent, holding nothing, until the worker ends. An orphan is adopted by the init of its
    parent's pid namespace, here the host's, so this process must outlive the worker; it is in the episode's
    cgroup and dies with it (and the worker with this process, by its parent-death signal)."""
    os.closerange(0, 65536)
    try:
        os.waitpid(worker, 0)
    finally:
        os._exit(0)


def become_worker(request, call, last_cap):
    """Inside the sandbox: what bubblewrap and setpriv do for the cold worker, then the worker's loop."""
    call("prctl", PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # bwrap --die-with-parent
    os.setsid()  # bwrap --new-session
    os.chdir(request["workDir"])
    for cap in range(last_cap + 1):  # setpriv --bounding-set=-all
        call("prctl", PR_CAPBSET_DROP, cap, 0, 0, 0)
    clear_inheritable_capabilities(call)  # setpriv --inh-caps=-all
    os.setgroups([])  # setpriv --clear-groups
    os.setresgid(request["gid"], request["gid"], request["gid"])
    os.setresuid(request["uid"], request["uid"], request["uid"])
    call("prctl", PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    # A uid change without exec leaves the process undumpable (its /proc files root's); setpriv's exec does not.
    call("prctl", PR_SET_DUMPABLE, 1, 0, 0, 0)
    # Bubblewrap's environment plus what the imports set (scikit-learn's KMP_*), as in a worker that imported inside.
    added = {k: v for k, v in os.environ.items() if BEFORE_IMPORTS.get(k) != v}
    os.environ.clear()
    os.environ.update(request["environment"])
    os.environ.update(added)
    script = request["scriptInside"]
    sys.argv = [script]
    sys.path[0] = os.path.dirname(script)
    globals()["__file__"] = script
    request.clear()
    serve(open(0, "r", closefd=False))
    os._exit(0)


def clear_inheritable_capabilities(call):
    import ctypes

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    header = Header(CAPABILITY_VERSION_3, 0)
    data = (Data * 2)()
    call("capget", ctypes.byref(header), data)
    for d in data:
        d.inheritable = 0
    call("capset", ctypes.byref(header), data)


if __name__ == "__main__":
    warm()
    if sys.argv[-1] == "zygote":
        zygote()
    else:
        serve(sys.stdin)
