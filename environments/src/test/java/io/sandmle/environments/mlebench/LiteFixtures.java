package io.sandmle.environments.mlebench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;

/**
 * Small synthetic data in MLE-bench's prepared layout for each Lite competition, with the real
 * file names and columns, plus submissions of several kinds (the constant sample submission,
 * noisy, random, heavily tied; rows shuffled). Deterministic for a seed.
 */
final class LiteFixtures {

    /** Kinds of generated submission. */
    enum Variant { SAMPLE, NOISY, RANDOM, TIES }

    private static final List<String> JIGSAW = List.of("toxic", "severe_toxic", "obscene", "threat", "insult",
            "identity_hate");
    private static final List<String> PLANT = List.of("healthy", "multiple_diseases", "rust", "scab");
    private static final List<String> SPOOKY = List.of("EAP", "HPL", "MWS");
    private static final List<String> RANZCR_ALL = List.of("ETT - Abnormal", "ETT - Borderline", "ETT - Normal",
            "NGT - Abnormal", "NGT - Borderline", "NGT - Incompletely Imaged", "NGT - Normal", "CVC - Abnormal",
            "CVC - Borderline", "CVC - Normal", "Swan Ganz Catheter Present");

    private final Random rnd;
    private final int n;
    private final Map<String, List<String>> classNames;

    LiteFixtures(long seed, int rows) {
        this(seed, rows, Map.of());
    }

    /**
     * @param classNames per competition, class columns to use instead of generated names (MLE-bench's own
     *                   dog-breed and leaf graders require their competitions' real class names)
     */
    LiteFixtures(long seed, int rows, Map<String, List<String>> classNames) {
        this.rnd = new Random(seed);
        this.n = rows;
        this.classNames = classNames;
    }

    /** A generated answers table and how submissions for it are written. */
    record Data(List<String> answerHeader, List<List<String>> answerRows, List<String> submissionHeader,
                Kind kind, List<String> keyColumns) {
        Data(List<String> answerHeader, List<List<String>> answerRows, List<String> submissionHeader, Kind kind) {
            this(answerHeader, answerRows, submissionHeader, kind, List.of(answerHeader.get(0)));
        }
    }

    /** How a competition's targets are shaped. */
    enum Kind { PROBABILITY, MULTI_PROBABILITY, ONE_HOT, REGRESSION, LABEL, TEXT }

    /** Writes {@code <dataDir>/<id>/prepared/{public,private}} and returns the data. */
    Data write(Path dataDir, LiteCompetition c) throws IOException {
        Data d = generate(c.id());
        Path prepared = dataDir.resolve(c.id()).resolve("prepared");
        Files.createDirectories(prepared.resolve("public"));
        Files.createDirectories(prepared.resolve("private"));
        writeCsv(prepared.resolve("private").resolve(c.answersFile()), d.answerHeader(), d.answerRows());
        writeCsv(prepared.resolve("public").resolve("sample_submission.csv"), d.submissionHeader(),
                submissionRows(d, Variant.SAMPLE));
        Files.writeString(prepared.resolve("public").resolve("description.md"),
                "# " + c.id() + "\n\nSynthetic fixture in MLE-bench's prepared layout; metric: " + c.metric() + ".\n");
        return d;
    }

    /** Writes a submission of the given kind and returns its path. */
    Path writeSubmission(Path dir, String name, Data d, Variant v) throws IOException {
        Path file = dir.resolve(name);
        writeCsv(file, d.submissionHeader(), submissionRows(d, v));
        return file;
    }

