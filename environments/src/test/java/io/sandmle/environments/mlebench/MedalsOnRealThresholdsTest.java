package io.sandmle.environments.mlebench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ColumnTable;
import io.sandmle.api.Medal;
import io.sandmle.api.Thresholds;
import io.sandmle.environments.grading.CsvReader;
import io.sandmle.environments.grading.Medals;
import io.sandmle.environments.testing.PythonOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Medal thresholds and decisions on the real figures: the shared Lite table, and MLE-bench-style
 * leaderboards rebuilt from MLE-Dojo's copies of the same Kaggle private boards.
 */
class MedalsOnRealThresholdsTest {

    private static final Path SHARED = PythonOracle.sharedDir().resolve("data");

    @TempDir
    Path tmp;

    private static ColumnTable sharedTable() {
        return CsvReader.read(SHARED.resolve("mle-bench-lite-thresholds.csv"));
    }

    @Test
    void packagedTableHoldsTheSharedFigures() {
        ColumnTable t = sharedTable();
        Map<String, MedalTable.Entry> packaged = MedalTable.packaged();
        assertEquals(22, packaged.size());
        assertEquals(LiteCompetitions.all().stream().map(LiteCompetition::id).toList(), List.copyOf(packaged.keySet()));
        for (int r = 0; r < t.rows(); r++) {
            MedalTable.Entry e = packaged.get(t.column("competition_id")[r]);
            assertEquals(Double.parseDouble(t.column("gold")[r]), e.thresholds().gold());
            assertEquals(Double.parseDouble(t.column("median")[r]), e.thresholds().median());
            assertEquals(Boolean.parseBoolean(t.column("lower_is_better")[r]), e.lowerIsBetter());
            LiteCompetition c = LiteCompetitions.byId(t.column("competition_id")[r]).orElseThrow();
            assertEquals(c.lowerIsBetter(), e.lowerIsBetter(), c.id() + " direction");
        }
    }

    @Test
    void kagglePositionsByTeamCountMatchTheTable() {
        ColumnTable t = sharedTable();
        for (int r = 0; r < t.rows(); r++) {
            int n = Integer.parseInt(t.column("mlebench_rows")[r]);
            int[] expected = {Integer.parseInt(t.column("gold_pos")[r]), Integer.parseInt(t.column("silver_pos")[r]),
                    Integer.parseInt(t.column("bronze_pos")[r])};
            assertArrayEquals(expected, Medals.positions(n), t.column("competition_id")[r]);
        }
        assertArrayEquals(new int[] {1, 1, 2}, Medals.positions(5));
        assertArrayEquals(new int[] {10, 20, 40}, Medals.positions(100));
        assertArrayEquals(new int[] {10, 50, 100}, Medals.positions(250));
        assertArrayEquals(new int[] {11, 50, 100}, Medals.positions(999));
        assertArrayEquals(new int[] {12, 50, 100}, Medals.positions(1000));
    }

    /**
     * MLE-bench's leaderboard for each Lite competition rebuilt as MLE-Dojo's private board plus the
     * extra bottom rows the LFS files hold, written in an mle-bench checkout layout, gives the table's
     * thresholds through the {@code --mlebench-dir} path.
     */
    @Test
    void leaderboardsInACheckoutGiveTheTableThresholds() throws Exception {
        ColumnTable t = sharedTable();
        int checked = 0;
        for (int r = 0; r < t.rows(); r++) {
            String id = t.column("competition_id")[r];
            Path board = SHARED.resolve("mle-dojo/leaderboards").resolve(id).resolve("private_leaderboard.csv");
            if (!Files.exists(board)) {
                continue; // siim-isic is not in MLE-Dojo
            }
            boolean lower = Boolean.parseBoolean(t.column("lower_is_better")[r]);
            int rows = Integer.parseInt(t.column("mlebench_rows")[r]);
            List<String> scores = new ArrayList<>(List.of(CsvReader.read(board).column("score")));
            while (scores.size() < rows) {
                scores.add(lower ? "1000000000.0" : "-1000000000.0");
            }
            writeCheckoutLeaderboard(id, scores);
            MedalTable.Entry e = MedalTable.fromCheckout(tmp.resolve("mle-bench"), id).orElseThrow();
            Thresholds want = new Thresholds(num(t, "gold", r), num(t, "silver", r), num(t, "bronze", r),
                    num(t, "median", r));
            assertEquals(want.gold(), e.thresholds().gold(), id);
            assertEquals(want.silver(), e.thresholds().silver(), id);
            assertEquals(want.bronze(), e.thresholds().bronze(), id);
            // The table prints medians to 6 decimals; pandas' (a + b) / 2 may sit one ulp away.
            assertEquals(want.median(), e.thresholds().median(), 1e-12, id);
            assertEquals(lower, e.lowerIsBetter(), id);
            assertEquals(rows, e.leaderboardRows());
            checked++;
        }
        assertEquals(21, checked);
    }

