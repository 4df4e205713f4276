package io.sandmle.environments.generator;

import io.sandmle.api.Grade;
import io.sandmle.api.Grader;
import io.sandmle.api.Medal;
import io.sandmle.api.Task;
import io.sandmle.api.Thresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A stand-in grader for synthetic tasks until the grading module's {@code synthetic} suite lands on main:
 * aligns submission.csv with private/answers.csv by id and applies the task's metric. To be deleted then.
 */
final class InterimGrader implements Grader {

    @Override
    public Grade grade(Task task, Path submission) {
        Thresholds th = task.thresholds();
        if (!Files.isRegularFile(submission)) {
            return Grade.invalid(task.id(), false, "No submission.csv was written.", th, task.lowerIsBetter());
        }
        try {
            List<String[]> answers = CsvFile.read(task.privateDir().resolve("answers.csv"));
            List<String[]> sub = CsvFile.read(submission);
            List<String> header = List.of(answers.get(0));
            List<String> subHeader = List.of(sub.get(0));
            if (!subHeader.containsAll(header)) {
                return Grade.invalid(task.id(), true, "The submission needs the columns " + header + ".", th,
                        task.lowerIsBetter());
            }
            Map<String, String[]> byId = new HashMap<>();
            for (String[] row : sub.subList(1, sub.size())) {
                byId.put(row[subHeader.indexOf(header.get(0))], row);
            }
            if (byId.size() != answers.size() - 1) {
                return Grade.invalid(task.id(), true, "The submission has " + byId.size() + " distinct ids where "
                        + (answers.size() - 1) + " are expected.", th, task.lowerIsBetter());
            }
            int cols = header.size() - 1;
            String[][] truth = new String[cols][answers.size() - 1];
            String[][] pred = new String[cols][answers.size() - 1];
            for (int r = 1; r < answers.size(); r++) {
                String[] row = byId.get(answers.get(r)[0]);
                if (row == null) {
                    return Grade.invalid(task.id(), true, "The submission lacks id " + answers.get(r)[0] + ".", th,
                            task.lowerIsBetter());
                }
                for (int c = 0; c < cols; c++) {
                    truth[c][r - 1] = answers.get(r)[c + 1];
                    pred[c][r - 1] = row[subHeader.indexOf(header.get(c + 1))];
                }
            }
            double score = score(task.metric(), truth, pred);
            return new Grade(Grade.SCHEMA_VERSION, task.id(), true, true, score, null, medal(score, th,
                    task.lowerIsBetter()), th != null && better(score, th.median(), task.lowerIsBetter()), null, th,
                    task.lowerIsBetter());
        } catch (IOException | RuntimeException e) {
            return Grade.invalid(task.id(), true, "The submission cannot be scored: " + e.getMessage(), th,
                    task.lowerIsBetter());
        }
    }

    private static Medal medal(double s, Thresholds th, boolean lower) {
        if (th == null) {
            return Medal.NONE;
        }
        if (atLeast(s, th.gold(), lower)) {
            return Medal.GOLD;
        }
        if (atLeast(s, th.silver(), lower)) {
            return Medal.SILVER;
        }
        return atLeast(s, th.bronze(), lower) ? Medal.BRONZE : Medal.NONE;
    }

    private static boolean atLeast(double s, double t, boolean lower) {
        return lower ? s <= t : s >= t;
    }

    private static boolean better(double s, double t, boolean lower) {
        return lower ? s < t : s > t;
    }

    static double score(String metric, String[][] truth, String[][] pred) {
        return switch (metric) {
            case "roc-auc" -> meanOver(truth, pred, InterimGrader::auc);
            case "log-loss" -> logLoss(truth, pred);
            case "accuracy" -> accuracy(truth[0], pred[0]);
            case "f1-macro" -> f1Macro(truth[0], pred[0]);
            case "qwk" -> qwk(truth[0], pred[0]);
            case "rmse", "mcrmse" -> meanOver(truth, pred, (t, p) -> Math.sqrt(mse(t, p, false)));
            case "mse" -> meanOver(truth, pred, (t, p) -> mse(t, p, false));
            case "rmsle" -> meanOver(truth, pred, (t, p) -> Math.sqrt(mse(t, p, true)));
            case "mae" -> meanOver(truth, pred, InterimGrader::mae);
            case "r2" -> meanOver(truth, pred, InterimGrader::r2);
            case "map-at-k" -> mapAt3(truth[0], pred[0]);
            default -> throw new IllegalArgumentException("no metric named " + metric);
        };
    }

