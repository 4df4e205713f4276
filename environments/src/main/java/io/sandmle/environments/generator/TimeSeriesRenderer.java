package io.sandmle.environments.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Latent dimensions as the level, trend, seasonal amplitudes and a regime step of one 48-step series per
 * row, written in long format to {@code series.csv} (id, t, value).
 */
final class TimeSeriesRenderer implements ModalityRenderer {

    static final int LENGTH = 48;

    @Override
    public void render(RenderJob job) {
        TaskSpec spec = job.spec();
        SeededRandom noise = spec.random("series-noise");
        double phase = spec.random("series-phase").uniform(0, 2 * Math.PI);
        List<String[]> rows = new ArrayList<>();
        for (Split side : job.sides()) {
            for (int i = 0; i < side.rows(); i++) {
                for (int t = 0; t < LENGTH; t++) {
                    double v = 10 + 0.6 * noise.gaussian() * (0.5 + spec.mutations().noise());
                    for (int k = 0; k < job.dims().length; k++) {
                        v += component(k, t, phase) * side.z()[i][job.dims()[k]];
                    }
                    rows.add(new String[] {side.ids().get(i), Integer.toString(t), TabularRenderer.fmt(v)});
                }
            }
        }
        CsvFile.write(job.publicDir().resolve("series.csv"), List.of(job.spec().target().idColumn(), "t", "value"),
                rows);
    }

    /** The shape latent dimension k contributes at time t. */
    private static double component(int k, int t, double phase) {
        return switch (k % 6) {
            case 0 -> 1.0;
            case 1 -> 0.05 * (t - LENGTH / 2.0);
            case 2 -> Math.sin(2 * Math.PI * t / 12);
            case 3 -> Math.sin(2 * Math.PI * t / 5 + phase);
            case 4 -> Math.cos(2 * Math.PI * t / 24);
            default -> t >= LENGTH / 2 ? 1.0 : -1.0;
        };
    }
}
