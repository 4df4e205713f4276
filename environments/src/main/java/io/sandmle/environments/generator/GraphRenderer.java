package io.sandmle.environments.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Latent dimensions as the shape of one small random graph per row: node count, edge density, and the mean
 * and spread of a node attribute. Written as {@code nodes.csv} (graph id, node, attr) and {@code edges.csv}
 * (graph id, src, dst).
 */
final class GraphRenderer implements ModalityRenderer {

    @Override
    public void render(RenderJob job) {
        TaskSpec spec = job.spec();
        SeededRandom random = spec.random("graph-structure");
        String id = spec.target().idColumn();
        List<String[]> nodes = new ArrayList<>();
        List<String[]> edges = new ArrayList<>();
        int[] d = job.dims();
        for (Split side : job.sides()) {
            for (int i = 0; i < side.rows(); i++) {
                double[] z = side.z()[i];
                int n = (int) Math.max(4, Math.min(22, Math.round(12 + 3.5 * z[d[0]])));
                double p = 0.05 + 0.5 / (1 + Math.exp(-1.3 * z[d[1]]));
                double spread = Math.exp(0.4 * z[d[3]]);
                for (int v = 0; v < n; v++) {
                    double attr = z[d[2]] + spread * random.gaussian();
                    nodes.add(new String[] {side.ids().get(i), Integer.toString(v), TabularRenderer.fmt(attr)});
                }
                for (int a = 0; a < n; a++) {
                    for (int b = a + 1; b < n; b++) {
                        if (random.chance(p)) {
                            edges.add(new String[] {side.ids().get(i), Integer.toString(a), Integer.toString(b)});
                        }
                    }
                }
            }
        }
        CsvFile.write(job.publicDir().resolve("nodes.csv"), List.of(id, "node", "attr"), nodes);
        CsvFile.write(job.publicDir().resolve("edges.csv"), List.of(id, "src", "dst"), edges);
    }
}
