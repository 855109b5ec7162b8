package com.mimeeqportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and its table: percentiles, ratios, targets and the Markdown it prints. */
class FigureTableTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Samples samples = new Samples();
        for (int ms = 100; ms >= 1; ms--) { // added out of order, from 1 ms to 100 ms
            samples.add(ms * 1_000_000L);
        }
        assertEquals(50.0, samples.percentileMillis(0.50));
        assertEquals(95.0, samples.percentileMillis(0.95));
        assertEquals(99.0, samples.percentileMillis(0.99));
        assertEquals(100.0, samples.percentileMillis(1.0));
        assertEquals(100, samples.count());
    }

    @Test
    void aSingleSampleIsEveryPercentileAndNoSampleIsNone() {
        Samples one = new Samples();
        one.add(2_500_000L);
        assertEquals(2.5, one.percentileMillis(0.01));
        assertEquals(2.5, one.percentileMillis(0.99));
        assertTrue(Double.isNaN(new Samples().percentileMillis(0.5)));
    }

    @Test
    void samplesGrowPastTheirFirstArray() {
        Samples many = new Samples();
        for (int i = 1; i <= 5000; i++) {
            many.add(i * 1000L);
        }
        assertEquals(2.5, many.percentileMillis(0.5));
    }

    @Test
    void mediansOfOddAndEvenCountsAndRoundsShownWithTheirRange() {
        assertEquals(25.0, Samples.median(List.of(31.0, 25.0, 24.0)));
        assertEquals(27.5, Samples.median(List.of(30.0, 25.0)));
        assertTrue(Double.isNaN(Samples.median(List.of())));
        assertEquals("25.6 s", Benchmarks.seconds(List.of(25.61)));
        assertEquals("25.0 s (median of 3: 24.0–31.0 s)", Benchmarks.seconds(List.of(31.0, 25.0, 24.0)));
    }

    @Test
    void ratiosOfMissingOrZeroValuesAreMissing() {
        assertEquals(1.25, Samples.ratio(25, 20), 1e-9);
        assertTrue(Double.isNaN(Samples.ratio(25, 0)));
        assertTrue(Double.isNaN(Samples.ratio(Double.NaN, 20)));
    }

    @Test
    void targetsJudgeTheirValuesAndAMissingValueFails() {
        assertTrue(Target.atMost(1.15, "").met(1.15));
        assertFalse(Target.atMost(1.15, "").met(1.151));
        assertTrue(Target.atLeast(600, " pages/s").met(652));
        assertFalse(Target.atLeast(600, " pages/s").met(Double.NaN));
        assertNull(Target.NONE.met(3));
        assertEquals("≥ 2,000 entries/s", Target.atLeast(2000, " entries/s").text());
    }

    @Test
    void numbersKeepThreeSignificantDigitsOrSo() {
        assertEquals("1.13", Figure.number(1.1341));
        assertEquals("0.458", Figure.number(0.4577));
        assertEquals("2.35", Figure.number(2.3456));
        assertEquals("21.3", Figure.number(21.34));
        assertEquals("652", Figure.number(651.7));
        assertEquals("12,346", Figure.number(12345.6));
        assertEquals("–", Figure.number(Double.NaN));
    }

    @Test
    void theTableHasOneRowPerFigureWithItsVerdictAndEscapesPipes() {
        String table = Figure.table(List.of(
                Figure.of("lookup ÷ direct, p50", 1.1, "1.10", Target.atMost(1.15, "")),
                Figure.of("cached catalog", 325, "325 pages/s", Target.atLeast(600, " pages/s")),
                Figure.note("simple page p50", "2.4 ms"),
                Figure.failed("start-up", "a|b\nsecond line", Target.atMost(12, " s"))),
                List.of("machine: 2 cores"));
        assertEquals("""
                | figure | measured | target | met? |
                |---|---|---|---|
                | lookup ÷ direct, p50 | 1.10 | ≤ 1.15 | yes |
                | cached catalog | 325 pages/s | ≥ 600 pages/s | **no** |
                | simple page p50 | 2.4 ms |  |  |
                | start-up | FAILED: a\\|b second line | ≤ 12.0 s | **no** |

                - machine: 2 cores
                """, table);
    }
}
