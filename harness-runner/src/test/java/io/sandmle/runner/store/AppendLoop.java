package io.sandmle.runner.store;

/**
 * Child process of {@link KillNineDurabilityTest}: appends episodes forever and prints
 * {@code ack <id> ok} after each append returns, so the parent knows which records were acknowledged.
 */
public final class AppendLoop {

    private AppendLoop() {
    }

    /** Arguments: the run folder and a prefix making this process's episode ids unique. */
    public static void main(String[] args) {
        try (RunStore store = RunStore.open(java.nio.file.Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            for (int i = 0; ; i++) {
                String id = args[1] + "-" + i;
                store.append(StoreSamples.record(id, i), StoreSamples.trajectory(id));
                if (i % 3 == 0) {
                    store.appendCurve(new io.sandmle.api.CurvePoint("run-1", id, i, "reward", i));
                }
                System.out.println("ack " + id + " ok");
                System.out.flush();
            }
        }
    }
}
