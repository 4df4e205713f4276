package io.sandmle.environments.mledojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.environments.testing.PythonOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * HumanRank on all 202 real MLE-Dojo leaderboard pairs, for scores sampled across each board (every
 * tie point, midpoints, beyond both ends, NaN, infinities), against an independent Python
 * re-implementation of MLE-Dojo's formula.
 */
class HumanRankOnAllBoardsTest {

    private static final Path BOARDS = PythonOracle.sharedDir().resolve("data/mle-dojo/leaderboards");

    @Test
    void everyBoardAgreesWithTheDojoFormula() throws Exception {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(BOARDS)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(202, dirs.size(), "MLE-Dojo ships 202 competitions");
        List<Map<String, Object>> cases = new ArrayList<>();
        List<List<Double>> samples = new ArrayList<>();
        List<Boolean> directions = new ArrayList<>();
        for (Path dir : dirs) {
            boolean higher = direction(dir);
            List<Double> scores = sample(HumanRank.scores(dir.resolve("private_leaderboard.csv")),
                    HumanRank.scores(dir.resolve("public_leaderboard.csv")));
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", cases.size());
            c.put("dir", dir.toString());
            c.put("higher_is_better", higher);
            c.put("scores", scores.stream().map(d -> d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "inf" : "-inf")
                    : (Object) d).toList());
            cases.add(c);
            samples.add(scores);
            directions.add(higher);
        }
        List<JsonNode> expected = PythonOracle.run("/oracle/mledojo_humanrank.py", cases);
        int compared = 0;
        for (int i = 0; i < dirs.size(); i++) {
            HumanRank rank = HumanRank.fromDir(dirs.get(i), directions.get(i));
            JsonNode results = expected.get(i).get("results");
            for (int j = 0; j < samples.get(i).size(); j++) {
                double agent = samples.get(i).get(j);
                HumanRank.Result got = rank.of(agent);
                JsonNode want = results.get(j);
                String label = dirs.get(i).getFileName() + " score " + agent;
                for (HumanRank.Position p : got.boards()) {
                    JsonNode w = want.get(p.board());
                    assertEquals(w.get(0).asInt(), p.position(), label + " " + p.board() + " position");
                    assertEquals(w.get(1).asInt(), p.total(), label);
                    assertEquals(w.get(2).asDouble(), p.positionScore(), 0.0, label);
                }
                assertEquals(want.get("avg").asDouble(), got.score(), 0.0, label + " HumanRank");
                compared++;
            }
        }
        System.out.printf("HumanRank: %d boards pairs, %d sampled scores, all equal to the Python formula%n",
                dirs.size(), compared);
        assertTrue(compared > 202 * 50);
    }

    /** The direction the suite uses: MLE-Dojo's metric for MLE-Lite, else read from the boards. */
    private static boolean direction(Path dir) {
        String id = dir.getFileName().toString();
        return DojoMetrics.lite(id).map(DojoMetrics.DojoMetric::higherIsBetter).orElseGet(() -> {
            double[] s = HumanRank.scores(dir.resolve("private_leaderboard.csv"));
            return s[0] != s[s.length - 1] ? HumanRank.higherIsBetter(s)
                    : HumanRank.higherIsBetter(HumanRank.scores(dir.resolve("public_leaderboard.csv")));
        });
    }

    /** Up to 40 distinct board values, the midpoints next to them, both ends ± 1, NaN and infinities. */
    private static List<Double> sample(double[] privateBoard, double[] publicBoard) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double d : privateBoard) {
            distinct.add(d);
        }
        for (double d : publicBoard) {
            distinct.add(d);
        }
        List<Double> values = new ArrayList<>(distinct);
        List<Double> out = new ArrayList<>();
        int step = Math.max(1, values.size() / 40);
        for (int i = 0; i < values.size(); i += step) {
            out.add(values.get(i));
            if (i + 1 < values.size()) {
                out.add((values.get(i) + values.get(i + 1)) / 2);
            }
        }
        out.add(values.get(0) - 1);
        out.add(values.get(values.size() - 1) + 1);
        out.add(values.get(values.size() - 1));
        out.add(Double.NaN);
        out.add(Double.POSITIVE_INFINITY);
        out.add(Double.NEGATIVE_INFINITY);
        return out;
    }
}
