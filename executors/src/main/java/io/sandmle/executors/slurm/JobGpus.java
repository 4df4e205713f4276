package io.sandmle.executors.slurm;

import io.sandmle.executors.gpu.GpuDevices;
import io.sandmle.executors.gpu.GpuPool;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The GPUs Slurm allocated to the job (or {@code srun} step) this process runs in, among the device nodes of its
 * node. Slurm names them in the job's environment by their global ids, which a device cgroup does not renumber:
 * {@code SLURM_STEP_GPUS} in an {@code srun} step, {@code SLURM_JOB_GPUS} in a batch job (sbatch(1), srun(1)).
 * {@code CUDA_VISIBLE_DEVICES} is not read: Slurm numbers it relative to the job's device cgroup. A global id is the
 * GPU's place in the node's gres.conf, which is N of {@code /dev/nvidiaN} when gres.conf lists
 * {@code File=/dev/nvidia[0-K]}, as clusters do.
 */
public final class JobGpus {

    /** The variables naming the GPUs, the step's first. */
    static final List<String> VARIABLES = List.of("SLURM_STEP_GPUS", "SLURM_JOB_GPUS");
    /** Exit code of {@link #main} when the job's GPUs cannot be bound. */
    static final int REFUSED = 3;
    private static final String REMEDY = "set the slurm executor's gres so the job gets GPUs, and its gpu-devices "
            + "setting to the nodes' folder of NVIDIA device nodes (normally /dev).";

    private JobGpus() {
    }

    /**
     * The job's GPUs among {@code dir}'s device nodes, for a sandbox that asked for GPUs.
     *
     * @throws IllegalStateException with one sentence when Slurm named no GPU or {@code dir} lacks a named one
     */
    public static GpuDevices of(Map<String, String> env, Path dir) {
        List<Integer> ids = ids(env);
        GpuDevices found = GpuDevices.scan(dir);
        String problem = ids.isEmpty() ? "Slurm named none in the job's environment (" + String.join(", ", VARIABLES)
                + ")" : missing(ids, found, env);
        if (problem != null) {
            throw new IllegalStateException("The step asked for GPUs, but " + problem + "; " + REMEDY);
        }
        return found.only(ids);
    }

    /**
     * The GPUs a pilot job hands to its episodes: the job's own, none when it has none. Episodes asking for more
     * than it has are refused with a sentence saying why.
     */
    public static GpuPool forPilot(Map<String, String> env, Path dir) {
        List<Integer> ids = ids(env);
        GpuDevices found = GpuDevices.scan(dir);
        String holder = "the pilot job " + env.getOrDefault("SLURM_JOB_ID", "?") + " on " + node(env);
        String problem = ids.isEmpty() ? null : missing(ids, found, env);
        return problem == null ? new GpuPool(found.only(ids), holder, REMEDY)
                : new GpuPool(found.only(List.of()), holder, problem + ": " + REMEDY);
    }

    /** The ids Slurm named, empty when it named none. */
    static List<Integer> ids(Map<String, String> env) {
        for (String name : VARIABLES) {
            String value = env.getOrDefault(name, "").trim();
            if (!value.isEmpty()) {
                if (!value.matches("[0-9]{1,4}(-[0-9]{1,4})?(,[0-9]{1,4}(-[0-9]{1,4})?)*")) {
                    throw new IllegalStateException("Slurm's " + name + " is '" + value + "', not GPU numbers such as "
                            + "0,1; the cluster's gres.conf should name GPUs by their device files (File=/dev/nvidia0).");
                }
                // A comma list, where Slurm may also write a run of GPUs as a range (0-3).
                List<Integer> ids = new ArrayList<>();
                for (String item : value.split(",")) {
                    String[] ends = item.split("-");
                    int last = Integer.parseInt(ends[ends.length - 1]);
                    for (int id = Integer.parseInt(ends[0]); id <= last; id++) {
                        ids.add(id);
                    }
                }
                return ids;
            }
        }
        return List.of();
    }

    /** The clause naming the job's GPUs {@code found} lacks, or {@code null} when it has them all. */
    private static String missing(List<Integer> ids, GpuDevices found, Map<String, String> env) {
        List<Integer> absent = ids.stream().filter(n -> !found.gpus().contains(n)).toList();
        if (absent.isEmpty()) {
            return null;
        }
        return "Slurm gave the job GPU " + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
                + " and " + found.dir() + " on " + node(env) + " holds no device node "
                + absent.stream().map(n -> "nvidia" + n).collect(Collectors.joining(", "));
    }

    private static String node(Map<String, String> env) {
        return env.getOrDefault("SLURMD_NODENAME", "its node");
    }

    /**
     * Run by a job script on the node before its sandbox starts: writes the bubblewrap options that bind the job's
     * GPUs (NUL-separated, for bubblewrap's {@code --args}) to stdout, or one sentence to stderr and exits
     * {@value #REFUSED}. Argument: the device folder.
     */
    public static void main(String[] args) {
        try {
            GpuDevices devices = of(System.getenv(), Path.of(args[0]));
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            devices.passthrough(devices.gpus()).bubblewrapArgs().forEach(word -> out.print(word + '\0'));
            out.flush();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(REFUSED);
        }
    }
}
