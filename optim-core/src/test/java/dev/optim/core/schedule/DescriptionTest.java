package dev.optim.core.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.optim.core.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** toString prints every parameter; the array-holding schedules copy and compare by value. */
class DescriptionTest {

    @Test
    void toStringPrintsEveryParameter() {
        assertEquals("ConstantSchedule[value=0.25]", Schedules.constant(0.25).toString());
        assertEquals("InverseTimeDecay[initial=0.1, decay=0.01]",
                Schedules.inverseTimeDecay(0.1, 0.01).toString());
        assertEquals("StepDecay[initial=0.1, stepSize=30, gamma=0.5]",
                Schedules.stepDecay(0.1, 30, 0.5).toString());
        assertEquals("ExponentialDecay[initial=0.1, gamma=0.97]",
                Schedules.exponentialDecay(0.1, 0.97).toString());
        assertEquals("PolynomialSchedule[initial=0.1, end=0.001, steps=100, power=2.0]",
                Schedules.polynomial(0.1, 0.001, 100, 2).toString());
        assertEquals("PolynomialSchedule[initial=0.0, end=0.1, steps=10, power=1.0]",
                Schedules.linear(0, 0.1, 10).toString());
        assertEquals("CosineAnnealing[initial=0.1, end=0.001, steps=200]",
                Schedules.cosine(0.1, 0.001, 200).toString());
        assertEquals("CosineWarmRestarts[initial=0.1, end=0.0, period=10, periodMultiplier=2]",
                Schedules.cosineWarmRestarts(0.1, 0, 10, 2).toString());
        assertEquals("LinearWarmup[start=0.0, steps=5, after=ConstantSchedule[value=0.1]]",
                Schedules.warmup(0, 5, Schedules.constant(0.1)).toString());
        assertEquals("PiecewiseConstant[boundaries=[100, 200], values=[0.1, 0.05, 0.01]]",
                Schedules.piecewiseConstant(new long[] {100, 200}, new double[] {0.1, 0.05, 0.01})
                        .toString());
        assertEquals("PiecewiseConstant[boundaries=[30], values=[1.0, 0.5]]",
                Schedules.multiStep(1, 0.5, 30).toString());
        assertEquals("JoinedSchedule[schedules=[ConstantSchedule[value=0.1], "
                + "ExponentialDecay[initial=0.1, gamma=0.99]], boundaries=[500]]",
                Schedules.join(List.of(Schedules.constant(0.1),
                        Schedules.exponentialDecay(0.1, 0.99)), 500).toString());
        assertEquals("BatchSizeSchedule[schedule=ConstantSchedule[value=8.0], max=300]",
                Schedules.batchSize(Schedules.constant(8), 300).toString());
    }

    @Test
    void piecewiseConstantCopiesItsArrays() {
        long[] b = {10, 20};
        double[] v = {3, 2, 1};
        PiecewiseConstant p = new PiecewiseConstant(b, v);
        b[0] = 1;
        v[0] = 99;
        assertEquals(3, p.valueAt(5), 0);
        p.boundaries()[1] = 2;
        p.values()[2] = 99;
        assertArrayEquals(new long[] {10, 20}, p.boundaries());
        assertArrayEquals(new double[] {3, 2, 1}, p.values(), 0);
        assertEquals(p, new PiecewiseConstant(new long[] {10, 20}, new double[] {3, 2, 1}));
        assertEquals(p.hashCode(),
                new PiecewiseConstant(new long[] {10, 20}, new double[] {3, 2, 1}).hashCode());
        assertNotEquals(p, new PiecewiseConstant(new long[] {10, 21}, new double[] {3, 2, 1}));
    }

    @Test
    void joinedScheduleCopiesItsInputs() {
        List<Schedule> parts =
                new ArrayList<>(List.of(Schedules.constant(1), Schedules.constant(2)));
        long[] b = {10};
        JoinedSchedule j = new JoinedSchedule(parts, b);
        parts.set(0, Schedules.constant(7));
        b[0] = 1;
        assertEquals(1, j.valueAt(5), 0);
        j.boundaries()[0] = 3;
        assertArrayEquals(new long[] {10}, j.boundaries());
        assertEquals(j, new JoinedSchedule(
                List.of(Schedules.constant(1), Schedules.constant(2)), new long[] {10}));
        assertEquals(j.hashCode(), new JoinedSchedule(
                List.of(Schedules.constant(1), Schedules.constant(2)), new long[] {10}).hashCode());
    }
}
