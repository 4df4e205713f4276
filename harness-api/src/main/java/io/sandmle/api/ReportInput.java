package io.sandmle.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report is computed from, and what it shows.
 *
 * @param episodes   every episode of the runs compared
 * @param curves     learning-curve points of training runs
 * @param baseline   the system others are compared against, or {@code null} for the best
 * @param seed       RNG seed of bootstraps and permutations
 * @param provenance versions, run ids and config hashes for the reproducibility block
 * @param formats    the files to write, among {@link #FORMATS} (the config's {@code report.formats})
 * @param sections   the sections to include, by the names {@link ReportWriter#sectionNames()} lists; empty includes
 *                   every section (the config's {@code report.sections})
 * @param caveats    sentences the report must show before any result, e.g. that a run was still being written
 * @param pairing    what a paired comparison pairs (tasks by default)
 */
public record ReportInput(List<EpisodeRecord> episodes, List<CurvePoint> curves, String baseline, long seed,
                          Map<String, String> provenance, List<String> formats, List<String> sections,
                          List<String> caveats, Pairing pairing) {

    /**
     * The unit of a paired comparison. {@code TASK}: each system's runs are averaged per task and tasks are
     * paired (the runs of one task are correlated, so this is the unit claims about capability rest on).
     * {@code EPISODE}: episodes of the same task and seed are paired, as evaluations of one seeded run are,
     * which gives more pairs at the price of treating the seeds of a task as independent.
     */
    public enum Pairing { TASK, EPISODE }

    /** The report formats a writer knows: a self-contained HTML page and a PDF. */
    public static final List<String> FORMATS = List.of("html", "pdf", "json");

    public ReportInput {
        episodes = List.copyOf(episodes);
        curves = List.copyOf(curves);
        provenance = Map.copyOf(provenance);
        formats = List.copyOf(formats);
        if (!FORMATS.containsAll(formats)) {
            throw new IllegalArgumentException("report formats must be among html, pdf and json, not " + formats);
        }
        sections = List.copyOf(sections);
        caveats = List.copyOf(caveats);
        Objects.requireNonNull(pairing, "pairing");
    }

    /** Tasks paired. */
    public ReportInput(List<EpisodeRecord> episodes, List<CurvePoint> curves, String baseline, long seed,
                       Map<String, String> provenance, List<String> formats, List<String> sections,
                       List<String> caveats) {
        this(episodes, curves, baseline, seed, provenance, formats, sections, caveats, Pairing.TASK);
    }

    /** A report of every section in every format, without caveats. */
    public ReportInput(List<EpisodeRecord> episodes, List<CurvePoint> curves, String baseline, long seed,
                       Map<String, String> provenance) {
        this(episodes, curves, baseline, seed, provenance, FORMATS, List.of(), List.of());
    }

    /** The same input with another pairing. */
    public ReportInput withPairing(Pairing unit) {
        return new ReportInput(episodes, curves, baseline, seed, provenance, formats, sections, caveats, unit);
    }
}
