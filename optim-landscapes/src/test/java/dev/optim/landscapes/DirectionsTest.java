package dev.optim.landscapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Filter-normalised random directions (Li et al. 2018) and parameter groups. */
class DirectionsTest {

    private static double norm(double[] v, long from, long to) {
        double s = 0;
        for (int i = (int) from; i < to; i++) {
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }

    @Property(tries = 250)
    void eachGroupOfTheDirectionHasTheNormOfItsParameters(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 40) Integer> sizes,
            @ForAll @IntRange(min = 0, max = 3) int gap, @ForAll long seed) {
        List<ParameterGroup> groups = new ArrayList<>();
        long from = 0;
        for (int size : sizes) {
            groups.add(new ParameterGroup(from, from + size));
            from += size + gap;
        }
        int n = (int) from;
        double[] theta = new double[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            theta[i] = random.nextDouble(-3, 3) * (1 + i % 7);
        }
        double[] d = Directions.filterNormalized(Nd4j.createFromArray(theta), groups, seed)
                .toDoubleVector();
        boolean[] covered = new boolean[n];
        for (ParameterGroup g : groups) {
            double expected = norm(theta, g.from(), g.to());
            assertEquals(expected, norm(d, g.from(), g.to()), 1e-12 * Math.max(1, expected));
            for (long i = g.from(); i < g.to(); i++) {
                covered[(int) i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!covered[i]) {
                assertEquals(0.0, d[i], "index " + i + " is in no group");
            }
        }
    }

    @Test
    void directionsAreSeededAndKeepShapeAndDataType() {
        INDArray theta = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        List<ParameterGroup> groups = ParameterGroup.consecutive(3, 3);
        INDArray a = Directions.filterNormalized(theta, groups, 7);
        INDArray b = Directions.filterNormalized(theta, groups, 7);
        INDArray c = Directions.filterNormalized(theta, groups, 8);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertArrayEquals(theta.shape(), a.shape());
        assertEquals(DataType.FLOAT, a.dataType());
        // row 0 is group 0: norm √14
        assertEquals(Math.sqrt(14), a.getRow(0).norm2Number().doubleValue(), 1e-6);
        assertEquals(Math.sqrt(77), a.getRow(1).norm2Number().doubleValue(), 1e-5);
    }

    @Test
    void wholeVectorNormalisation() {
        INDArray theta = Nd4j.createFromArray(3.0, 4.0, 0.0, 12.0);
        INDArray d = Directions.normalized(theta, 1);
        assertEquals(13.0, d.norm2Number().doubleValue(), 1e-12);
    }

    @Test
    void aGroupOfZeroParametersGetsAZeroDirection() {
        INDArray theta = Nd4j.createFromArray(0.0, 0.0, 1.0, 1.0);
        INDArray d = Directions.filterNormalized(theta, ParameterGroup.consecutive(2, 2), 3);
        assertEquals(0.0, d.getDouble(0));
        assertEquals(0.0, d.getDouble(1));
        assertEquals(Math.sqrt(2), d.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 4))
                .norm2Number().doubleValue(), 1e-12);
    }

    @Test
    void gaussianDrawsHaveMeanZeroAndVarianceOne() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n / 2; i++) {
            for (double z : Directions.gaussianPair(random)) {
                sum += z;
                sumSq += z * z;
            }
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        // standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.0032 for the variance
        assertEquals(0.0, mean, 0.011);
        assertEquals(1.0, var, 0.016);
    }

    @Test
    void badGroupsAreRefused() {
        INDArray theta = Nd4j.createFromArray(1.0, 2.0, 3.0, 4.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Directions.filterNormalized(theta,
                        List.of(new ParameterGroup(0, 3), new ParameterGroup(2, 4)), 1));
        assertTrue(e.getMessage().startsWith("groups must not overlap"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Directions.filterNormalized(theta, List.of(new ParameterGroup(2, 5)), 1));
        assertTrue(e.getMessage().contains("parameter count 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Directions.filterNormalized(theta, List.of(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> Directions.filterNormalized(null, ParameterGroup.consecutive(1), 1));
        assertThrows(IllegalArgumentException.class,
                () -> Directions.normalized(Nd4j.createFromArray(1, 2), 1));
    }

    @Test
    void parameterGroups() {
        assertEquals(List.of(new ParameterGroup(0, 2), new ParameterGroup(2, 5)),
                ParameterGroup.consecutive(2, 3));
        assertEquals(3, new ParameterGroup(2, 5).size());
        assertThrows(IllegalArgumentException.class, () -> new ParameterGroup(-1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ParameterGroup(3, 3));
        assertEquals("to must be > from = 3, got 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterGroup.consecutive());
        assertThrows(IllegalArgumentException.class, () -> ParameterGroup.consecutive(2, 0));
    }
}
