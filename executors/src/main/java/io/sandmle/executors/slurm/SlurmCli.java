package io.sandmle.executors.slurm;

import io.sandmle.api.SandboxException;
import io.sandmle.executors.Blocking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the Slurm client commands (sinfo, sbatch, squeue, srun, scancel) and reads their answers. */
public final class SlurmCli {

    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    private final Path slurmConf;
    private final Map<String, String> jobEnvironment;

    /** Clients talking to the cluster of {@code slurmConf} ({@code null}: the clients' default). */
    public SlurmCli(Path slurmConf) {
        this(slurmConf, Map.of());
    }

    /**
     * Clients that also hand {@code jobEnvironment} to every job: sbatch and srun pass the submitting environment on,
     * and Slurm overrides only the variables it sets itself.
     */
    public SlurmCli(Path slurmConf, Map<String, String> jobEnvironment) {
        this.slurmConf = slurmConf;
        this.jobEnvironment = Map.copyOf(jobEnvironment);
    }

    /** A process builder for a Slurm client, pointed at this cluster. */
    public ProcessBuilder command(List<String> argv) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(jobEnvironment);
        if (slurmConf != null) {
            pb.environment().put("SLURM_CONF", slurmConf.toString());
        }
        return pb;
    }

    /** What a command printed and how it ended. */
    public record Answer(int exit, String out, String err) {
        public boolean ok() {
            return exit == 0;
        }
    }

    /** Runs {@code argv}; a missing client or a hung command is a {@link SandboxException}. */
    public Answer run(List<String> argv) throws SandboxException {
        return run(argv, Map.of());
    }

    /** Runs {@code argv} with {@code env} added to its environment (sbatch hands it on to the job). */
    public Answer run(List<String> argv, Map<String, String> env) throws SandboxException {
        Process p;
        try {
            ProcessBuilder pb = command(argv);
            pb.environment().putAll(env);
            p = pb.start();
        } catch (IOException e) {
            throw new SandboxException("The Slurm client '" + argv.get(0) + "' is not installed; install slurm-client "
                    + "(Debian: 'apt-get install slurm-client') or use the local executor.", e);
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<String> err = Blocking.supply(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SandboxException("The Slurm cluster did not answer '" + String.join(" ", argv.subList(0, 1))
                        + "' within " + COMMAND_TIMEOUT_SECONDS + " s; check that slurmctld is running and SLURM_CONF "
                        + "points at its config.");
            }
            return new Answer(p.exitValue(), out.trim(), err.join().trim());
        } catch (IOException e) {
            throw new SandboxException("Talking to Slurm failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while talking to Slurm.", e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Submits a batch script; returns the job id. */
    public String submit(List<String> sbatchArgs) throws SandboxException {
        return submit(sbatchArgs, Map.of());
    }

    /** Submits a batch script whose job also gets {@code env}; returns the job id. */
    public String submit(List<String> sbatchArgs, Map<String, String> env) throws SandboxException {
        Answer a = run(sbatchArgs, env);
        if (!a.ok() || a.out().isEmpty()) {
            throw unreachable(a);
        }
        return a.out().split(";")[0].trim();
    }

    /** Cancels a job (or job step) with SIGKILL; never throws, cancelling a finished job is fine. */
    public void cancel(String jobId) {
        try {
            run(List.of("scancel", "--signal=KILL", "--full", jobId));
            run(List.of("scancel", jobId));
        } catch (SandboxException e) {
            // The cluster went away; there is nothing left to cancel from here.
        }
    }

    /** The one sentence for a cluster that refuses or does not answer. */
    public static SandboxException unreachable(Answer a) {
        String why = (a.err().isEmpty() ? a.out() : a.err()).lines().findFirst().orElse("no answer");
        return new SandboxException("The Slurm cluster is unreachable (" + why + "); start slurmctld or point "
                + "SLURM_CONF at a running cluster's slurm.conf.");
    }

    /** True for states after which a job runs no more. */
    public static boolean finished(String state) {
        return state.isEmpty() || !(state.equals("PENDING") || state.equals("RUNNING") || state.equals("CONFIGURING")
                || state.equals("COMPLETING") || state.equals("SUSPENDED") || state.equals("REQUEUED")
                || state.equals("RESIZING") || state.equals("SIGNALING") || state.equals("STAGE_OUT"));
    }
}
