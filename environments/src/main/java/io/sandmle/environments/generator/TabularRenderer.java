package io.sandmle.environments.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Latent dimensions as named numeric columns (one as an ordered categorical), plus the mutations that act on
 * cells: distractor columns, missing values and outliers.
 */
final class TabularRenderer implements ModalityRenderer {

    @Override
    public void render(RenderJob job) {
        TaskSpec spec = job.spec();
        SeededRandom random = spec.random("tabular-columns");
        List<String> names = shuffled(spec.domain().numericFeatures(), random);
        Map.Entry<String, List<String>> categorical = spec.domain().categoricalFeatures().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList().get(random.nextInt(spec.domain().categoricalFeatures().size()));
        int used = 0;
        for (int k = 0; k < job.dims().length; k++) {
            int dim = job.dims()[k];
            if (k == 0 && job.dims().length >= 4) {
                categoricalColumn(job, dim, categorical.getKey(), categorical.getValue());
                job.ruleTerms().add(categorical.getKey());
            } else {
                String name = names.get(used++);
                numericColumn(job, name, dim, random.uniform(-5, 50), random.uniform(0.5, 20));
                job.ruleTerms().add(name);
            }
        }
        SeededRandom noise = spec.random("tabular-distractors");
        for (int k = 0; k < spec.mutations().distractors(); k++) {
            String name = used < names.size() ? names.get(used++) : "aux_" + k;
            double mean = noise.uniform(-5, 50);
            double sd = noise.uniform(0.5, 20);
            for (Split side : job.sides()) {
                String[] v = new String[side.rows()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = fmt(mean + sd * noise.gaussian());
                }
                job.table(side).add(name, v);
            }
        }
    }

    private static void numericColumn(RenderJob job, String name, int dim, double mean, double sd) {
        Mutations m = job.spec().mutations();
        SeededRandom cells = job.spec().random("tabular-cells-" + name);
        for (Split side : job.sides()) {
            String[] v = new String[side.rows()];
            for (int i = 0; i < v.length; i++) {
                double x = mean + sd * side.z()[i][dim];
                if (cells.chance(m.outlierRate())) {
                    x *= 10;
                }
                v[i] = cells.chance(m.missingRate()) ? "" : fmt(x);
            }
            job.table(side).add(name, v);
        }
    }

    private static void categoricalColumn(RenderJob job, int dim, String name, List<String> levels) {
        for (Split side : job.sides()) {
            String[] v = new String[side.rows()];
            for (int i = 0; i < v.length; i++) {
                // Equal-probability bins of a standard normal, in level order: an ordered categorical.
                double p = 0.5 * (1 + erf(side.z()[i][dim] / Math.sqrt(2)));
                v[i] = levels.get(Math.min(levels.size() - 1, (int) (p * levels.size())));
            }
            job.table(side).add(name, v);
        }
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    static <T> List<T> shuffled(List<T> items, SeededRandom random) {
        List<T> copy = new ArrayList<>(items);
        int[] p = random.permutation(copy.size());
        List<T> out = new ArrayList<>(copy.size());
        for (int i : p) {
            out.add(copy.get(i));
        }
        return out;
    }

    /** Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7), enough for binning. */
    static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return x >= 0 ? y : -y;
    }
}
