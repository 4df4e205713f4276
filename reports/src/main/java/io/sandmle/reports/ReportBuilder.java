package io.sandmle.reports;

import io.sandmle.api.ReportInput;
import io.sandmle.api.ReportSection;
import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.model.HtmlFragment;
import io.sandmle.reports.model.Notice;
import io.sandmle.reports.model.Paragraph;
import io.sandmle.reports.model.ReportDocument;
import io.sandmle.reports.model.Section;
import io.sandmle.reports.sections.AggregatesSection;
import io.sandmle.reports.sections.CategorySection;
import io.sandmle.reports.sections.CurvesSection;
import io.sandmle.reports.sections.HeadlineSection;
import io.sandmle.reports.sections.HumanRankSection;
import io.sandmle.reports.sections.PairwiseSection;
import io.sandmle.reports.sections.PerTaskSection;
import io.sandmle.reports.sections.PowerSection;
import io.sandmle.reports.sections.RankingSection;
import io.sandmle.reports.sections.ReliabilitySection;
import io.sandmle.reports.sections.ReportContext;
import io.sandmle.reports.sections.ReproducibilitySection;
import io.sandmle.reports.sections.ResourceUseSection;
import io.sandmle.reports.sections.SectionBuilder;
import io.sandmle.reports.sections.SetupSection;
import io.sandmle.reports.sections.Settings;
import io.sandmle.support.NearestKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes every section of the comparative report from the episodes, plus any sections that
 * {@link ReportSection} plugins contribute. A section that cannot be computed still appears, saying
 * why; all such statements are also gathered near the top.
 */
public final class ReportBuilder {

    private static final List<SectionBuilder> SECTIONS = List.of(new SetupSection(), new HeadlineSection(),
            new AggregatesSection(), new PairwiseSection(), new ReliabilitySection(), new RankingSection(),
            new HumanRankSection(), new PerTaskSection(), new CategorySection(), new PowerSection(),
            new CurvesSection(), new ResourceUseSection(), new ReproducibilitySection());

    private ReportBuilder() {
    }

    /** The names {@code report.sections} may select: the built-in sections in report order, then the plugins'. */
    public static List<String> sectionNames(Map<String, ReportSection> pluginSections) {
        List<String> names = new ArrayList<>(SECTIONS.stream().map(SectionBuilder::id).toList());
        names.addAll(new TreeMap<>(pluginSections).keySet());
        return names;
    }

    /**
     * @param pluginSections sections contributed by {@link ReportSection} extensions, by name; each
     *                       is placed before the reproducibility block, and one that fails becomes a notice
     * @throws IllegalArgumentException with one sentence when the input selects a section no one provides
     */
    public static ReportDocument build(ReportInput input, Settings settings, Map<String, ReportSection> pluginSections) {
        List<String> known = sectionNames(pluginSections);
        for (String name : input.sections()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown report section '" + name + "'; "
                        + NearestKey.hint(name, known, "sections"));
            }
        }
        ReportContext context = new ReportContext(input, Dataset.of(input.episodes(), input.baseline()), settings);
        List<Section> sections = new ArrayList<>();
        for (SectionBuilder builder : SECTIONS) {
            if (selected(input, builder.id())) {
                sections.add(builder.build(context));
            }
        }
        int beforeReproducibility = selected(input, "reproducibility") ? sections.size() - 1 : sections.size();
        List<Section> plugins = new ArrayList<>();
        new TreeMap<>(pluginSections).forEach((name, plugin) -> {
            if (selected(input, name)) {
                plugins.add(fromPlugin(name, plugin, input));
            }
        });
        sections.addAll(beforeReproducibility, plugins);
        Section limitations = limitations(input.caveats(), sections);
        // A section that could compute nothing has said so in "What could not be computed": no empty heading.
        sections.removeIf(s -> !s.blocks().isEmpty() && s.notices().size() == s.blocks().size());
        sections.add(Math.min(1, sections.size()), limitations);
        List<String> systems = context.data().systems();
        String subtitle = systems.isEmpty() ? "No episodes to compare"
                : systems.size() + " systems: " + String.join(", ", systems)
                + (input.baseline() != null ? " (baseline " + input.baseline() + ")" : "");
        if (!input.caveats().isEmpty()) {
            subtitle = "Partial report. " + subtitle;
        }
        return new ReportDocument("SandMLE comparative report", subtitle, sections);
    }

    /** Whether the input includes the section called {@code name} (an empty selection includes all). */
    private static boolean selected(ReportInput input, String name) {
        return input.sections().isEmpty() || input.sections().contains(name);
    }

    private static Section fromPlugin(String name, ReportSection plugin, ReportInput input) {
        String id = "plugin-" + name.replaceAll("[^A-Za-z0-9-]+", "-");
        try {
            return new Section(id, plugin.title(), List.of(new HtmlFragment(name, plugin.renderHtml(input))));
        } catch (RuntimeException e) {
            return new Section(id, "Plugin section '" + name + "'", List.of(new Notice("The report-section plugin '"
                    + name + "' failed (" + e + "), so its section is left out; the rest of the report is unaffected.")));
        }
    }

    /** The caveats about the input first, then every notice of the sections. */
    private static Section limitations(List<String> caveats, List<Section> sections) {
        List<io.sandmle.reports.model.Block> blocks = new ArrayList<>();
        caveats.forEach(c -> blocks.add(new Notice(c)));
        for (Section s : sections) {
            for (Notice n : s.notices()) {
                blocks.add(new Notice(s.title() + ": " + n.text()));
            }
        }
        if (blocks.isEmpty()) {
            blocks.add(new Paragraph("Every statistic could be computed from these runs."));
        }
        return new Section("limitations", "What could not be computed", blocks);
    }
}
