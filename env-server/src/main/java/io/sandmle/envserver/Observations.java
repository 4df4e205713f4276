package io.sandmle.envserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sandmle.api.ExecResult;
import io.sandmle.api.Grade;
import io.sandmle.api.Task;
import java.util.Locale;

/** The JSON pieces of observations: a grade as a client reads it, and a code step's outcome. */
final class Observations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Observations() {
    }

    /** A grade with the task's metric and direction, or JSON null. */
    static ObjectNode grade(Grade g, Task task) {
        if (g == null) {
            return null;
        }
        ObjectNode o = NODES.objectNode();
        o.put("valid", g.valid());
        o.put("score", g.score());
        o.put("medal", g.medal().name().toLowerCase(Locale.ROOT));
        o.put("above_median", g.aboveMedian());
        o.put("human_rank", g.humanRank());
        o.put("reason", g.reason());
        o.put("metric", task.metric());
        o.put("lower_is_better", task.lowerIsBetter());
        return o;
    }

    /** Adds a code step's exit code, output tails and why it was stopped, if it ran code. */
    static void execution(ObjectNode o, ExecResult r) {
        if (r == null) {
            return;
        }
        o.put("exit_code", r.exitCode());
        o.put("stdout_tail", r.stdoutTail());
        o.put("stderr_tail", r.stderrTail());
        o.put("killed_reason", r.timedOut() && r.killedReason() == null ? "timed out" : r.killedReason());
    }
}
