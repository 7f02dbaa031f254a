package dev.optim.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values worked out by hand (exact decimals or simple surds) at chosen steps. */
class HandCalculatedValuesTest {

    private static final double TOL = 1e-15;
    /** (1 + cos(π/4)) / 2 = (2 + √2) / 4. */
    private static final double COS_QUARTER = (2 + Math.sqrt(2)) / 4;

    @Test
    void constant() {
        Schedule s = Schedules.constant(0.25);
        assertEquals(0.25, s.valueAt(0));
        assertEquals(0.25, s.valueAt(Long.MAX_VALUE));
    }

    @Test
    void inverseTimeDecay() {
        Schedule s = Schedules.inverseTimeDecay(0.1, 0.01);
        assertEquals(0.1, s.valueAt(0), TOL);
        assertEquals(0.05, s.valueAt(100), TOL);
        assertEquals(0.025, s.valueAt(300), TOL);
        assertEquals(0.1, Schedules.inverseTimeDecay(0.1, 0).valueAt(1_000_000), 0);
    }

    @Test
    void inverseTimeDecayReproducesTheArticlesCountingFromOne() {
        // The article uses lr0 / (1 + d t) with t = 1 for the first update.
        double lr0 = 0.01;
        double d = 0.5;
        Schedule s = Schedules.inverseTimeDecay(lr0 / (1 + d), d / (1 + d));
        for (int t = 1; t <= 50; t++) {
            assertEquals(lr0 / (1 + d * t), s.valueAt(t - 1), 1e-17, "t = " + t);
        }
        assertEquals(0.01 / 1.5, s.valueAt(0), 1e-17);
        assertEquals(0.005, s.valueAt(1), 1e-17);
    }

    @Test
    void stepDecay() {
        Schedule s = Schedules.stepDecay(0.5, 7, 0.5);
        assertEquals(0.5, s.valueAt(0), 0);
        assertEquals(0.5, s.valueAt(6), 0);
        assertEquals(0.25, s.valueAt(7), 0);
        assertEquals(0.125, s.valueAt(20), 0);
        assertEquals(0.0625, s.valueAt(21), 0);
        // growth, as for a batch size
        Schedule grow = Schedules.stepDecay(32, 30, 5.0);
        assertEquals(32, grow.valueAt(29), 0);
        assertEquals(160, grow.valueAt(30), 0);
        assertEquals(800, grow.valueAt(60), 0);
    }

    @Test
    void exponentialDecay() {
        Schedule s = Schedules.exponentialDecay(2.0, 0.5);
        assertEquals(2.0, s.valueAt(0), 0);
        assertEquals(0.25, s.valueAt(3), 0);
        assertEquals(Math.scalb(2.0, -40), s.valueAt(40), 0);
        assertEquals(0.0, s.valueAt(Long.MAX_VALUE), 0); // underflow to 0, no NaN
        assertEquals(0.0, Schedules.exponentialDecay(0.0, 3.0).valueAt(Long.MAX_VALUE), 0);
        assertEquals(Double.POSITIVE_INFINITY,
                Schedules.exponentialDecay(1.0, 3.0).valueAt(100_000), 0);
        // γ^k alone leaves the double range, the product does not
        assertEquals(1e300, Schedules.exponentialDecay(1e-300, 10.0).valueAt(600), 1e288);
        assertEquals(1e-300, Schedules.exponentialDecay(1e300, 0.1).valueAt(600), 1e-312);
        assertEquals(1e300, Schedules.stepDecay(1e-300, 3, 10.0).valueAt(1800), 1e288);
    }

    @Test
    void polynomial() {
        Schedule s = Schedules.polynomial(0.1, 0.0, 100, 2.0);
        assertEquals(0.1, s.valueAt(0), TOL);
        assertEquals(0.025, s.valueAt(50), TOL);
        assertEquals(0.1 * 0.81, s.valueAt(10), TOL);
        assertEquals(0.0, s.valueAt(100), 0);
        assertEquals(0.0, s.valueAt(Long.MAX_VALUE), 0);
        Schedule up = Schedules.polynomial(1.0, 3.0, 4, 1.0);
        assertEquals(1.0, up.valueAt(0), 0);
        assertEquals(1.5, up.valueAt(1), 0);
        assertEquals(2.0, up.valueAt(2), 0);
        assertEquals(3.0, up.valueAt(4), 0);
        assertEquals(3.0, up.valueAt(5), 0);
        Schedule sqrt = Schedules.polynomial(0.3, 0.1, 4, 0.5);
        assertEquals(0.1 + 0.2 * Math.sqrt(0.75), sqrt.valueAt(1), TOL);
        assertEquals(0.1 + 0.2 * Math.sqrt(0.5), sqrt.valueAt(2), TOL);
    }

