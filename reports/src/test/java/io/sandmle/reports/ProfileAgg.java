package io.sandmle.reports;

import io.sandmle.reports.stats.*;
import java.util.Random;

public final class ProfileAgg {
    public static void main(String[] args) {
        Random r = new Random(1);
        double[][] runs = new double[200][100];
        for (double[] t : runs) for (int i = 0; i < 100; i++) t[i] = r.nextDouble();
        for (int rep = 0; rep < 3; rep++) {
            long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            new StratifiedBootstrap(runs, 1.0).run(10000, 1);
            long t1 = System.nanoTime();
            System.out.printf("strat %.0f ms wall%n", (t1-t0)/1e6);
        }
    }
}
