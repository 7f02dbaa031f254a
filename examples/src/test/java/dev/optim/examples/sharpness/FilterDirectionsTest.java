package dev.optim.examples.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.optim.landscapes.Directions;
import dev.optim.landscapes.ParameterGroup;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FilterDirectionsTest {

    /** Layout: W1 [3, 2], b1 [2], W2 [2, 1], b2 [1]: 6 + 2 + 2 + 1 = 11 parameters. */
    static final List<long[]> SHAPES = List.of(new long[] {3, 2}, new long[] {2},
        new long[] {2, 1}, new long[] {1});

    static final double[] THETA = {1, 2, -3, 0.5, 2, -1, 0.3, -0.7, 4, 3, 0.9};

    @Test
    void eachColumnOfAWeightMatrixGetsTheNormOfTheSameColumnOfTheta() {
        INDArray theta = Nd4j.createFromArray(THETA);
        double[] d = FilterDirections.of(theta, SHAPES, FilterDirections.Bias.ZERO, 7)
                .toDoubleVector();
        double[] g = FilterDirections.gaussian(11, 7);
        // W1 is row-major [3, 2]: column 0 holds flat 0, 2, 4; column 1 holds 1, 3, 5.
        int[][] columns = {{0, 2, 4}, {1, 3, 5}, {8}, {9}};
        int[][] w2 = {{8, 9}};
        for (int[] col : new int[][] {columns[0], columns[1], w2[0]}) {
            double tn = 0;
            double dn = 0;
            for (int k : col) {
                tn += THETA[k] * THETA[k];
                dn += d[k] * d[k];
            }
            assertEquals(Math.sqrt(tn), Math.sqrt(dn), 1e-12);
            // Parallel to the Gaussian draw within the filter.
            double ratio = d[col[0]] / g[col[0]];
            for (int k : col) {
                assertEquals(ratio, d[k] / g[k], 1e-12);
            }
            assertEquals(true, ratio > 0);
        }
        // Hand-worked: column 0 of W1 has ‖θ‖ = √(1 + 9 + 4) = √14.
        assertEquals(Math.sqrt(14), Math.sqrt(d[0] * d[0] + d[2] * d[2] + d[4] * d[4]), 1e-12);
        // Biases: zero.
        assertEquals(0, d[6]);
        assertEquals(0, d[7]);
        assertEquals(0, d[10]);
    }

    @Test
    void aSingleColumnLayerAgreesWithTheContiguousFilterNormalisation() {
        INDArray theta = Nd4j.createFromArray(THETA);
        double[] d = FilterDirections.of(theta, SHAPES, FilterDirections.Bias.ZERO, 3)
                .toDoubleVector();
        double[] ref = Directions.filterNormalized(theta, List.of(new ParameterGroup(8, 10)), 3)
                .toDoubleVector();
        assertEquals(ref[8], d[8], 1e-12);
        assertEquals(ref[9], d[9], 1e-12);
    }

    @Test
    void copiedBiasesAreThetasBiasesAndZeroFiltersStayZero() {
        double[] t = THETA.clone();
        t[1] = 0;
        t[3] = 0;
        t[5] = 0; // column 1 of W1 is zero
        INDArray theta = Nd4j.createFromArray(t);
        double[] d = FilterDirections.of(theta, SHAPES, FilterDirections.Bias.COPY, 1)
                .toDoubleVector();
        assertArrayEquals(new double[] {t[6], t[7], t[10]}, new double[] {d[6], d[7], d[10]});
        assertArrayEquals(new double[] {0, 0, 0}, new double[] {d[1], d[3], d[5]}, 0.0);
    }

    @Test
    void theMlpLayoutIsReadFromTheObjective() {
        Network net = Tiny.network(Tiny.task(), 1);
        INDArray theta = net.parameters().dup();
        INDArray d = FilterDirections.of(net.trainObjective(), theta, FilterDirections.Bias.ZERO,
                1);
        // w1 [3, 3] at 0..8, b1 at 9..11, wOut [3, 3] at 12..20, bOut at 21..23.
        INDArray expected = FilterDirections.of(theta, List.of(new long[] {3, 3},
                new long[] {3}, new long[] {3, 3}, new long[] {3}), FilterDirections.Bias.ZERO, 1);
        assertArrayEquals(expected.toDoubleVector(), d.toDoubleVector(), 0.0);
        assertEquals(theta.dataType(), d.dataType());
        double n0 = 0;
        double t0 = 0;
        for (int i = 0; i < 3; i++) {
            n0 += Math.pow(d.getDouble(12 + 3 * i + 1), 2);
            t0 += Math.pow(theta.getDouble(12 + 3 * i + 1), 2);
        }
        assertEquals(Math.sqrt(t0), Math.sqrt(n0), 1e-9);
    }

    @Test
    void aLayoutOfAnotherSizeIsRefused() {
        INDArray theta = Nd4j.createFromArray(THETA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterDirections.of(theta, List.of(new long[] {3, 2}),
                        FilterDirections.Bias.ZERO, 1));
        assertEquals("the shapes hold 6 parameters but theta has 11", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FilterDirections.of(theta,
                List.of(new long[] {1, 1, 11}), FilterDirections.Bias.ZERO, 1));
    }
}