    private Data generate(String id) {
        switch (id) {
            case "aerial-cactus-identification":
                return binary("id", "has_cactus", i -> hex(32) + ".jpg");
            case "histopathologic-cancer-detection":
                return binary("id", "label", i -> hex(40));
            case "random-acts-of-pizza":
                return binary("request_id", "requester_received_pizza", i -> "t3_" + hex(6));
            case "siim-isic-melanoma-classification":
                return binary("image_name", "target", i -> "ISIC_" + (1000000 + i * 7));
            case "tabular-playground-series-may-2022":
                return binary("id", "target", i -> String.valueOf(900000 + i));
            case "the-icml-2013-whale-challenge-right-whale-redux":
                return binary("clip", "probability", i -> "20090404_" + hex(6) + "_" + i + "s.aif");
            case "mlsp-2013-birds":
                return binary("Id", "Probability", i -> String.valueOf((i / 19) * 100 + i % 19));
            case "detecting-insults-in-social-commentary":
                return insults();
            case "aptos2019-blindness-detection":
                return labels("id_code", "diagnosis", 5, 0, i -> hex(12));
            case "tabular-playground-series-dec-2021":
                return labels("Id", "Cover_Type", 7, 1, i -> String.valueOf(4000000 + i));
            case "denoising-dirty-documents":
                return regression(List.of("id", "value"), i -> (1 + i / 16) + "_" + (1 + i % 4) + "_" + (1 + i / 4 % 4),
                        0, 1, 1);
            case "new-york-city-taxi-fare-prediction":
                return regression(List.of("key", "fare_amount"),
                        i -> String.format(Locale.ROOT, "2015-01-%02d %02d:%02d:%02d.%07d", 1 + i % 28, i % 24, i % 60,
                                i * 7 % 60, i), 2, 60, 1);
            case "nomad2018-predict-transparent-conductors":
                return regression(List.of("id", "formation_energy_ev_natom", "bandgap_energy_ev"),
                        i -> String.valueOf(i + 1), 0, 5, 2);
            case "dogs-vs-cats-redux-kernels-edition":
                return binary("id", "label", i -> String.valueOf(i + 1));
            case "dog-breed-identification":
                return oneHot("id", classNames.getOrDefault(id, names("breed_", 120)), i -> hex(32));
            case "leaf-classification":
                return oneHot("id", classNames.getOrDefault(id, names("Species_", 99)), i -> String.valueOf(4 + i * 3));
            case "spooky-author-identification":
                return oneHot("id", SPOOKY, i -> "id" + (10000 + i * 13));
            case "plant-pathology-2020-fgvc7":
                return oneHot("image_id", PLANT, i -> "Test_" + i);
            case "jigsaw-toxic-comment-classification-challenge":
                return jigsaw();
            case "ranzcr-clip-catheter-line-classification":
                return ranzcr();
            case "text-normalization-challenge-english-language":
            case "text-normalization-challenge-russian-language":
                return textNormalization(id.contains("russian"));
            default:
                throw new IllegalArgumentException(id);
        }
    }

    private interface Ids {
        String id(int i);
    }

