package io.sandmle.environments.mlebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.Grade;
import io.sandmle.api.Task;
import io.sandmle.environments.grading.CsvReader;
import io.sandmle.environments.grading.Submission;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Submissions for every Lite competition, generated on fixtures of three sizes: the generated kinds plus
 * mutations whose validity depends on each grader's rules, and the checks that the Java graders give an
 * oracle's answer on each (same validity, raw score within 1e-9, the same 5-decimal rounding).
 */
final class LiteGradingCases {

    /** The generated kinds, then mutations of the noisy one. */
    static final List<String> VARIANTS = List.of("SAMPLE", "NOISY", "RANDOM", "TIES", "DROP_ROW", "DUPLICATE_ID",
            "EXTRA_COLUMN", "COLUMNS_SWAPPED", "FLOAT_IDS", "NON_NUMERIC_PREDICTIONS");

    /** One submission: its competition, how it was made, and where it and the answers are. */
    record Case(LiteCompetition competition, String variant, Path submission, Path answers, Path dataDir) {
        String label() {
            return competition.id() + " " + variant + " (" + submission + ")";
        }
    }

    private LiteGradingCases() {
    }

    /** Writes fixtures and every variant's submission for each competition and seed under {@code dir}. */
    static List<Case> write(Path dir, int seeds) throws Exception {
        return write(dir, seeds, Map.of());
    }

    /** The same with some competitions' class columns named as given (see {@link LiteFixtures}). */
    static List<Case> write(Path dir, int seeds, Map<String, List<String>> classNames) throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            for (LiteCompetition c : LiteCompetitions.all()) {
                LiteFixtures fx = new LiteFixtures(seed * 1000L + c.id().hashCode(), 30 + seed * 25, classNames);
                Path dataDir = dir.resolve("data").resolve("seed" + seed);
                LiteFixtures.Data d = fx.write(dataDir, c);
                Path answers = dataDir.resolve(c.id()).resolve("prepared/private").resolve(c.answersFile());
                for (String v : VARIANTS) {
                    Path sub = dir.resolve("subs").resolve("seed" + seed).resolve(c.id()).resolve(v + ".csv");
                    writeSubmission(fx, d, sub, v);
                    cases.add(new Case(c, v, sub, answers, dataDir));
                }
            }
        }
        return cases;
    }

    /** The oracle scripts' input lines: {id, competition, submission, answers}. */
    static List<Map<String, Object>> oracleInputs(List<Case> cases) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Case c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", inputs.size());
            m.put("competition", c.competition().id());
            m.put("submission", c.submission().toString());
            m.put("answers", c.answers().toString());
            inputs.add(m);
        }
        return inputs;
    }

    /**
     * Asserts that the Java grader of each case gives the oracle's answer (its JSON line for that case), listing
     * every case that differs, and returns how many cases were valid.
     */
    static int assertAgree(List<Case> cases, List<JsonNode> oracle) throws Exception {
        return assertAgree(cases, oracle, Set.of());
    }

    /**
     * The same, except that cases named in {@code tolerated} ("competition variant") may differ: the
     * documented places where the Java grader does not follow its oracle.
     */
    static int assertAgree(List<Case> cases, List<JsonNode> oracle, Set<String> tolerated) throws Exception {
        assertEquals(cases.size(), oracle.size());
        List<String> differences = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String difference = difference(c, oracle.get(i));
            if (difference != null && tolerated.contains(c.competition().id() + " " + c.variant())) {
                System.out.println("tolerated difference: " + difference);
            } else if (difference != null) {
                differences.add(difference);
            } else if (!oracle.get(i).has("error")) {
                valid++;
            }
        }
        assertTrue(differences.isEmpty(), differences.size() + " of " + cases.size() + " differ:\n"
                + String.join("\n", differences));
        return valid;
    }

    /** How the Java answer differs from the oracle's for one case, or null when they agree. */
    private static String difference(Case c, JsonNode want) throws Exception {
        Double raw = null;
        String error = null;
        try {
            raw = c.competition().score().score(Submission.of(CsvReader.read(c.submission())),
                    Submission.answers(CsvReader.read(c.answers())));
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        Grade g = grade(c);
        if (want.has("error")) {
            return raw == null && !g.valid() ? null
                    : c.label() + ": the oracle refused (" + want.get("error").asText() + ") but Java scored " + raw;
        }
        if (raw == null || !g.valid()) {
            return c.label() + ": Java refused (" + (error != null ? error : g.reason()) + ") but the oracle scored "
                    + want.get("value");
        }
        if (Math.abs(want.get("value").asDouble() - raw) > 1e-9 || want.get("rounded").asDouble() != g.score()) {
            return c.label() + ": Java " + raw + " (rounded " + g.score() + "), the oracle " + want.get("value")
                    + " (rounded " + want.get("rounded") + ")";
        }
        return null;
    }

    static Grade grade(Case c) {
        MleBenchLiteSuite suite = new MleBenchLiteSuite();
        Task task = suite.load(c.dataDir(), Map.of(MleBenchLiteSuite.OPTION_COMPETITIONS, c.competition().id()))
                .get(0);
        return suite.grader(task).grade(task, c.submission());
    }

    private static void writeSubmission(LiteFixtures fx, LiteFixtures.Data d, Path file, String variant)
            throws Exception {
        boolean generated = List.of("SAMPLE", "NOISY", "RANDOM", "TIES").contains(variant);
        List<List<String>> rows = fx.submissionRows(d, generated ? LiteFixtures.Variant.valueOf(variant)
                : LiteFixtures.Variant.NOISY);
        List<String> header = new ArrayList<>(d.submissionHeader());
        int key = header.indexOf(d.keyColumns().get(d.keyColumns().size() - 1));
        int last = header.size() - 1;
        switch (variant) {
            case "DROP_ROW" -> rows.remove(rows.size() - 1);
            case "DUPLICATE_ID" -> rows.get(1).set(key, rows.get(0).get(key));
            case "EXTRA_COLUMN" -> {
                header.add("extra");
                rows.forEach(r -> r.add("0.5"));
            }
            case "COLUMNS_SWAPPED" -> {
                Collections.swap(header, last, last - 1);
                rows.forEach(r -> Collections.swap(r, last, last - 1));
            }
            // Integer ids written as floats (1.0), as a pandas frame with a float id column writes them.
            case "FLOAT_IDS" -> rows.forEach(r -> r.set(key, r.get(key).matches("-?\\d+") ? r.get(key) + ".0"
                    : r.get(key)));
            case "NON_NUMERIC_PREDICTIONS" -> {
                for (int i = 0; i < rows.size(); i++) {
                    rows.get(i).set(last, "class_" + i);
                }
            }
            default -> { }
        }
        LiteFixtures.writeCsv(file, header, rows);
    }
}
