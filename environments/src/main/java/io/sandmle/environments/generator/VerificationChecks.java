package io.sandmle.environments.generator;

import io.sandmle.api.Grade;
import io.sandmle.api.Thresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The verifier's checks, in the order they run: file checks, then leak checks (which compare the controls
 * with task.json's thresholds), then the threshold and grading checks.
 */
final class VerificationChecks {

    private VerificationChecks() {
    }

    static List<Check> all() {
        return List.of(new FilesParse(), new AnswersPrivate(), new TrainingRows(), new ReferenceRan(),
                new NoMetadataLeak(), new ShuffledLabelsAtChance(), new NoLeakInDescription(),
                new ThresholdsMonotone(), new ThresholdsMatchLadder(), new BeatsSampleSubmission(),
                new TrivialBelowMedian(), new GradingDeterministic(), new EvaluatorAgrees());
    }

    /** Every CSV is rectangular, every PNG and WAV decodes, the description is there. */
    static final class FilesParse implements Check {
        @Override
        public String name() {
            return "files-parse";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) throws IOException {
            if (!Files.isRegularFile(t.publicDir().resolve("description.md"))
                    || Files.size(t.publicDir().resolve("description.md")) == 0) {
                return Optional.of("description.md is missing or empty");
            }
            try (Stream<Path> files = Files.walk(t.folder().root())) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = p.getFileName().toString();
                    try {
                        if (name.endsWith(".csv")) {
                            CsvFile.read(p);
                        } else if (name.endsWith(".png") && ImageIO.read(p.toFile()) == null) {
                            return Optional.of(name + " is not a readable PNG");
                        } else if (name.endsWith(".wav")) {
                            try (AudioInputStream in = AudioSystem.getAudioInputStream(p.toFile())) {
                                in.readAllBytes();
                            }
                        }
                    } catch (Exception e) {
                        return Optional.of(name + " does not parse: " + e.getMessage());
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** The answers live only in private/, with exactly the sample submission's columns and ids. */
    static final class AnswersPrivate implements Check {
        @Override
        public String name() {
            return "answers-private";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) throws IOException {
            Path answers = t.folder().privateDir().resolve("answers.csv");
            if (!Files.isRegularFile(answers)) {
                return Optional.of("private/answers.csv is missing");
            }
            List<String[]> truth = CsvFile.read(answers);
            List<String[]> sample = CsvFile.read(t.publicDir().resolve("sample_submission.csv"));
            if (!Arrays.equals(truth.get(0), sample.get(0))) {
                return Optional.of("answers.csv and sample_submission.csv have different columns");
            }
            byte[] answerBytes = Files.readAllBytes(answers);
            try (Stream<Path> files = Files.walk(t.publicDir())) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.startsWith("answer") || Arrays.equals(Files.readAllBytes(p), answerBytes)) {
                        return Optional.of("public/" + p.getFileName() + " holds the answers");
                    }
                }
            }
            List<String> testHeader = List.of(CsvFile.read(t.publicDir().resolve("test.csv")).get(0));
            for (String target : truth.get(0)) {
                if (!target.equals(truth.get(0)[0]) && testHeader.contains(target)) {
                    return Optional.of("test.csv carries the target column " + target);
                }
            }
            return Optional.empty();
        }
    }

    /** Micro tasks have 50–200 training rows; full twins 20k–100k. */
    static final class TrainingRows implements Check {
        @Override
        public String name() {
            return "training-rows";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) throws IOException {
            int rows = CsvFile.read(t.publicDir().resolve("train.csv")).size() - 1;
            boolean full = "full".equals(t.task().attributes().get("scale"));
            int lo = full ? 20_000 : 50;
            int hi = full ? 100_000 : 200;
            return rows < lo || rows > hi
                    ? Optional.of("train.csv has " + rows + " rows, outside " + lo + "–" + hi) : Optional.empty();
        }
    }

    /** Every rung and control of the reference ladder produced a gradable submission. */
    static final class ReferenceRan implements Check {
        @Override
        public String name() {
            return "reference-ran";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) {
            for (String rung : MlDeveloper.allRuns()) {
                Grade g = t.ladderGrade(rung);
                if (!g.valid()) {
                    return Optional.of("the " + rung + " reference did not produce a valid submission: " + g.reason());
                }
            }
            return Optional.empty();
        }
    }

    /** gold, silver, bronze, median strictly ordered in the metric's direction. */
    static final class ThresholdsMonotone implements Check {
        @Override
        public String name() {
            return "thresholds-monotone";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) {
            Thresholds th = t.task().thresholds();
            boolean lower = t.task().lowerIsBetter();
            if (th == null) {
                return Optional.of("task.json has no thresholds");
            }
            boolean ok = Calibration.better(th.gold(), th.silver(), lower)
                    && Calibration.better(th.silver(), th.bronze(), lower)
                    && Calibration.better(th.bronze(), th.median(), lower);
            return ok ? Optional.empty() : Optional.of("thresholds " + th + " are not strictly monotone");
        }
    }