    private Data binary(String idCol, String target, Ids ids) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new ArrayList<>(List.of(ids.id(i), rnd.nextInt(3) == 0 ? "1" : "0")));
        }
        rows.get(0).set(1, "1");
        rows.get(1).set(1, "0");
        return new Data(List.of(idCol, target), rows, List.of(idCol, target), Kind.PROBABILITY);
    }

    private Data insults() {
        List<List<String>> rows = new ArrayList<>();
        String[] phrases = {"\"you are great\"", "\"idiot, really\"", "\"he said \"\"no\"\"\"", "\"line\nbreak\"",
                "\"thanks\"", "\"\\xc2\\xa0what?\"", "\"ok\""};
        for (int i = 0; i < n; i++) {
            String date = i % 5 == 0 ? "" : String.format(Locale.ROOT, "201206%02d1200%02dZ", 1 + i % 28, i % 60);
            String comment = i < phrases.length ? phrases[i] : "\"comment number " + i + " " + hex(4) + "\"";
            rows.add(new ArrayList<>(List.of(rnd.nextInt(3) == 0 ? "1" : "0", date, comment, "PrivateTest")));
        }
        rows.get(0).set(0, "1");
        rows.get(1).set(0, "0");
        return new Data(List.of("Insult", "Date", "Comment", "Usage"), rows, List.of("Insult", "Date", "Comment"),
                Kind.PROBABILITY, List.of("Date", "Comment"));
    }

    private Data labels(String idCol, String target, int classes, int first, Ids ids) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new ArrayList<>(List.of(ids.id(i), String.valueOf(first + rnd.nextInt(classes)))));
        }
        return new Data(List.of(idCol, target), rows, List.of(idCol, target), Kind.LABEL);
    }

    private Data regression(List<String> header, Ids ids, double lo, double hi, int targets) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>(List.of(ids.id(i)));
            for (int t = 0; t < targets; t++) {
                row.add(fmt(lo + rnd.nextDouble() * (hi - lo)));
            }
            rows.add(row);
        }
        return new Data(header, rows, header, Kind.REGRESSION);
    }

    private Data oneHot(String idCol, List<String> classes, Ids ids) {
        List<String> header = new ArrayList<>(List.of(idCol));
        header.addAll(classes);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>(List.of(ids.id(i)));
            int hot = i < classes.size() && classes.size() <= 4 ? i : rnd.nextInt(classes.size());
            for (int c = 0; c < classes.size(); c++) {
                row.add(c == hot ? "1" : "0");
            }
            rows.add(row);
        }
        // Every class column needs both values for a per-column AUC (plant-pathology).
        return new Data(header, rows, header, Kind.ONE_HOT);
    }

    private Data jigsaw() {
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(JIGSAW);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>(List.of(hex(16)));
            boolean unscored = i % 7 == 3;
            for (int c = 0; c < JIGSAW.size(); c++) {
                row.add(unscored ? "-1" : i % 7 == c || rnd.nextInt(4) == 0 ? "1" : "0");
            }
            rows.add(row);
        }
        return new Data(header, rows, header, Kind.MULTI_PROBABILITY);
    }

    private Data ranzcr() {
        List<String> answerHeader = new ArrayList<>(List.of("StudyInstanceUID"));
        answerHeader.addAll(RANZCR_ALL);
        answerHeader.add("PatientID");
        List<String> subHeader = new ArrayList<>(List.of("StudyInstanceUID"));
        subHeader.addAll(RANZCR_ALL);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>(List.of("1.2.826.0.1.3680043.8.498." + (10000 + i * 31)));
            for (int c = 0; c < RANZCR_ALL.size(); c++) {
                row.add(i % RANZCR_ALL.size() == c || rnd.nextInt(4) == 0 ? "1" : "0");
            }
            row.add("ec" + hex(8));
            rows.add(row);
        }
        return new Data(answerHeader, rows, subHeader, Kind.MULTI_PROBABILITY);
    }

    private Data textNormalization(boolean russian) {
        String[] words = russian ? new String[] {"привет", "мир", "два", "sil", "три тысячи", "NA", "\"a, b\""}
                : new String[] {"hello", "world", "two", "sil", "three thousand", "NA", "\"a, b\"", "null", "1.5"};
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new ArrayList<>(List.of((i / 6) + "_" + (i % 6), words[rnd.nextInt(words.length)])));
        }
        return new Data(List.of("id", "after"), rows, List.of("id", "after"), Kind.TEXT);
    }

    /** The submission's rows for a variant, shuffled except for the sample submission. */
    List<List<String>> submissionRows(Data d, Variant v) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> answer : d.answerRows()) {
            List<String> row = new ArrayList<>();
            for (String col : d.submissionHeader()) {
                int a = d.answerHeader().indexOf(col);
                boolean key = d.keyColumns().contains(col);
                row.add(key ? answer.get(a) : predict(d.kind(), a < 0 ? null : answer.get(a), v, d));
            }
            out.add(row);
        }
        if (d.kind() == Kind.ONE_HOT) {
            normalise(out);
        }
        if (v != Variant.SAMPLE) {
            Collections.shuffle(out, rnd);
        }
        return out;
    }

    private String predict(Kind kind, String truth, Variant v, Data d) {
        double t = truth == null || kind == Kind.TEXT ? 0 : parse(truth);
        double u = rnd.nextDouble();
        switch (kind) {
            case PROBABILITY:
            case MULTI_PROBABILITY:
            case ONE_HOT:
                double p = switch (v) {
                    case SAMPLE -> 0.5;
                    case NOISY -> Math.min(1, Math.max(0, 0.7 * Math.max(t, 0) + 0.3 * u));
                    case RANDOM -> u;
                    case TIES -> Math.round(u * 3) / 3.0;
                };
                return fmt(p);
            case REGRESSION:
                return switch (v) {
                    case SAMPLE -> d.answerHeader().get(0).equals("key") ? "11.35" : "0.1";
                    case NOISY -> fmt(Math.max(0, t * (0.9 + 0.2 * u)));
                    case RANDOM -> fmt(u * 10);
                    case TIES -> fmt(Math.round(t));
                };
            case LABEL:
                return switch (v) {
                    case SAMPLE -> d.answerHeader().get(1).equals("Cover_Type") ? "2" : "0";
                    case NOISY -> u < 0.7 ? truth : String.valueOf((int) t + 1);
                    case RANDOM -> String.valueOf(rnd.nextInt(5) + (d.answerHeader().get(1).equals("Cover_Type") ? 1 : 0));
                    case TIES -> truth;
                };
            default:
                return switch (v) {
                    case SAMPLE -> "<self>";
                    case NOISY -> u < 0.8 ? truth : "wrong";
                    case RANDOM -> u < 0.5 ? "NA" : "\"quoted, text\"";
                    case TIES -> truth;
                };
        }
    }

    /** Makes one-hot probability rows sum to one (the graders check it). */
    private static void normalise(List<List<String>> rows) {
        for (List<String> row : rows) {
            double total = 0;
            for (int c = 1; c < row.size(); c++) {
                total += parse(row.get(c));
            }
            for (int c = 1; c < row.size(); c++) {
                row.set(c, total == 0 ? fmt(1.0 / (row.size() - 1)) : fmt(parse(row.get(c)) / total));
            }
        }
    }

    private static double parse(String s) {
        return Double.parseDouble(s);
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? String.valueOf((long) d) : Double.toString(d);
    }

    private String hex(int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append("0123456789abcdef".charAt(rnd.nextInt(16)));
        }
        return sb.toString();
    }

    private static List<String> names(String prefix, int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = prefix + i;
        }
        return Arrays.asList(out);
    }

    static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header.stream().map(LiteFixtures::quoteIfNeeded).toList())).append('\n');
        for (List<String> row : rows) {
            sb.append(String.join(",", row)).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static String quoteIfNeeded(String s) {
        return s.contains(",") ? "\"" + s + "\"" : s;
    }
}
