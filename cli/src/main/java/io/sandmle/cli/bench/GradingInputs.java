package io.sandmle.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The grading benchmark's files, generated with a fixed seed in MLE-bench's prepared layout under
 * {@code data}: a text-normalization answers file with a 93 %-right submission, the same submission with its
 * rows shuffled (ids must then be matched, not just compared), and a tps-may-2022 ROC-AUC answers file with a
 * probability submission in shuffled order.
 *
 * @param data                 the prepared competitions, {@code <data>/<id>/prepared/{public,private}}
 * @param textSubmission       text-normalization submission in the answers' order
 * @param shuffledTextSubmission the same rows in random order
 * @param aucSubmission        the ROC-AUC submission
 */
record GradingInputs(Path data, Path textSubmission, Path shuffledTextSubmission, Path aucSubmission) {

    static final String TEXT_NORMALIZATION = "text-normalization-challenge-english-language";
    static final String TPS_MAY = "tabular-playground-series-may-2022";

    static GradingInputs write(Path dir, int textRows, int aucRows) throws IOException {
        Random rnd = new Random(42);
        Path data = dir.resolve("data");
        Path text = writeTextNormalization(dir, data, textRows, rnd);
        Path shuffled = shuffledCopy(text, rnd);
        return new GradingInputs(data, text, shuffled, writeAuc(dir, data, aucRows, rnd));
    }

    /** The private folder of a competition, with its public sibling created as the suite expects. */
    private static Path privateDir(Path data, String competition) throws IOException {
        Files.createDirectories(data.resolve(competition).resolve("prepared/public"));
        return Files.createDirectories(data.resolve(competition).resolve("prepared/private"));
    }

    private static Path writeTextNormalization(Path dir, Path data, int rows, Random rnd) throws IOException {
        Path priv = privateDir(data, TEXT_NORMALIZATION);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            // Every 97th word is quoted and holds a comma, as real normalised text does.
            vocabulary.add(i % 97 == 0 ? "\"" + word(rnd) + ", " + word(rnd) + "\"" : word(rnd));
        }
        vocabulary.add("sil.");
        Path sub = dir.resolve("text_submission.csv");
        try (BufferedWriter a = Files.newBufferedWriter(priv.resolve("answers.csv"));
             BufferedWriter s = Files.newBufferedWriter(sub)) {
            a.write("id,after\n");
            s.write("id,after\n");
            for (int i = 0; i < rows; i++) {
                String id = (i / 12) + "_" + (i % 12);
                String after = vocabulary.get(rnd.nextInt(vocabulary.size()));
                a.write(id + "," + after + "\n");
                s.write(id + "," + (rnd.nextInt(100) < 93 ? after : "wrong") + "\n");
            }
        }
        return sub;
    }

    private static Path shuffledCopy(Path submission, Random rnd) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(submission));
        Collections.shuffle(lines.subList(1, lines.size()), rnd);
        Path out = submission.resolveSibling("shuffled_" + submission.getFileName());
        Files.write(out, lines);
        return out;
    }

    private static Path writeAuc(Path dir, Path data, int rows, Random rnd) throws IOException {
        Path priv = privateDir(data, TPS_MAY);
        int[] target = new int[rows];
        try (BufferedWriter a = Files.newBufferedWriter(priv.resolve("test.csv"))) {
            a.write("id,target\n");
            for (int i = 0; i < rows; i++) {
                target[i] = rnd.nextInt(2);
                a.write((900000 + i) + "," + target[i] + "\n");
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            order.add(i);
        }
        Collections.shuffle(order, rnd);
        Path sub = dir.resolve("auc_submission.csv");
        try (BufferedWriter s = Files.newBufferedWriter(sub)) {
            s.write("id,target\n");
            for (int i : order) {
                double p = Math.min(1, Math.max(0, 0.35 * target[i] + 0.65 * rnd.nextDouble()));
                s.write((900000 + i) + "," + p + "\n");
            }
        }
        return sub;
    }

    private static String word(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int len = 2 + rnd.nextInt(9);
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + rnd.nextInt(26)));
        }
        return sb.toString();
    }
}
