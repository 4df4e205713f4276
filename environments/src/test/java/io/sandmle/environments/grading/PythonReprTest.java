package io.sandmle.environments.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.environments.testing.PythonOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PandasValues#pythonRepr} against Python's own repr of the same doubles. */
class PythonReprTest {

    @Test
    void twoTimesTenToTheTwentyThreeIsShortestAsInPython() {
        // Java 17's Double.toString gives 1.9999999999999998E23 here.
        assertEquals("2e+23", PandasValues.pythonRepr(2e23));
        assertEquals("0.30000000000000004", PandasValues.pythonRepr(0.1 + 0.2));
        assertEquals("1e+16", PandasValues.pythonRepr(1e16));
        assertEquals("0.0001", PandasValues.pythonRepr(1e-4));
        assertEquals("1e-05", PandasValues.pythonRepr(1e-5));
    }

    @Test
    void agreesWithPythonOnRandomBitsPowersOfTwoAndShortDecimals() throws Exception {
        Random rnd = new Random(20261203);
        List<Double> values = new ArrayList<>();
        for (int k = -1074; k <= 1023; k++) {
            values.add(Math.scalb(1.0, k)); // where the rounding interval is lopsided
        }
        while (values.size() < 12_000) {
            double d = Double.longBitsToDouble(rnd.nextLong());
            if (Double.isFinite(d)) {
                values.add(d);
            }
        }
        for (int i = 0; i < 6_000; i++) {
            values.add(Double.parseDouble(rnd.nextInt(100_000) + "e" + (rnd.nextInt(60) - 30)));
            values.add(-rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20));
        }
        List<Map<String, Long>> inputs = values.stream().map(d -> Map.of("bits", Double.doubleToRawLongBits(d)))
                .toList();

        List<JsonNode> python = PythonOracle.run("/oracle/float_repr.py", inputs);

        assertEquals(values.size(), python.size());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String java = PandasValues.pythonRepr(values.get(i));
            if (!java.equals(python.get(i).get("repr").asText())) {
                differences.add(python.get(i).get("repr").asText() + " vs " + java);
            }
        }
        assertTrue(differences.isEmpty(), differences.size() + " of " + values.size() + " differ, e.g. "
                + differences.subList(0, Math.min(5, differences.size())));
    }
}
