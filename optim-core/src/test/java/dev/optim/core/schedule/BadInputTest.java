package dev.optim.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Schedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every factory parameter refuses a bad value with an {@link IllegalArgumentException} whose
 * message names the parameter and the value; every schedule refuses a negative step.
 */
class BadInputTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Schedule OK = Schedules.constant(0.1);

    /** One bad call, the parameter it must name and the value it must print. */
    private record Bad(String label, Executable call, String parameter, String value) {}

    private static List<Bad> bad() {
        List<Bad> b = new ArrayList<>();
        b.add(new Bad("constant NaN", () -> Schedules.constant(NAN), "value", "NaN"));
        b.add(new Bad("constant inf", () -> Schedules.constant(INF), "value", "Infinity"));

        for (double v : new double[] {-0.1, NAN, INF}) {
            b.add(new Bad("inverseTime initial " + v, () -> Schedules.inverseTimeDecay(v, 0.1),
                    "initial", String.valueOf(v)));
            b.add(new Bad("inverseTime decay " + v, () -> Schedules.inverseTimeDecay(0.1, v),
                    "decay", String.valueOf(v)));
            b.add(new Bad("step initial " + v, () -> Schedules.stepDecay(v, 10, 0.5),
                    "initial", String.valueOf(v)));
            b.add(new Bad("exponential initial " + v, () -> Schedules.exponentialDecay(v, 0.5),
                    "initial", String.valueOf(v)));
            b.add(new Bad("polynomial initial " + v, () -> Schedules.polynomial(v, 0, 10, 1),
                    "initial", String.valueOf(v)));
            b.add(new Bad("polynomial end " + v, () -> Schedules.polynomial(0.1, v, 10, 1),
                    "end", String.valueOf(v)));
            b.add(new Bad("linear initial " + v, () -> Schedules.linear(v, 0, 10),
                    "initial", String.valueOf(v)));
            b.add(new Bad("linear end " + v, () -> Schedules.linear(0.1, v, 10),
                    "end", String.valueOf(v)));
            b.add(new Bad("cosine initial " + v, () -> Schedules.cosine(v, 0, 10),
                    "initial", String.valueOf(v)));
            b.add(new Bad("cosine end " + v, () -> Schedules.cosine(0.1, v, 10),
                    "end", String.valueOf(v)));
            b.add(new Bad("restarts initial " + v, () -> Schedules.cosineWarmRestarts(v, 0, 10, 2),
                    "initial", String.valueOf(v)));
            b.add(new Bad("restarts end " + v, () -> Schedules.cosineWarmRestarts(0.1, v, 10, 2),
                    "end", String.valueOf(v)));
            b.add(new Bad("warmup start " + v, () -> Schedules.warmup(v, 10, OK),
                    "start", String.valueOf(v)));
            b.add(new Bad("piecewise value " + v,
                    () -> Schedules.piecewiseConstant(new long[] {5}, new double[] {0.1, v}),
                    "values[1]", String.valueOf(v)));
            b.add(new Bad("multiStep initial " + v, () -> Schedules.multiStep(v, 0.1, 5),
                    "initial", String.valueOf(v)));
        }
        for (double g : new double[] {0.0, -0.5, NAN, INF}) {
            b.add(new Bad("step gamma " + g, () -> Schedules.stepDecay(0.1, 10, g),
                    "gamma", String.valueOf(g)));
            b.add(new Bad("exponential gamma " + g, () -> Schedules.exponentialDecay(0.1, g),
                    "gamma", String.valueOf(g)));
            b.add(new Bad("multiStep gamma " + g, () -> Schedules.multiStep(0.1, g, 5),
                    "gamma", String.valueOf(g)));
            b.add(new Bad("polynomial power " + g, () -> Schedules.polynomial(0.1, 0, 10, g),
                    "power", String.valueOf(g)));
        }
        for (long n : new long[] {0, -1, Long.MIN_VALUE}) {
            b.add(new Bad("step stepSize " + n, () -> Schedules.stepDecay(0.1, n, 0.5),
                    "stepSize", String.valueOf(n)));
            b.add(new Bad("polynomial steps " + n, () -> Schedules.polynomial(0.1, 0, n, 1),
                    "steps", String.valueOf(n)));
            b.add(new Bad("linear steps " + n, () -> Schedules.linear(0.1, 0, n),
                    "steps", String.valueOf(n)));
            b.add(new Bad("cosine steps " + n, () -> Schedules.cosine(0.1, 0, n),
                    "steps", String.valueOf(n)));
            b.add(new Bad("restarts period " + n, () -> Schedules.cosineWarmRestarts(0.1, 0, n, 1),
                    "period", String.valueOf(n)));
            b.add(new Bad("piecewise boundary " + n,
                    () -> Schedules.piecewiseConstant(new long[] {n}, new double[] {0.1, 0.2}),
                    "boundaries[0]", String.valueOf(n)));
            b.add(new Bad("multiStep milestone " + n, () -> Schedules.multiStep(0.1, 0.5, 3, n),
                    "milestones[1]", String.valueOf(n)));
            b.add(new Bad("join boundary " + n, () -> Schedules.join(List.of(OK, OK), n),
                    "boundaries[0]", String.valueOf(n)));
        }
        for (int m : new int[] {0, -3}) {
            b.add(new Bad("restarts multiplier " + m,
                    () -> Schedules.cosineWarmRestarts(0.1, 0, 5, m),
                    "periodMultiplier", String.valueOf(m)));
            b.add(new Bad("batchSize max " + m, () -> Schedules.batchSize(OK, m),
                    "max", String.valueOf(m)));
        }
        b.add(new Bad("warmup steps -1", () -> Schedules.warmup(0, -1, OK), "steps", "-1"));
        b.add(new Bad("warmup after null", () -> Schedules.warmup(0, 5, null), "after", "null"));
        b.add(new Bad("batchSize schedule null", () -> Schedules.batchSize(null, 5),
                "schedule", "null"));

        b.add(new Bad("piecewise boundaries null",
                () -> Schedules.piecewiseConstant(null, new double[] {1}), "boundaries", "null"));
        b.add(new Bad("piecewise values null",
                () -> Schedules.piecewiseConstant(new long[0], null), "values", "null"));
        b.add(new Bad("piecewise lengths",
                () -> Schedules.piecewiseConstant(new long[] {5, 9}, new double[] {1, 2}),
                "values", "2"));
        b.add(new Bad("piecewise not increasing",
                () -> Schedules.piecewiseConstant(new long[] {5, 5}, new double[] {1, 2, 3}),
                "boundaries", "5"));
        b.add(new Bad("piecewise decreasing",
                () -> Schedules.piecewiseConstant(new long[] {9, 4}, new double[] {1, 2, 3}),
                "boundaries[1] = 4", "9"));
        b.add(new Bad("multiStep milestones null",
                () -> Schedules.multiStep(0.1, 0.5, (long[]) null), "milestones", "null"));
        b.add(new Bad("multiStep not increasing", () -> Schedules.multiStep(0.1, 0.5, 30, 30),
                "milestones", "30"));
        b.add(new Bad("multiStep overflow",
                () -> Schedules.multiStep(1e300, 1e300, 5, 9), "gamma", "1.0E300"));

        b.add(new Bad("join schedules null", () -> Schedules.join(null, 5), "schedules", "null"));
        b.add(new Bad("join schedule element null",
                () -> Schedules.join(Arrays.asList(OK, null), 5), "schedules[1]", "null"));
        b.add(new Bad("join boundaries null", () -> Schedules.join(List.of(OK), (long[]) null),
                "boundaries", "null"));
        b.add(new Bad("join lengths", () -> Schedules.join(List.of(OK, OK, OK), 5),
                "schedules", "3"));
        b.add(new Bad("join not increasing", () -> Schedules.join(List.of(OK, OK, OK), 7, 3),
                "boundaries", "3"));
        return b;
    }

    @TestFactory
    Stream<DynamicTest> everyBadArgumentIsNamedWithItsValue() {
        return bad().stream().map(bad -> DynamicTest.dynamicTest(bad.label(), () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad.call());
            String msg = e.getMessage();
            assertTrue(msg.startsWith(bad.parameter()) || msg.contains(" " + bad.parameter()),
                    "message should name " + bad.parameter() + ": " + msg);
            assertTrue(msg.contains(bad.value()),
                    "message should show " + bad.value() + ": " + msg);
        }));
    }

    @Test
    void messagesStateTheValidRange() {
        assertEquals("decay must be finite and >= 0, got -1.0", assertThrows(
                IllegalArgumentException.class, () -> Schedules.inverseTimeDecay(0.1, -1))
                .getMessage());
        assertEquals("gamma must be finite and > 0, got 0.0", assertThrows(
                IllegalArgumentException.class, () -> Schedules.stepDecay(0.1, 5, 0))
                .getMessage());
        assertEquals("stepSize must be >= 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> Schedules.stepDecay(0.1, 0, 0.5))
                .getMessage());
        assertEquals("periodMultiplier must be >= 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> Schedules.cosineWarmRestarts(0.1, 0, 5, 0))
                .getMessage());
        assertEquals("boundaries must be strictly increasing, got boundaries[0] = 5 and "
                + "boundaries[1] = 5", assertThrows(IllegalArgumentException.class,
                () -> Schedules.piecewiseConstant(new long[] {5, 5}, new double[] {1, 2, 3}))
                .getMessage());
        assertEquals("values must have boundaries.length + 1 = 3 elements, got 2", assertThrows(
                IllegalArgumentException.class,
                () -> Schedules.piecewiseConstant(new long[] {5, 9}, new double[] {1, 2}))
                .getMessage());
    }

    private static List<Schedule> all() {
        return List.of(
                Schedules.constant(0.1),
                Schedules.inverseTimeDecay(0.1, 0.01),
                Schedules.stepDecay(0.1, 10, 0.5),
                Schedules.exponentialDecay(0.1, 0.9),
                Schedules.polynomial(0.1, 0, 10, 2),
                Schedules.linear(0, 0.1, 10),
                Schedules.cosine(0.1, 0, 10),
                Schedules.cosineWarmRestarts(0.1, 0, 10, 1),
                Schedules.cosineWarmRestarts(0.1, 0, 10, 2),
                Schedules.warmup(0, 5, OK),
                Schedules.warmup(0, 0, OK),
                Schedules.piecewiseConstant(new long[] {5}, new double[] {1, 2}),
                Schedules.multiStep(0.1, 0.5, 5),
                Schedules.join(List.of(OK, OK), 5));
    }

    @TestFactory
    Stream<DynamicTest> everyScheduleRefusesANegativeStep() {
        return all().stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
            for (long step : new long[] {-1, -100, Long.MIN_VALUE}) {
                IllegalArgumentException e =
                        assertThrows(IllegalArgumentException.class, () -> s.valueAt(step));
                assertEquals("step must be >= 0, got " + step, e.getMessage());
            }
        }));
    }

    @Test
    void batchSizeRefusesANegativeStep() {
        BatchSizeSchedule b = Schedules.batchSize(Schedules.constant(8), 100);
        assertEquals("step must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> b.sizeAt(-1)).getMessage());
    }
}
