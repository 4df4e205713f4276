package io.sandmle.trainers.local;

import io.sandmle.api.Grade;
import io.sandmle.api.Grader;
import io.sandmle.api.Medal;
import io.sandmle.api.Task;
import io.sandmle.api.Thresholds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small test-scope grader for the micro tasks: aligns submission.csv with answers.csv by id and
 * scores roc-auc, accuracy, rmse or rmsle; medals with ties counting, as MLE-bench does.
 */
public final class MicroGrader implements Grader {

    @Override
    public Grade grade(Task task, Path submission) {
        Thresholds t = task.thresholds();
        boolean lower = task.lowerIsBetter();
        if (!Files.exists(submission)) {
            return Grade.invalid(task.id(), false, "no submission.csv was written", t, lower);
        }
        try {
            List<String> answers = Files.readAllLines(task.privateDir().resolve("answers.csv"));
            List<String> rows = Files.readAllLines(submission);
            if (!rows.get(0).trim().equals(answers.get(0).trim())) {
                return Grade.invalid(task.id(), true, "the columns must be " + answers.get(0), t, lower);
            }
            if (rows.size() != answers.size()) {
                return Grade.invalid(task.id(), true, "expected " + (answers.size() - 1) + " rows", t, lower);
            }
            Map<String, String> predicted = new HashMap<>();
            for (String r : rows.subList(1, rows.size())) {
                String[] cells = r.split(",", -1);
                predicted.put(normal(cells[0]), cells[1]);
            }
            int n = answers.size() - 1;
            String[] truth = new String[n];
            String[] pred = new String[n];
            for (int i = 0; i < n; i++) {
                String[] cells = answers.get(i + 1).split(",", -1);
                truth[i] = cells[1];
                pred[i] = predicted.get(normal(cells[0]));
                if (pred[i] == null || pred[i].isBlank()) {
                    return Grade.invalid(task.id(), true, "id " + cells[0] + " has no prediction", t, lower);
                }
            }
            double score = score(task.metric(), truth, pred);
            if (Double.isNaN(score)) {
                return Grade.invalid(task.id(), true, "the predictions could not be scored", t, lower);
            }
            Medal medal = t == null ? Medal.NONE : beats(score, t.gold(), lower) ? Medal.GOLD
                    : beats(score, t.silver(), lower) ? Medal.SILVER
                    : beats(score, t.bronze(), lower) ? Medal.BRONZE : Medal.NONE;
            boolean aboveMedian = t != null && (lower ? score < t.median() : score > t.median());
            return new Grade(Grade.SCHEMA_VERSION, task.id(), true, true, score, null, medal, aboveMedian, null, t,
                    lower);
        } catch (IOException | RuntimeException e) {
            return Grade.invalid(task.id(), true, "the submission could not be read: " + e.getMessage(), t, lower);
        }
    }

    private static String normal(String id) {
        return id.endsWith(".0") ? id.substring(0, id.length() - 2) : id.trim();
    }

    private static boolean beats(double s, double threshold, boolean lower) {
        return lower ? s <= threshold : s >= threshold;
    }

    private static double score(String metric, String[] truth, String[] pred) {
        if (metric.equals("accuracy")) {
            int right = 0;
            for (int i = 0; i < truth.length; i++) {
                right += Double.parseDouble(truth[i]) == Double.parseDouble(pred[i]) ? 1 : 0;
            }
            return (double) right / truth.length;
        }
        double[] y = Arrays.stream(truth).mapToDouble(Double::parseDouble).toArray();
        double[] p = Arrays.stream(pred).mapToDouble(Double::parseDouble).toArray();
        return switch (metric) {
            case "roc-auc" -> auc(y, p);
            case "rmse" -> rmse(y, p, false);
            case "rmsle" -> rmse(y, p, true);
            default -> throw new IllegalArgumentException("unknown metric " + metric);
        };
    }

    private static double rmse(double[] y, double[] p, boolean log) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = log ? Math.log1p(Math.max(p[i], 0)) - Math.log1p(y[i]) : p[i] - y[i];
            sum += d * d;
        }
        return Math.sqrt(sum / y.length);
    }

    /** Mann-Whitney AUC with average ranks for ties. */
    private static double auc(double[] y, double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] rank = new double[p.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                rank[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        double pos = 0;
        double rankSum = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                pos++;
                rankSum += rank[i];
            }
        }
        double neg = y.length - pos;
        return pos == 0 || neg == 0 ? Double.NaN : (rankSum - pos * (pos + 1) / 2) / (pos * neg);
    }
}
