package dev.optim.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Schedule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Each schedule against an independently written formula: exact decimal arithmetic
 * ({@link BigDecimal}), repeated multiplication, trigonometric identities, a step-by-step
 * simulation of PyTorch's scheduler, or a linear scan over the pieces.
 */
class ClosedFormPropertiesTest {

    private static final MathContext MC = MathContext.DECIMAL128;

    /** |got − want| within 1e-12 of the schedule's scale. */
    private static void close(double want, double got, double scale, Supplier<String> what) {
        double tol = 1e-12 * Math.max(scale, Math.abs(want));
        assertTrue(Math.abs(got - want) <= tol,
                () -> what.get() + ": expected " + want + ", got " + got + " (tol " + tol + ")");
    }

    @Property(tries = 200)
    void inverseTimeDecayMatchesExactDivision(
            @ForAll @DoubleRange(min = 0, max = 10) double initial,
            @ForAll @DoubleRange(min = 0, max = 5) double decay,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long k) {
        BigDecimal denominator =
                BigDecimal.ONE.add(new BigDecimal(decay).multiply(BigDecimal.valueOf(k)));
        double want = new BigDecimal(initial).divide(denominator, MC).doubleValue();
        close(want, Schedules.inverseTimeDecay(initial, decay).valueAt(k), 0, () -> "k = " + k);
    }

    @Property(tries = 200)
    void stepDecayMatchesRepeatedMultiplication(
            @ForAll @DoubleRange(min = 0, max = 10) double initial,
            @ForAll @LongRange(min = 1, max = 50) long stepSize,
            @ForAll @DoubleRange(min = 0.01, max = 3) double gamma,
            @ForAll @IntRange(min = 0, max = 3000) int k) {
        Schedule s = Schedules.stepDecay(initial, stepSize, gamma);
        double want = initial;
        for (long boundary = stepSize; boundary <= k; boundary += stepSize) {
            want *= gamma; // at most 3000 products: relative error below 1e-12
        }
        // Far from the double range either form may over- or underflow; compare inside it.
        Assume.that(want == 0 || (want > 1e-290 && want < 1e290));
        close(want, s.valueAt(k), 0, () -> "k = " + k);
    }

    @Property(tries = 200)
    void exponentialDecayMatchesExactPower(
            @ForAll @DoubleRange(min = 0, max = 10) double initial,
            @ForAll @DoubleRange(min = 0.5, max = 1.5) double gamma,
            @ForAll @IntRange(min = 0, max = 1000) int k) {
        double want = new BigDecimal(initial).multiply(new BigDecimal(gamma).pow(k, MC), MC)
                .doubleValue();
        Assume.that(want == 0 || (want > 1e-290 && want < 1e290));
        close(want, Schedules.exponentialDecay(initial, gamma).valueAt(k), 0, () -> "k = " + k);
    }

    @Property(tries = 200)
    void polynomialMatchesExpLogForm(
            @ForAll @DoubleRange(min = 0, max = 10) double initial,
            @ForAll @DoubleRange(min = 0, max = 10) double end,
            @ForAll @LongRange(min = 1, max = 10_000) long steps,
            @ForAll @DoubleRange(min = 0.1, max = 5) double power,
            @ForAll @LongRange(min = 0, max = 20_000) long k) {
        double want;
        if (k >= steps) {
            want = end;
        } else {
            // (1 − k/T)^p = exp(p · log1p(−k/T)), written independently of Math.pow
            double decayed = Math.exp(power * Math.log1p(-(double) k / steps));
            want = end + (initial - end) * decayed;
        }
        Schedule s = Schedules.polynomial(initial, end, steps, power);
        close(want, s.valueAt(k), Math.max(initial, end), () -> "k = " + k + ", " + s);
    }

    @Property(tries = 200)
    void cosineMatchesSquaredCosineIdentity(
            @ForAll @DoubleRange(min = 0, max = 10) double initial,
            @ForAll @DoubleRange(min = 0, max = 10) double end,
            @ForAll @LongRange(min = 1, max = 100_000) long steps,
            @ForAll @LongRange(min = 0, max = 200_000) long k) {
        // (1 + cos x) / 2 = cos²(x / 2)
        double c = Math.cos(Math.PI / 2 * Math.min(k, steps) / steps);
        double want = end + (initial - end) * c * c;
        Schedule s = Schedules.cosine(initial, end, steps);
        close(want, s.valueAt(k), Math.max(initial, end), () -> "k = " + k + ", " + s);
    }

    @Property(tries = 100)
    void cosineWarmRestartsMatchesPyTorchsStepByStepCounters(
            @ForAll @DoubleRange(min = 0, max = 10) double initial,
            @ForAll @DoubleRange(min = 0, max = 10) double end,
            @ForAll @LongRange(min = 1, max = 40) long period,
            @ForAll @IntRange(min = 1, max = 4) int multiplier) {
        Schedule s = Schedules.cosineWarmRestarts(initial, end, period, multiplier);
        // CosineAnnealingWarmRestarts.step(): T_cur += 1; if T_cur >= T_i: T_cur -= T_i, T_i *= m
        long tCur = 0;
        long tI = period;
        for (long k = 0; k < 2000; k++) {
            double c = Math.cos(Math.PI / 2 * tCur / tI);
            double want = end + (initial - end) * c * c;
            long step = k;
            close(want, s.valueAt(step), Math.max(initial, end), () -> "k = " + step + ", " + s);
            tCur++;
            if (tCur >= tI) {
                tCur -= tI;
                tI *= multiplier;
            }
        }
    }

