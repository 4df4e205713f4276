package io.sandmle.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The Wilson score interval against the closed form (statsmodels proportion_confint, method "wilson"). */
class WilsonIntervalTest {

    @Test
    void matchesTheReferenceAndStaysInsideZeroOne() {
        WilsonInterval some = WilsonInterval.of(7, 20, 0.95);
        assertEquals(0.18119, some.lower(), 1e-5);
        assertEquals(0.56715, some.upper(), 1e-5);
        WilsonInterval none = WilsonInterval.of(0, 4, 0.95);
        assertEquals(0, none.lower(), 1e-12);
        assertEquals(0.48990, none.upper(), 1e-5);
        assertEquals(1, WilsonInterval.of(5, 5, 0.9).upper(), 1e-12);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, 0, 0.95));
    }
}