    @Test
    void linearIsPolynomialOfPowerOne() {
        Schedule s = Schedules.linear(0.0, 0.1, 10);
        assertEquals(0.0, s.valueAt(0), 0);
        assertEquals(0.05, s.valueAt(5), TOL);
        assertEquals(0.1, s.valueAt(10), TOL);
        assertEquals(0.1, s.valueAt(11), TOL);
    }

    @Test
    void cosine() {
        Schedule s = Schedules.cosine(1.0, 0.0, 4);
        assertEquals(1.0, s.valueAt(0), TOL);
        assertEquals(COS_QUARTER, s.valueAt(1), TOL);
        assertEquals(0.5, s.valueAt(2), TOL);
        assertEquals(1 - COS_QUARTER, s.valueAt(3), TOL);
        assertEquals(0.0, s.valueAt(4), 0);
        assertEquals(0.0, s.valueAt(10), 0);
        Schedule withEnd = Schedules.cosine(0.1, 0.001, 100);
        assertEquals(0.0505, withEnd.valueAt(50), TOL);
        assertEquals(0.001, withEnd.valueAt(100), 0);
        assertEquals(0.001, withEnd.valueAt(Long.MAX_VALUE), 0);
    }

    @Test
    void cosineWarmRestartsWithDoublingPeriods() {
        // periods 2, 4, 8, 16: restarts at 0, 2, 6, 14, 30
        Schedule s = Schedules.cosineWarmRestarts(1.0, 0.0, 2, 2);
        double[] want = {
            1, 0.5, // period 2
            1, COS_QUARTER, 0.5, 1 - COS_QUARTER, // period 4
            1, (2 + Math.sqrt(2 + Math.sqrt(2))) / 4, COS_QUARTER,
            (2 + Math.sqrt(2 - Math.sqrt(2))) / 4, // period 8, cos(kπ/8)
            0.5, (2 - Math.sqrt(2 - Math.sqrt(2))) / 4, 1 - COS_QUARTER,
            (2 - Math.sqrt(2 + Math.sqrt(2))) / 4,
            1 // step 14
        };
        for (int k = 0; k < want.length; k++) {
            assertEquals(want[k], s.valueAt(k), TOL, "step " + k);
        }
        assertEquals(1.0, s.valueAt(30), TOL);
        assertEquals(0.5, s.valueAt(30 + 16), TOL);
    }

    @Test
    void cosineWarmRestartsWithConstantPeriod() {
        Schedule s = Schedules.cosineWarmRestarts(0.3, 0.1, 4, 1);
        assertEquals(0.3, s.valueAt(0), TOL);
        assertEquals(0.2, s.valueAt(2), TOL);
        assertEquals(0.3, s.valueAt(4), TOL);
        assertEquals(0.2, s.valueAt(4 * 1_000_000_000L + 2), TOL);
    }

    @Test
    void cosineWarmRestartsAtHugeStepsUsesTheTruePeriod() {
        // periods 2^0, 2^1, ...: period i starts at 2^i - 1. Step 2^62 - 1 starts the period
        // of length 2^62; step 2^62 - 1 + 2^61 is its middle.
        Schedule s = Schedules.cosineWarmRestarts(1.0, 0.0, 1, 2);
        assertEquals(1.0, s.valueAt((1L << 62) - 1), TOL);
        assertEquals(0.5, s.valueAt((1L << 62) - 1 + (1L << 61)), TOL);
        // Next period (length 2^63) starts at 2^63 - 1 = Long.MAX_VALUE.
        assertEquals(1.0, s.valueAt(Long.MAX_VALUE), TOL);
        // A multiplier that overflows a long at once: period 3, then 3 * (2^31 - 1) ...
        Schedule big = Schedules.cosineWarmRestarts(1.0, 0.0, 3, Integer.MAX_VALUE);
        assertEquals(1.0, big.valueAt(3), TOL);
        assertEquals(0.5, big.valueAt(3 + 3L * Integer.MAX_VALUE / 2), 1e-9);
    }