    /** task.json's thresholds are the calibration of the stored ladder's scores (re-graded now). */
    static final class ThresholdsMatchLadder implements Check {
        @Override
        public String name() {
            return "thresholds-match-ladder";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) {
            Map<String, Double> scores = t.ladderScores();
            Thresholds expected = Calibration.thresholds(scores, t.task().lowerIsBetter());
            return expected.equals(t.task().thresholds()) ? Optional.empty()
                    : Optional.of("task.json thresholds " + t.task().thresholds() + " differ from the ladder's " + expected);
        }
    }

    /** The best reference beats the sample submission. */
    static final class BeatsSampleSubmission implements Check {
        @Override
        public String name() {
            return "beats-sample-submission";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) {
            Grade sample = t.sampleGrade();
            if (!sample.valid()) {
                return Optional.of("the sample submission is not valid: " + sample.reason());
            }
            double best = Calibration.best(t.ladderScores(), t.task().lowerIsBetter());
            return Calibration.better(best, sample.score(), t.task().lowerIsBetter()) ? Optional.empty()
                    : Optional.of("the best reference (" + best + ") does not beat the sample submission (" + sample.score() + ")");
        }
    }

    /** The trivial baseline (class prior or mean) stays below the median. */
    static final class TrivialBelowMedian implements Check {
        @Override
        public String name() {
            return "trivial-below-median";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) {
            double trivial = t.ladderGrade("prior").score();
            double median = t.task().thresholds().median();
            return Calibration.better(median, trivial, t.task().lowerIsBetter()) ? Optional.empty()
                    : Optional.of("the trivial baseline (" + trivial + ") reaches the median (" + median + ")");
        }
    }

    /** Grading the same submission twice, and with its rows reversed, gives the same score. */
    static final class GradingDeterministic implements Check {
        @Override
        public String name() {
            return "grading-deterministic";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) throws IOException {
            Path best = t.folder().ladder(Calibration.bestRung(t.ladderScores(), t.task().lowerIsBetter()));
            Double first = TaskUnderCheck.score(t.grader().grade(t.task(), best));
            Double second = TaskUnderCheck.score(t.grader().grade(t.task(), best));
            List<String> lines = new ArrayList<>(Files.readAllLines(best));
            Collections.reverse(lines.subList(1, lines.size()));
            Path reversed = Files.createTempFile("sandmle-reversed-", ".csv");
            try {
                Files.write(reversed, lines);
                Double third = TaskUnderCheck.score(t.grader().grade(t.task(), reversed));
                return first != null && first.equals(second) && first.equals(third) ? Optional.empty()
                        : Optional.of("grading the same submission gave " + first + ", " + second + " and " + third);
            } finally {
                Files.deleteIfExists(reversed);
            }
        }
    }

    /** A model that sees only row order, id bits and file sizes stays below bronze. */
    static final class NoMetadataLeak implements Check {
        @Override
        public String name() {
            return "no-leak-metadata";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) {
            double probe = t.ladderGrade("leak-probe").score();
            double bronze = t.task().thresholds().bronze();
            return Calibration.better(bronze, probe, t.task().lowerIsBetter()) ? Optional.empty()
                    : Optional.of("a model of row order, ids and file sizes scores " + probe + ", reaching bronze " + bronze);
        }
    }

    /** The strongest rung trained on shuffled labels scores at chance: below the median. */
    static final class ShuffledLabelsAtChance implements Check {
        @Override
        public String name() {
            return "shuffled-labels-at-chance";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) {
            double control = t.ladderGrade("shuffled-control").score();
            double median = t.task().thresholds().median();
            return Calibration.better(median, control, t.task().lowerIsBetter()) ? Optional.empty()
                    : Optional.of("training on shuffled labels scores " + control + ", reaching the median " + median);
        }
    }

    /** description.md names no informative feature and prints no rule coefficient. */
    static final class NoLeakInDescription implements Check {
        @Override
        public String name() {
            return "no-leak-description";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) throws IOException {
            return leak(Files.readString(t.publicDir().resolve("description.md")), t.secrets());
        }

        /** Why {@code description} leaks the hidden rule, or empty. */
        static Optional<String> leak(String description, Secrets s) {
            String text = description.toLowerCase(Locale.ROOT);
            Set<String> words = new HashSet<>(Arrays.asList(text.split("[^a-z0-9_]+")));
            for (String term : s.ruleTerms()) {
                if (words.contains(term.toLowerCase(Locale.ROOT))) {
                    return Optional.of("description.md names the rule's input '" + term + "'");
                }
            }
            for (String c : s.coefficients()) {
                if (Pattern.compile("(?<![0-9.])" + Pattern.quote(c) + "(?![0-9])").matcher(text).find()) {
                    return Optional.of("description.md prints the rule coefficient " + c);
                }
            }
            return Optional.empty();
        }
    }

    /** When a SandMLE evaluator.py was written, it reproduces the grader's score on the best reference. */
    static final class EvaluatorAgrees implements Check {
        @Override
        public String name() {
            return "evaluator-agrees";
        }

        @Override
        public Optional<String> problem(TaskUnderCheck t) throws IOException {
            if (!Files.isRegularFile(t.publicDir().resolve("evaluator.py"))) {
                return Optional.empty();
            }
            String bestRung = Calibration.bestRung(t.ladderScores(), t.task().lowerIsBetter());
            return new EvaluatorStep().disagreement(t.folder(), t.folder().ladder(bestRung),
                    t.ladderGrade(bestRung).score(), t.executor());
        }
    }
}
