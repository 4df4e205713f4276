package io.sandmle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows say what they measured; only a time can be compared with a baseline; a missed target shows. */
class BenchResultTest {

    @Test
    void theRatioIsBaselineOverValue() {
        Row row = Row.of("grade", 250, Unit.MILLISECONDS).withBaseline(1000);

        assertEquals(4.0, row.speedUp().getAsDouble());
        assertTrue(Row.of("grade", 250, Unit.MILLISECONDS).speedUp().isEmpty());
    }

    @Test
    void aShareOrARateHasNoBaselineToBeFasterThan() {
        Row share = Row.of("update share", 0.55, Unit.PERCENT);
        Row rate = Row.of("episodes per minute", 101, Unit.of("ep/min"));

        assertThrows(IllegalArgumentException.class, () -> share.withBaseline(100));
        assertThrows(IllegalArgumentException.class, () -> rate.withBaseline(20));
    }

    @Test
    void aRowNeedsAMetricAndAFiniteValue() {
        assertThrows(IllegalArgumentException.class, () -> Row.of(" ", 1, Unit.SECONDS));
        assertThrows(IllegalArgumentException.class, () -> Row.of("x", Double.NaN, Unit.SECONDS));
    }

    @Test
    void targetsAreMetUnlessARowMissedOne() {
        Row plain = Row.of("wall", 1, Unit.SECONDS);
        Row met = Row.of("share", 1, Unit.PERCENT).withTarget("< 5 %", true);
        Row missed = Row.of("share", 7, Unit.PERCENT).withTarget("< 5 %", false);

        assertTrue(new BenchResult(List.of(plain, met)).targetsMet());
        assertFalse(new BenchResult(List.of(plain, met, missed)).targetsMet());
    }
}
