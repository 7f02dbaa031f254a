package dev.optim.losses;

import static dev.optim.losses.TestSupport.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Reduction;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class L2LossTest {

    static Stream<Fixtures.Case> torchCases() {
        return Fixtures.read("l2_mse.txt").stream();
    }

    private static INDArray array(double[] values, long[] shape, DataType type) {
        return Nd4j.create(values, shape, 'c').castTo(type);
    }

    private static L2Loss lossFor(Fixtures.Case c) {
        Reduction r = c.text("reduction").equals("mean") ? Reduction.MEAN : Reduction.SUM;
        return c.has("weights") ? L2Loss.withWeights(c.doubles("weights"), r) : L2Loss.of(r);
    }

    /** Value and gradient against torch.nn.MSELoss (and its weighted form) with autograd. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("torchCases")
    void matchesPyTorch(Fixtures.Case c) {
        DataType type = c.text("dtype").equals("float32") ? DataType.FLOAT : DataType.DOUBLE;
        double tol = type == DataType.FLOAT ? 2e-6 : 1e-13;
        long[] shape = c.longs("shape");
        INDArray pred = array(c.doubles("pred"), shape, type);
        INDArray target = array(c.doubles("target"), shape, type);
        L2Loss loss = lossFor(c);
        double expected = c.number("value");
        double[] expectedGrad = c.doubles("grad");

        assertEquals(expected, loss.value(pred, target), tol * Math.max(1, Math.abs(expected)));
        INDArray grad = pred.ulike();
        double v = loss.valueAndGradient(pred, target, grad);
        assertEquals(expected, v, tol * Math.max(1, Math.abs(expected)));
        assertEquals(type, grad.dataType());
        double[] g = grad.reshape(grad.length()).toDoubleVector();
        for (int i = 0; i < g.length; i++) {
            assertEquals(expectedGrad[i], g[i], tol * Math.max(1, Math.abs(expectedGrad[i])),
                    "grad[" + i + "]");
        }
    }

    /** The same fixture through column-major arrays and strided views gives the same answer. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("torchCases")
    void layoutDoesNotMatter(Fixtures.Case c) {
        long[] shape = c.longs("shape");
        if (shape.length < 2 || !c.text("dtype").equals("float64")) {
            return;
        }
        INDArray pred = array(c.doubles("pred"), shape, DataType.DOUBLE).dup('f');
        INDArray target = array(c.doubles("target"), shape, DataType.DOUBLE);
        // the gradient is written into a strided view of a larger array
        long[] wide = shape.clone();
        wide[shape.length - 1] *= 2;
        INDArray big = Nd4j.zeros(DataType.DOUBLE, wide);
        var ranges = new org.nd4j.linalg.indexing.INDArrayIndex[shape.length];
        for (int k = 0; k < shape.length - 1; k++) {
            ranges[k] = NDArrayIndex.all();
        }
        ranges[shape.length - 1] = NDArrayIndex.interval(0, 2, wide[shape.length - 1]);
        INDArray gradView = big.get(ranges);
        assertArrayEquals(shape, gradView.shape());
        L2Loss loss = lossFor(c);
        double v = loss.valueAndGradient(pred, target, gradView);
        assertEquals(c.number("value"), v, 1e-13 * Math.max(1, Math.abs(v)));
        double[] expectedGrad = c.doubles("grad");
        double[] g = gradView.dup('c').reshape(gradView.length()).toDoubleVector();
        for (int i = 0; i < g.length; i++) {
            assertEquals(expectedGrad[i], g[i], 1e-13 * Math.max(1, Math.abs(expectedGrad[i])));
        }
        // the other columns of the big array are untouched
        INDArray odd = big.get(oddColumns(shape.length, wide[shape.length - 1]));
        assertEquals(0.0, odd.norm1Number().doubleValue());
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex[] oddColumns(int rank, long width) {
        var ranges = new org.nd4j.linalg.indexing.INDArrayIndex[rank];
        for (int k = 0; k < rank - 1; k++) {
            ranges[k] = NDArrayIndex.all();
        }
        ranges[rank - 1] = NDArrayIndex.interval(1, 2, width);
        return ranges;
    }

    @Test
    void handComputedValues() {
        INDArray p = Nd4j.createFromArray(1.0, 2.0);
        INDArray y = Nd4j.createFromArray(0.0, 4.0);
        // squared errors 1 and 4
        assertEquals(2.5, L2Loss.mean().value(p, y), 0);
        assertEquals(5.0, L2Loss.sum().value(p, y), 0);
        // weights 3 and 0.5: 3·1 + 0.5·4 = 5; mean divides by N = 2, not by Σw
        assertEquals(2.5, L2Loss.withWeights(new double[] {3, 0.5}, Reduction.MEAN).value(p, y), 1e-15);
        INDArray g = p.like();
        // ∂/∂ŷ = 2·c·w·(ŷ − y) = (2·½·3·1, 2·½·0.5·(−2)) = (3, −1)
        L2Loss.withWeights(new double[] {3, 0.5}, Reduction.MEAN).valueAndGradient(p, y, g);
        assertArrayEquals(new double[] {3, -1}, g.toDoubleVector(), 1e-15);
        // a [2, 2] batch averages over all four elements, as MSELoss: (1 + 0 + 4 + 9)/4
        INDArray p2 = Nd4j.createFromArray(new double[][] {{1, 1}, {2, 3}});
        INDArray y2 = Nd4j.createFromArray(new double[][] {{0, 1}, {0, 0}});
        assertEquals(3.5, L2Loss.mean().value(p2, y2), 0);
        assertEquals(14.0, L2Loss.sum().value(p2, y2), 0);
    }

    @Test
    void defaultsAndAccessors() {
        assertEquals(Reduction.MEAN, L2Loss.mean().reduction());
        assertEquals(Reduction.SUM, L2Loss.sum().reduction());
        assertSame(L2Loss.mean(), L2Loss.of(Reduction.MEAN));
        assertFalse(L2Loss.mean().isWeighted());
        assertTrue(L2Loss.mean().weights().isEmpty());
        double[] w = {1, 2};
        L2Loss weighted = L2Loss.withWeights(w, Reduction.SUM);
        w[0] = 100; // copied
        assertArrayEquals(new double[] {1, 2}, weighted.weights().orElseThrow(), 0);
        assertEquals(weighted, L2Loss.withWeights(Nd4j.createFromArray(1.0, 2.0), Reduction.SUM));
        assertTrue(weighted.toString().contains("SUM"));
    }

    /** Central differences (float64) at random inputs: any rank, both reductions, weights. */
    @Property(tries = 150)
    void gradientMatchesCentralDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int rank) {
        Random random = new Random(seed);
        long[] shape = new long[rank];
        for (int k = 0; k < rank; k++) {
            shape[k] = 1 + random.nextInt(4);
        }
        int length = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] pv = new double[length];
        double[] yv = new double[length];
        for (int i = 0; i < length; i++) {
            pv[i] = 3 * random.nextGaussian();
            yv[i] = 3 * random.nextGaussian();
        }
        Reduction r = random.nextBoolean() ? Reduction.MEAN : Reduction.SUM;
        L2Loss loss;
        if (random.nextBoolean()) {
            double[] w = new double[(int) shape[0]];
            for (int i = 0; i < w.length; i++) {
                w[i] = 2 * random.nextDouble();
            }
            loss = L2Loss.withWeights(w, r);
        } else {
            loss = L2Loss.of(r);
        }
        INDArray p = Nd4j.create(pv, shape, 'c');
        INDArray y = Nd4j.create(yv, shape, 'c');
        INDArray g = p.like();
        loss.valueAndGradient(p, y, g);
        double h = 1e-6;
        for (int i = 0; i < length; i++) {
            double orig = p.getDouble(i);
            p.putScalar(i, orig + h);
            double up = loss.value(p, y);
            p.putScalar(i, orig - h);
            double down = loss.value(p, y);
            p.putScalar(i, orig);
            double fd = (up - down) / (2 * h);
            assertEquals(fd, g.getDouble(i), 1e-6 * Math.max(1, Math.abs(fd)), "entry " + i);
        }
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        INDArray p = Nd4j.createFromArray(1.0, 2.0, 3.0);
        INDArray y = Nd4j.createFromArray(1.0, 2.0, 3.0);
        L2Loss mse = L2Loss.mean();

        assertMessage(() -> mse.value(null, y), "predictions must not be null");
        assertMessage(() -> mse.value(p, null), "targets must not be null");
        assertMessage(() -> mse.value(Nd4j.createFromArray(1, 2, 3), y), "predictions must be FLOAT or DOUBLE, got INT");
        assertMessage(() -> mse.value(Nd4j.create(DataType.DOUBLE, 0), y), "predictions must not be empty");
        assertMessage(() -> mse.value(p, Nd4j.createFromArray(1.0, 2.0)),
                "targets must have the shape of predictions [3], got [2]");
        assertMessage(() -> mse.value(p, Nd4j.createFromArray(new double[][] {{1, 2, 3}})),
                "targets must have the shape of predictions [3], got [1, 3]");
        assertMessage(() -> mse.value(p, y.castTo(DataType.FLOAT)),
                "targets must have the data type of predictions (DOUBLE), got FLOAT");
        assertMessage(() -> mse.valueAndGradient(p, y, Nd4j.create(DataType.DOUBLE, 4)),
                "gradient must have the shape of predictions [3], got [4]");
        assertMessage(() -> mse.valueAndGradient(p, y, Nd4j.create(DataType.FLOAT, 3)),
                "gradient must have the data type of predictions (DOUBLE), got FLOAT");

        assertMessage(() -> L2Loss.of(null), "reduction must be MEAN or SUM, got null");
        assertMessage(() -> L2Loss.withWeights(new double[] {1}, null), "reduction must be MEAN or SUM, got null");
        assertMessage(() -> L2Loss.withWeights((double[]) null, Reduction.MEAN), "weights must hold at least one value, got null");
        assertMessage(() -> L2Loss.withWeights(new double[0], Reduction.MEAN), "weights must hold at least one value, got an empty array");
        assertMessage(() -> L2Loss.withWeights(new double[] {1, -0.5}, Reduction.MEAN),
                "weights[1] must be finite and >= 0, got -0.5");
        assertMessage(() -> L2Loss.withWeights(new double[] {Double.NaN}, Reduction.MEAN),
                "weights[0] must be finite and >= 0, got NaN");
        assertMessage(() -> L2Loss.withWeights(new double[] {Double.POSITIVE_INFINITY}, Reduction.SUM),
                "weights[0] must be finite and >= 0, got Infinity");
        assertMessage(() -> L2Loss.withWeights((INDArray) null, Reduction.MEAN), "weights must not be null");
        assertMessage(() -> L2Loss.withWeights(Nd4j.ones(DataType.DOUBLE, 2, 2), Reduction.MEAN),
                "weights must be a vector (one weight per example), got shape [2, 2]");
        assertMessage(() -> L2Loss.withWeights(new double[] {1, 1}, Reduction.MEAN).value(p, y),
                "predictions must have 2 examples (one per weight) along dimension 0, got shape [3]");
    }

}
