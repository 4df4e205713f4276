package io.sandmle.runner.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.Modality;
import io.sandmle.api.TaskDna;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationManifestTest {

    @TempDir
    Path tmp;

    private static TaskDna dna(String id) {
        return new TaskDna(id, Modality.TABULAR, "binary", 2, "roc-auc", false, "id", List.of("y"), Map.of(), List.of());
    }

    @Test
    void okListIsSortedAndTheFirstIdsAreValidationAsInSandMle() throws Exception {
        List<GenerationOutcome> outcomes = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            outcomes.add(new GenerationOutcome(String.format("t%02d", i), true, null, tmp));
        }
        outcomes.add(new GenerationOutcome("bad1", false, "thresholds-monotone", null));
        outcomes.add(new GenerationOutcome("bad2", false, "thresholds-monotone", null));
        outcomes.add(new GenerationOutcome("bad3", false, "no-leak-metadata", null));
        GenerationManifest m = new GenerationManifest(List.of(new GenerationRun.SeedOutcomes(dna("s"), outcomes)));
        assertEquals("t00", m.ok().get(0));
        assertEquals(30, m.ok().size());
        assertEquals(2, m.validationSize(), "64/912 of 30, rounded");
        assertEquals(Map.of("thresholds-monotone", 2, "no-leak-metadata", 1), m.dropped());
        m.write(tmp, Map.of("seed", 1));
        String json = Files.readString(tmp.resolve("manifest.json"));
        assertTrue(json.contains("\"validation\" : [ \"t00\", \"t01\" ]"), json);
        byte[] first = Files.readAllBytes(tmp.resolve("manifest.json"));
        m.write(tmp, Map.of("seed", 1));
        assertEquals(new String(first), Files.readString(tmp.resolve("manifest.json")), "no timestamps");
        assertTrue(m.table().contains("dropped: thresholds-monotone"));
    }

    @Test
    void totalVariationDistanceIsZeroForTheSameMixAndOneForDisjointMixes() {
        assertEquals(0.0, DiversityReport.distance(Map.of("a", 2, "b", 2), Map.of("a", 5, "b", 5)), 1e-12);
        assertEquals(1.0, DiversityReport.distance(Map.of("a", 2), Map.of("b", 3)), 1e-12);
        assertEquals(0.25, DiversityReport.distance(Map.of("a", 1, "b", 1), Map.of("a", 3, "b", 1)), 1e-12);
        assertEquals("map-at-k", DiversityReport.family("map-at-3"));
    }
}
