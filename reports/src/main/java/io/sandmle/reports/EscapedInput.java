package io.sandmle.reports;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.ReportInput;
import io.sandmle.support.ControlCharacters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's input with control characters escaped ({@link ControlCharacters}) in every name a reader sees:
 * systems, suites, tasks, categories, end reasons, run ids, metrics, provenance. Escaping here, before any
 * section is built, covers the HTML, the PDF, the charts and the SVG files at once.
 */
final class EscapedInput {

    private EscapedInput() {
    }

    static ReportInput of(ReportInput input) {
        Map<String, String> provenance = new LinkedHashMap<>();
        input.provenance().forEach((k, v) -> provenance.put(ControlCharacters.escape(k), ControlCharacters.escape(v)));
        return new ReportInput(input.episodes().stream().map(EscapedInput::episode).toList(),
                input.curves().stream().map(EscapedInput::curve).toList(), ControlCharacters.escape(input.baseline()),
                input.seed(), provenance, input.formats(), input.sections(),
                input.caveats().stream().map(ControlCharacters::escape).toList(), input.pairing());
    }

    private static EpisodeRecord episode(EpisodeRecord e) {
        return new EpisodeRecord(e.schemaVersion(), ControlCharacters.escape(e.runId()),
                ControlCharacters.escape(e.episodeId()), ControlCharacters.escape(e.system()),
                ControlCharacters.escape(e.suite()), ControlCharacters.escape(e.taskId()),
                ControlCharacters.escape(e.category()), e.seed(), e.grade(), e.reward(),
                ControlCharacters.escape(e.endReason()), e.wallMillis(), e.turns(), e.resources());
    }

    private static CurvePoint curve(CurvePoint p) {
        return new CurvePoint(ControlCharacters.escape(p.runId()), ControlCharacters.escape(p.system()), p.step(),
                ControlCharacters.escape(p.metric()), p.value());
    }
}
