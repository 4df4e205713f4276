package io.sandmle.environments.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.ColumnTable;
import io.sandmle.environments.testing.PythonOracle;
import io.sandmle.support.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every metric against scikit-learn run by /usr/bin/python3 on the same random inputs (edge cases
 * included), and against golden values committed with the script that produced them.
 */
class MetricsAgainstSklearnTest {

    static final double TOLERANCE = 1e-9;

    @Test
    void randomCasesAgreeWithScikitLearn() throws Exception {
        List<Map<String, Object>> cases = new MetricCases(20261121L).build(45);
        List<JsonNode> expected = PythonOracle.run("/oracle/sklearn_metrics.py", cases);
        assertEquals(cases.size(), expected.size());
        int values = compare(cases.stream().map(c -> (JsonNode) Json.MAPPER.valueToTree(c)).toList(), expected);
        assertTrue(cases.size() >= 800, "case count " + cases.size());
        assertTrue(values > cases.size() / 2, "most cases must produce a value, not an error: " + values);
        System.out.printf("metrics vs scikit-learn: %d cases, %d values, %d agreed refusals%n", cases.size(), values,
                cases.size() - values);
    }

    @Test
    void goldenValuesStillHold() throws Exception {
        List<JsonNode> inputs = readLines("/oracle/golden-cases.jsonl");
        List<JsonNode> golden = readLines("/oracle/golden-values.jsonl");
        assertEquals(inputs.size(), golden.size());
        assertTrue(inputs.size() >= 20);
        compare(inputs, golden);
    }

    private static List<JsonNode> readLines(String resource) throws Exception {
        try (InputStream in = MetricsAgainstSklearnTest.class.getResourceAsStream(resource)) {
            List<JsonNode> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(Json.MAPPER.readTree(line));
                }
            }
            return out;
        }
    }

    /** Compares case by case; returns how many produced a value (the rest agreed on an error). */
    private static int compare(List<JsonNode> cases, List<JsonNode> expected) {
        int values = 0;
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            JsonNode want = expected.get(i);
            String label = c.get("kind").asText() + " case " + c.get("id") + " (n=" + c.get("y_true").size() + ")";
            Double got;
            String error = null;
            try {
                got = evaluate(c);
            } catch (IllegalArgumentException e) {
                got = null;
                error = e.getMessage();
            }
            if (want.has("error")) {
                assertEquals(null, got, label + ": scikit-learn refused (" + want.get("error").asText()
                        + ") but Java returned " + got);
                continue;
            }
            assertTrue(got != null, label + ": Java refused (" + error + ") but scikit-learn gave " + want.get("value"));
            JsonNode v = want.get("value");
            if (v.isTextual()) {
                assertEquals(v.asText(), String.valueOf(got).toLowerCase().replace("infinity", "inf"), label);
            } else {
                double w = v.asDouble();
                assertEquals(w, got, TOLERANCE * Math.max(1, Math.abs(w)), label);
            }
            values++;
        }
        return values;
    }

    static double evaluate(JsonNode c) {
        String kind = c.get("kind").asText();
        JsonNode t = c.get("y_true");
        JsonNode p = c.get("y_pred");
        boolean matrix = t.size() > 0 && t.get(0).isArray();
        switch (kind) {
            case "roc-auc":
                return RocAuc.binary(numbers(t), numbers(p));
            case "roc-auc-macro":
                return RocAuc.macro(columns(t), columns(p));
            case "log-loss":
            case "log-loss-renormalised":
                boolean renormalise = kind.endsWith("renormalised");
                return matrix ? LogLoss.multi(flat(t), flat(p), t.get(0).size(), renormalise)
                        : LogLoss.binary(numbers(t), numbers(p), renormalise);
            case "rmse":
                return Regression.rmse(numbers(t), numbers(p));
            case "mse":
                return Regression.mse(numbers(t), numbers(p));
            case "mae":
                return Regression.mae(numbers(t), numbers(p));
            case "rmsle":
                return Regression.rmsle(numbers(t), numbers(p));
            case "r2":
                return Regression.r2(numbers(t), numbers(p));
            case "map-at-k":
                return MeanAveragePrecision.atK(texts(t), texts(p), c.get("k").asInt());
            default:
                return Metrics.byName(kind).score(table(texts(t)), table(texts(p)));
        }
    }

    private static ColumnTable table(String[] column) {
        return new ColumnTable(List.of("target"), List.<String[]>of(column));
    }

    private static double number(JsonNode v) {
        if (v.isTextual()) {
            return v.asText().equals("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return v.asDouble();
    }

    private static double[] numbers(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(a.get(i));
        }
        return out;
    }

    private static String[] texts(JsonNode a) {
        String[] out = new String[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asText();
        }
        return out;
    }

    private static double[][] columns(JsonNode rows) {
        int k = rows.get(0).size();
        double[][] out = new double[k][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < k; c++) {
                out[c][r] = number(rows.get(r).get(c));
            }
        }
        return out;
    }

    private static double[] flat(JsonNode rows) {
        int k = rows.get(0).size();
        double[] out = new double[rows.size() * k];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < k; c++) {
                out[r * k + c] = number(rows.get(r).get(c));
            }
        }
        return out;
    }
}
