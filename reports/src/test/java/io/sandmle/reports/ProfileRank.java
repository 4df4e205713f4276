package io.sandmle.reports;

import io.sandmle.reports.stats.*;
import java.util.Random;

public final class ProfileRank {
    public static void main(String[] args) {
        Random r = new Random(1);
        double[][] byTask = new double[200][5];
        for (double[] t : byTask) for (int s = 0; s < 5; s++) t[s] = r.nextDouble() + 0.25 * s;
        double[][] series = new double[5][200];
        for (int t = 0; t < 200; t++) for (int s = 0; s < 5; s++) series[s][t] = byTask[t][s];
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            TaskBootstrap.means(series, 10000, 1);
            long t1 = System.nanoTime();
            Rankings.elo(byTask, 200, 1);
            long t2 = System.nanoTime();
            BradleyTerryBootstrap.run(byTask, 10000, 1);
            long t3 = System.nanoTime();
            Rankings.kemeny(byTask);
            long t4 = System.nanoTime();
            System.out.printf("boot %.0f elo %.0f bt %.0f kemeny %.0f%n", (t1-t0)/1e6, (t2-t1)/1e6, (t3-t2)/1e6, (t4-t3)/1e6);
        }
    }
}