    @Property(tries = 200)
    void cosineWarmRestartsStaysWithinItsRangeAtAnyStep(
            @ForAll @LongRange(min = 1, max = 1_000_000) long period,
            @ForAll @IntRange(min = 1, max = 1000) int multiplier,
            @ForAll @LongRange(min = 0) long k) {
        double v = Schedules.cosineWarmRestarts(0.5, 0.1, period, multiplier).valueAt(k);
        assertTrue(v >= 0.1 - 1e-15 && v <= 0.5 + 1e-15, "k = " + k + ": " + v);
    }

    @Property(tries = 200)
    void linearWarmupRampsThenShifts(
            @ForAll @DoubleRange(min = 0, max = 1) double start,
            @ForAll @LongRange(min = 0, max = 500) long warmup,
            @ForAll @DoubleRange(min = 0, max = 1) double peak,
            @ForAll @LongRange(min = 0, max = 2000) long k) {
        Schedule after = Schedules.cosine(peak, 0.0, 700);
        Schedule s = Schedules.warmup(start, warmup, after);
        if (k < warmup) {
            double want = start + (peak - start) * k / warmup;
            close(want, s.valueAt(k), Math.max(start, peak), () -> "k = " + k + ", " + s);
        } else {
            double c = Math.cos(Math.PI / 2 * Math.min(k - warmup, 700) / 700);
            close(peak * c * c, s.valueAt(k), peak, () -> "k = " + k + ", " + s);
        }
    }

    @Property(tries = 200)
    void piecewiseConstantMatchesLinearScan(
            @ForAll @Size(max = 8) List<@LongRange(min = 1, max = 1000) Long> raw,
            @ForAll @LongRange(min = 0, max = 1200) long k) {
        long[] b = raw.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        double[] v = new double[b.length + 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 0.5;
        }
        int piece = 0;
        for (long boundary : b) {
            if (k >= boundary) {
                piece++;
            }
        }
        assertEquals(v[piece], Schedules.piecewiseConstant(b, v).valueAt(k), 0,
                "k = " + k + ", boundaries " + Arrays.toString(b));
    }

    @Property(tries = 200)
    void multiStepMultipliesAtEveryMilestone(
            @ForAll @Size(max = 6) List<@LongRange(min = 1, max = 1000) Long> raw,
            @ForAll @DoubleRange(min = 0.05, max = 2) double gamma,
            @ForAll @LongRange(min = 0, max = 1200) long k) {
        long[] m = raw.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        double want = 0.1;
        for (long milestone : m) {
            if (k >= milestone) {
                want *= gamma; // PyTorch's MultiStepLR: lr * gamma at each milestone
            }
        }
        close(want, Schedules.multiStep(0.1, gamma, m).valueAt(k), 0, () -> "k = " + k);
    }

    @Property(tries = 200)
    void joinEvaluatesEachScheduleFromItsOwnStepZero(
            @ForAll @Size(max = 5) List<@LongRange(min = 1, max = 1000) Long> raw,
            @ForAll @LongRange(min = 0, max = 1200) long k) {
        long[] b = raw.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        List<Schedule> parts = new ArrayList<>();
        for (int i = 0; i <= b.length; i++) {
            parts.add(Schedules.inverseTimeDecay(i + 1.0, 0.1 * (i + 1)));
        }
        int piece = 0;
        long begin = 0;
        for (long boundary : b) {
            if (k >= boundary) {
                piece++;
                begin = boundary;
            }
        }
        double want = (piece + 1.0) / (1 + 0.1 * (piece + 1) * (k - begin));
        close(want, Schedules.join(parts, b).valueAt(k), 0, () -> "k = " + k);
    }

    @Property(tries = 200)
    void decaysNeverIncrease(
            @ForAll @DoubleRange(min = 0, max = 1) double initial,
            @ForAll @DoubleRange(min = 0.01, max = 1) double gamma,
            @ForAll @LongRange(min = 0, max = 1_000_000) long k) {
        List<Schedule> decays = List.of(
                Schedules.inverseTimeDecay(initial, 1 - gamma),
                Schedules.stepDecay(initial, 7, gamma),
                Schedules.exponentialDecay(initial, gamma),
                Schedules.polynomial(initial, initial * gamma, 5000, 1 / gamma),
                Schedules.cosine(initial, initial * gamma, 5000));
        for (Schedule s : decays) {
            double now = s.valueAt(k);
            double next = s.valueAt(k + 1);
            assertTrue(next <= now && now <= initial && now >= 0,
                    () -> s + " at " + k + ": " + now + " then " + next);
        }
    }

    @Property(tries = 200)
    void batchSizeIsTheRoundedValueWithinOneAndMax(
            @ForAll @DoubleRange(min = 0.5, max = 1e6) double v,
            @ForAll @IntRange(min = 1, max = 100_000) int max) {
        int size = Schedules.batchSize(Schedules.constant(v), max).sizeAt(0);
        long nearest = (long) Math.floor(v + 0.5);
        assertEquals(Math.min(nearest, max), size);
        assertTrue(size >= 1 && size <= max);
    }
}
