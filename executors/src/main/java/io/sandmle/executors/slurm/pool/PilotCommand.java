package io.sandmle.executors.slurm.pool;

import io.sandmle.executors.slurm.JobScript;
import io.sandmle.executors.slurm.NodeJava;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The shell command a pilot job runs: a {@link PoolAgent} in this harness's JVM on the node ({@link NodeJava}). */
final class PilotCommand {

    private PilotCommand() {
    }

    /** @param gpuDevices the nodes' folder of NVIDIA device nodes, where the agent finds the pilot's GPUs */
    static String agent(Path poolDir, String registration, Duration orphanAfter, Path gpuDevices) {
        List<String> argv = NodeJava.argv(PoolAgent.class, List.of(poolDir.toString(), registration,
                Long.toString(orphanAfter.toSeconds()), gpuDevices.toString()));
        return "exec " + argv.stream().map(JobScript::quote).collect(Collectors.joining(" "));
    }
}
