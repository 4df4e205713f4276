package io.sandmle.reports.sections;

import io.sandmle.reports.model.Cell;
import io.sandmle.reports.model.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything needed to recompute the numbers: methods, replicates, seed, versions, provenance. */
public final class ReproducibilitySection implements SectionBuilder {

    @Override
    public String id() {
        return "reproducibility";
    }

    @Override
    public Section build(ReportContext context) {
        Settings s = context.settings();
        Map<String, String> facts = new TreeMap<>();
        facts.put("Bootstrap replicates (aggregates, headline CI, pairwise, ranks, curves)", String.valueOf(s.reps()));
        facts.put("Bootstrap replicates (performance-profile bands)", String.valueOf(s.profileReps()));
        facts.put("CI method", "percentile, 95 %, two-sided");
        facts.put("Percentile definition", "Hyndman–Fan type 7 (numpy 'linear'; not Commons Math's LEGACY)");
        facts.put("Bootstrap schemes", "stratified (runs within task) for aggregates; cluster (tasks) for headline "
                + "CI, pairwise, POI, ranks, profiles");
        facts.put("Sign-flip test", "exact up to 20 tasks, else " + s.permutationDraws() + " Monte-Carlo draws, "
                + "p = (1 + extreme)/(1 + draws)");
        facts.put("Elo", "K = 32, start 1500, averaged over " + s.eloOrders() + " random game orders");
        facts.put("RNG", "SplitMix64, one stream per chunk of 32, derived from the seed");
        facts.put("RNG seed", String.valueOf(s.seed()));
        facts.put("Optimality-gap γ", String.valueOf(s.gamma()));
        facts.put("Missing runs", "headline: failures (MLE-bench --pad-missing); elsewhere: excluded");
        facts.put("Score compared", context.data().scoreKind().description());
        facts.put("Java", System.getProperty("java.version"));
        facts.put("Commons Math", version(org.apache.commons.math3.util.FastMath.class,
                "org.apache.commons/commons-math3"));
        facts.put("JFreeChart", version(org.jfree.chart.JFreeChart.class, "org.jfree/jfreechart"));
        facts.put("JFreeSVG", version(org.jfree.svg.SVGGraphics2D.class, "org.jfree/org.jfree.svg"));
        facts.put("PDFBox", version(org.apache.pdfbox.pdmodel.PDDocument.class, "org.apache.pdfbox/pdfbox"));
        context.input().provenance().forEach((k, v) -> facts.put("Provenance: " + k, v));
        List<List<Cell>> rows = new ArrayList<>();
        facts.forEach((k, v) -> rows.add(List.of(Cell.text(k), Cell.text(v))));
        return new Blocks(id(), "Reproducibility")
                .table("How every number here was computed.", List.of("Item", "Value"), rows).done();
    }

    /** The library version from its jar's Maven metadata, else its manifest. */
    private static String version(Class<?> type, String groupAndArtifact) {
        try (var in = type.getResourceAsStream("/META-INF/maven/" + groupAndArtifact + "/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (java.io.IOException e) {
            // fall through to the manifest
        }
        Package p = type.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
