package io.sandmle.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.ReportInput;
import io.sandmle.api.Thresholds;
import io.sandmle.reports.support.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paired tests by task and by episode on runs whose differences are known: A − B on three tasks × four seeds
 * is 0.1, 0.2, …, 1.2 in magnitude, negative at 0.3, 0.6 and 1.1, so by episode the Wilcoxon statistics are
 * W− = 3 + 6 + 11 = 20 and W+ = 78 − 20 = 58; by task the three task means (0.1, 0.35, 0.5) are all positive
 * (W+ = 6, W− = 0). A wins a medal exactly where it is ahead and B never does: 9 discordant pairs.
 */
class EpisodePairingTest {

    private static final double[][] DIFFERENCES = {{0.1, 0.2, -0.3, 0.4}, {0.5, -0.6, 0.7, 0.8},
            {0.9, 1.0, -1.1, 1.2}};

    @TempDir
    Path work;

    @Test
    void episodePairsAreTheTaskSeedPairs() throws Exception {
        String html = report(ReportInput.Pairing.EPISODE);

        assertTrue(html.contains("Unit of analysis = episode pair"), "the text says what is paired");
        assertTrue(html.contains("Pairs (task, seed)"));
        assertTrue(html.contains("(W+ 58.0, W− 20.0)"), "Wilcoxon over the 12 episode differences");
        assertTrue(html.contains("b=9, c=0, exact p 0.0039"), "McNemar pooled over the 12 pairs: 2 × 0.5^9");
    }

    @Test
    void taskPairsAverageTheSeedsFirst() throws Exception {
        String html = report(ReportInput.Pairing.TASK);

        assertTrue(html.contains("Unit of analysis = task"));
        assertTrue(html.contains("(W+ 6.0, W− 0.0)"), "Wilcoxon over the 3 task means");
    }

    private String report(ReportInput.Pairing pairing) throws Exception {
        List<EpisodeRecord> episodes = new ArrayList<>();
        for (int t = 0; t < DIFFERENCES.length; t++) {
            for (int seed = 0; seed < DIFFERENCES[t].length; seed++) {
                double d = DIFFERENCES[t][seed];
                episodes.add(episode("a×react", t, seed, 1 + d, d > 0 ? Medal.GOLD : Medal.NONE));
                episodes.add(episode("b×react", t, seed, 1, Medal.NONE));
            }
        }
        ReportInput input = new ReportInput(episodes, List.of(), "b×react", 11, Map.of()).withPairing(pairing);
        Reports.write(input, work);
        return Files.readString(work.resolve("index.html"));
    }

    private static EpisodeRecord episode(String system, int task, int seed, double reward, Medal medal) {
        String id = "task-" + task;
        Grade g = new Grade(Grade.SCHEMA_VERSION, id, true, true, reward, null, medal, medal != Medal.NONE, null,
                new Thresholds(2, 1.8, 1.6, 1.1), false);
        return new EpisodeRecord(EpisodeRecord.SCHEMA_VERSION, "eval", system + id + seed, system, "suite", id,
                "tabular", seed, g, reward, "answer", 1000, 3);
    }
}