    @Test
    void linearWarmup() {
        Schedule s = Schedules.warmup(0.0, 10, Schedules.constant(1.0));
        assertEquals(0.0, s.valueAt(0), 0);
        assertEquals(0.5, s.valueAt(5), TOL);
        assertEquals(0.9, s.valueAt(9), TOL);
        assertEquals(1.0, s.valueAt(10), 0);
        Schedule e = Schedules.warmup(0.25, 3, Schedules.exponentialDecay(1.0, 0.5));
        assertEquals(0.25, e.valueAt(0), TOL);
        assertEquals(0.5, e.valueAt(1), TOL);
        assertEquals(0.75, e.valueAt(2), TOL);
        assertEquals(1.0, e.valueAt(3), 0);
        assertEquals(0.5, e.valueAt(4), 0);
        assertEquals(0.25, e.valueAt(5), 0);
        Schedule none = Schedules.warmup(0.7, 0, Schedules.exponentialDecay(1.0, 0.5));
        assertEquals(1.0, none.valueAt(0), 0);
        assertEquals(0.5, none.valueAt(1), 0);
    }

    @Test
    void piecewiseConstant() {
        Schedule s = Schedules.piecewiseConstant(
                new long[] {100, 200}, new double[] {0.1, 0.05, 0.01});
        assertEquals(0.1, s.valueAt(0), 0);
        assertEquals(0.1, s.valueAt(99), 0);
        assertEquals(0.05, s.valueAt(100), 0);
        assertEquals(0.05, s.valueAt(199), 0);
        assertEquals(0.01, s.valueAt(200), 0);
        assertEquals(0.01, s.valueAt(Long.MAX_VALUE), 0);
        Schedule one = Schedules.piecewiseConstant(new long[0], new double[] {0.3});
        assertEquals(0.3, one.valueAt(12345), 0);
    }

    @Test
    void multiStep() {
        Schedule s = Schedules.multiStep(1.0, 0.5, 2, 5);
        double[] want = {1, 1, 0.5, 0.5, 0.5, 0.25, 0.25};
        for (int k = 0; k < want.length; k++) {
            assertEquals(want[k], s.valueAt(k), 0, "step " + k);
        }
        assertEquals(0.25, s.valueAt(1_000_000), 0);
        assertEquals(2.0, Schedules.multiStep(2.0, 0.1).valueAt(50), 0);
    }

    @Test
    void join() {
        Schedule s = Schedules.join(List.of(
                Schedules.constant(3.0),
                Schedules.linear(1.0, 0.0, 10),
                Schedules.exponentialDecay(8.0, 0.5)), 5, 20);
        assertEquals(3.0, s.valueAt(0), 0);
        assertEquals(3.0, s.valueAt(4), 0);
        assertEquals(1.0, s.valueAt(5), 0);
        assertEquals(0.5, s.valueAt(10), TOL);
        assertEquals(0.0, s.valueAt(15), 0);
        assertEquals(0.0, s.valueAt(19), 0);
        assertEquals(8.0, s.valueAt(20), 0);
        assertEquals(1.0, s.valueAt(23), 0);
        Schedule alone = Schedules.join(List.of(Schedules.exponentialDecay(8.0, 0.5)));
        assertEquals(2.0, alone.valueAt(2), 0);
    }

    @Test
    void roundingNeverLeavesTheRangeNorStartsOffTheInitialValue() {
        // With end = 0.29·0.1, (0.29 − end) + end rounds to 0.29000000000000004 in double
        // arithmetic; found by ClosedFormPropertiesTest.decaysNeverIncrease.
        assertEquals(0.29, Schedules.polynomial(0.29, 0.29 * 0.1, 5000, 2).valueAt(0), 0.0);
        assertEquals(0.29, Schedules.cosine(0.29, 0.29 * 0.1, 5000).valueAt(0), 0.0);
        for (long k = 0; k <= 5000; k += 7) {
            double p = Schedules.polynomial(0.29, 0.29 * 0.1, 5000, 2).valueAt(k);
            double c = Schedules.cosine(0.29, 0.29 * 0.1, 5000).valueAt(k);
            assertTrue(p <= 0.29 && p >= 0.29 * 0.1, "polynomial at " + k + ": " + p);
            assertTrue(c <= 0.29 && c >= 0.29 * 0.1, "cosine at " + k + ": " + c);
        }
    }
}