    @Test
    void suiteUsesCheckoutThresholdsWhenGivenAndRefusesLfsPointers() throws Exception {
        writeCheckoutLeaderboard("spooky-author-identification", List.of("0.1", "0.2", "0.3", "0.4", "0.5"));
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("spooky-author-identification/prepared/public"));
        MleBenchLiteSuite suite = new MleBenchLiteSuite();
        var task = suite.load(data, Map.of(MleBenchLiteSuite.OPTION_MLEBENCH_DIR, tmp.resolve("mle-bench").toString()))
                .get(0);
        assertEquals(new Thresholds(0.1, 0.1, 0.2, 0.3), task.thresholds());
        assertEquals("leaderboard", task.attributes().get("thresholds"));
        var packaged = suite.load(data, Map.of()).get(0);
        assertEquals(0.16506, packaged.thresholds().gold());
        Path lfs = tmp.resolve("mle-bench/mlebench/competitions/spooky-author-identification/leaderboard.csv");
        Files.writeString(lfs, "version https://git-lfs.github.com/spec/v1\noid sha256:1087\nsize 67155\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> suite.load(data,
                Map.of(MleBenchLiteSuite.OPTION_MLEBENCH_DIR, tmp.resolve("mle-bench").toString())));
        assertTrue(e.getMessage().contains("git lfs pull"), e.getMessage());
    }

    /** Every decision at, just inside and just outside each real threshold follows the tie rules. */
    @Test
    void medalDecisionsOnEveryRealThreshold() {
        int decisions = 0;
        for (Map.Entry<String, MedalTable.Entry> e : MedalTable.packaged().entrySet()) {
            Thresholds t = e.getValue().thresholds();
            boolean lower = e.getValue().lowerIsBetter();
            double better = lower ? -1e-9 : 1e-9;
            for (double s : new double[] {t.gold(), t.silver(), t.bronze(), t.median()}) {
                for (double score : new double[] {s, s + better, s - better}) {
                    Medal m = Medals.medal(score, t, lower);
                    assertEquals(expectedMedal(score, t, lower), m, e.getKey() + " " + score);
                    assertEquals(lower ? score < t.median() : score > t.median(), Medals.aboveMedian(score, t, lower));
                    decisions++;
                }
            }
            assertEquals(Medal.GOLD, Medals.medal(t.gold(), t, lower), e.getKey() + ": a tie with gold wins gold");
            assertFalse(Medals.aboveMedian(t.median(), t, lower), e.getKey() + ": a tie with the median is not above");
            assertEquals(Medal.NONE, Medals.medal(Double.NaN, t, lower));
            assertFalse(Medals.aboveMedian(Double.NaN, t, lower));
            assertEquals(Medal.NONE, Medals.medal(null, t, lower));
        }
        // aerial-cactus: gold, silver and bronze are all 1.0, so only a perfect AUC medals, and it is gold.
        MedalTable.Entry aerial = MedalTable.packaged().get("aerial-cactus-identification");
        assertEquals(Medal.GOLD, Medals.medal(1.0, aerial.thresholds(), false));
        assertEquals(Medal.NONE, Medals.medal(0.99999, aerial.thresholds(), false));
        assertTrue(decisions >= 22 * 12);
    }

    /** The rule written out independently: the best level whose threshold the score reaches. */
    private static Medal expectedMedal(double score, Thresholds t, boolean lower) {
        double[] cut = {t.gold(), t.silver(), t.bronze()};
        Medal[] level = {Medal.GOLD, Medal.SILVER, Medal.BRONZE};
        for (int i = 0; i < 3; i++) {
            if (lower ? !(score > cut[i]) : !(score < cut[i])) {
                return level[i];
            }
        }
        return Medal.NONE;
    }

    @Test
    void medianSkipsNaNAndAveragesTheMiddlePair() {
        assertEquals(2.5, Medals.median(new double[] {4, 1, Double.NaN, 3, 2}));
        assertEquals(3.0, Medals.median(new double[] {5, 3, 1}));
        assertTrue(Medals.lowerIsBetter(new double[] {0.1, 0.5, 0.9}));
        assertFalse(Medals.lowerIsBetter(new double[] {0.9, 0.5, 0.1}));
    }

    private void writeCheckoutLeaderboard(String id, List<String> scores) throws Exception {
        StringBuilder sb = new StringBuilder("scoreNullable,teamId,hasTeamName,submissionDate,score,hasScore\n");
        for (int i = 0; i < scores.size(); i++) {
            sb.append(scores.get(i)).append(',').append(1000000 + i).append(",True,2019-03-09 09:13:10,")
                    .append(scores.get(i)).append(",True\n");
        }
        Path file = tmp.resolve("mle-bench/mlebench/competitions").resolve(id).resolve("leaderboard.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb);
    }

    private static double num(ColumnTable t, String col, int r) {
        return Double.parseDouble(t.column(col)[r]);
    }
}
