package io.sandmle.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** numpy's median, linear (type 7) and lower quantiles; the input is never reordered. */
class QuantilesTest {

    @Test
    void medianIsTheMiddleOrTheMeanOfTheTwoMiddleValues() {
        double[] odd = {5, 1, 3};
        assertEquals(3, Quantiles.median(odd));
        assertEquals(5, odd[0], "input untouched");
        assertEquals(2.5, Quantiles.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(2.5, Quantiles.medianOfSorted(new double[] {1, 2, 3, 4}));
        assertTrue(Double.isNaN(Quantiles.median(new double[0])));
    }

    @Test
    void quantileInterpolatesLinearlyBetweenOrderStatisticsAsNumpyDoes() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // numpy.quantile(range(1, 11), [0.025, 0.9, 0.975]) = [1.225, 9.1, 9.775]
        assertEquals(1.225, Quantiles.quantile(x, 0.025), 1e-12);
        assertEquals(9.1, Quantiles.quantile(List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0), 0.9), 1e-12);
        assertEquals(9.775, Quantiles.quantileOfSorted(x, 0.975), 1e-12);
        assertEquals(1, Quantiles.quantile(x, 0));
        assertEquals(10, Quantiles.quantile(x, 1));
    }

    @Test
    void lowerQuantileIsAlwaysOneOfTheValues() {
        double[] x = {0.3, 0.1, 0.4, 0.2};
        // numpy.quantile(x, 0.6, method="lower") = 0.2
        assertEquals(0.2, Quantiles.lowerQuantile(x, 0.6));
        assertEquals(0.1, Quantiles.lowerQuantile(x, -1));
        assertEquals(0.4, Quantiles.lowerQuantile(x, 2));
    }

    @Test
    void maxOfBoxedSamples() {
        assertEquals(7, Quantiles.max(List.of(3.0, 7.0, 5.0)));
        assertTrue(Double.isNaN(Quantiles.max(List.of())));
    }
}