    private interface ColumnMetric {
        double apply(double[] t, double[] p);
    }

    private static double meanOver(String[][] truth, String[][] pred, ColumnMetric m) {
        double sum = 0;
        for (int c = 0; c < truth.length; c++) {
            sum += m.apply(numbers(truth[c]), numbers(pred[c]));
        }
        return sum / truth.length;
    }

    private static double[] numbers(String[] s) {
        return Arrays.stream(s).mapToDouble(Double::parseDouble).toArray();
    }

    private static double auc(double[] t, double[] p) {
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
        double sumRanks = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 1) {
                pos++;
                sumRanks += rank[i];
            }
        }
        double neg = t.length - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("ROC AUC needs both classes in the answers");
        }
        return (sumRanks - pos * (pos + 1) / 2) / (pos * neg);
    }

    private static double logLoss(String[][] truth, String[][] pred) {
        int rows = truth[0].length;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            if (truth.length == 1) {
                double p = clip(Double.parseDouble(pred[0][r]));
                total += Double.parseDouble(truth[0][r]) == 1 ? -Math.log(p) : -Math.log(1 - p);
            } else {
                double sum = 0;
                double[] p = new double[truth.length];
                for (int c = 0; c < p.length; c++) {
                    p[c] = clip(Double.parseDouble(pred[c][r]));
                    sum += p[c];
                }
                for (int c = 0; c < p.length; c++) {
                    if (Double.parseDouble(truth[c][r]) == 1) {
                        total -= Math.log(p[c] / sum);
                    }
                }
            }
        }
        return total / rows;
    }

    private static double clip(double p) {
        return Math.min(1 - 1e-15, Math.max(1e-15, p));
    }

    private static double accuracy(String[] t, String[] p) {
        int hit = 0;
        for (int i = 0; i < t.length; i++) {
            hit += t[i].equals(p[i]) ? 1 : 0;
        }
        return hit / (double) t.length;
    }

    private static double f1Macro(String[] t, String[] p) {
        TreeSet<String> labels = new TreeSet<>(List.of(t));
        labels.addAll(List.of(p));
        double sum = 0;
        for (String l : labels) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < t.length; i++) {
                boolean isT = t[i].equals(l);
                boolean isP = p[i].equals(l);
                tp += isT && isP ? 1 : 0;
                fp += !isT && isP ? 1 : 0;
                fn += isT && !isP ? 1 : 0;
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / labels.size();
    }

    private static double qwk(String[] t, String[] p) {
        List<Integer> labels = new ArrayList<>(new TreeSet<>(Arrays.stream(t).map(Integer::parseInt).toList()));
        for (String s : p) {
            if (!labels.contains(Integer.parseInt(s))) {
                labels.add(Integer.parseInt(s));
            }
        }
        labels.sort(null);
        int k = labels.size();
        double[][] observed = new double[k][k];
        double[] rowSum = new double[k];
        double[] colSum = new double[k];
        for (int i = 0; i < t.length; i++) {
            int a = labels.indexOf(Integer.parseInt(t[i]));
            int b = labels.indexOf(Integer.parseInt(p[i]));
            observed[a][b]++;
            rowSum[a]++;
            colSum[b]++;
        }
        double num = 0;
        double den = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double w = (a - b) * (a - b);
                num += w * observed[a][b];
                den += w * rowSum[a] * colSum[b] / t.length;
            }
        }
        return den == 0 ? 0 : 1 - num / den;
    }

    private static double mse(double[] t, double[] p, boolean log) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            double d = log ? Math.log1p(p[i]) - Math.log1p(t[i]) : p[i] - t[i];
            s += d * d;
        }
        return s / t.length;
    }

    private static double mae(double[] t, double[] p) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += Math.abs(p[i] - t[i]);
        }
        return s / t.length;
    }

    private static double r2(double[] t, double[] p) {
        double mean = Arrays.stream(t).average().orElse(0);
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < t.length; i++) {
            ssRes += (t[i] - p[i]) * (t[i] - p[i]);
            ssTot += (t[i] - mean) * (t[i] - mean);
        }
        return 1 - ssRes / ssTot;
    }

    private static double mapAt3(String[] t, String[] p) {
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            String[] ranked = p[i].trim().split("\\s+");
            for (int k = 0; k < Math.min(3, ranked.length); k++) {
                if (ranked[k].equals(t[i])) {
                    sum += 1.0 / (k + 1);
                    break;
                }
            }
        }
        return sum / t.length;
    }
}
