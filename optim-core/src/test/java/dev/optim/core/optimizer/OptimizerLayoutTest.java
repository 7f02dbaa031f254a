package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.TestOptimizers.Decay;
import dev.optim.core.optimizer.TestOptimizers.Setup;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Where the parameters live: views with an offset are updated in place, arrays of every shape
 * ND4J makes (unit dimensions, rank 0 to 4, either order) are accepted, and each element meets
 * its own gradient element whatever the memory order. Hand-computed values throughout.
 */
class OptimizerLayoutTest {

    @Test
    void sgdUpdatesARowViewInPlaceAndLeavesTheRestOfTheMatrix() {
        INDArray m = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray row = m.getRow(1);
        Sgd sgd = Sgd.of(0.5);
        sgd.step(row, Nd4j.createFromArray(1.0, -2.0, 4.0), sgd.init(row));
        assertArrayEquals(new double[] {1, 2, 3, 3.5, 6, 4}, m.data().asDouble(), 0);
    }

    @Test
    void adamUpdatesADenseBlockWithAnOffsetInPlace() {
        INDArray m = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        INDArray block = m.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        Adam adam = Adam.builder().learningRate(0.25).build();
        INDArray g = Nd4j.createFromArray(new float[][] {{1, -1}, {1000, -0.5f}});
        adam.step(block, g, adam.init(block));
        // The first Adam step moves each element by lr against its gradient's sign.
        assertArrayEquals(new float[] {1, 2, 2.75f, 4.25f, 4.75f, 6.25f},
                m.data().asFloat(), 1e-6f);
    }

    @Test
    void sgdInFloat32IsExact() {
        INDArray f = Nd4j.createFromArray(new float[] {1f, 2f});
        Sgd sgd = Sgd.of(0.5);
        sgd.step(f, Nd4j.createFromArray(new float[] {2f, -2f}), sgd.init(f));
        assertArrayEquals(new float[] {0f, 3f}, f.toFloatVector(), 0f);
    }

    @Test
    void aScalarParameterWorks() {
        INDArray p = Nd4j.scalar(3.0);
        Momentum m = Momentum.builder().learningRate(0.5).momentum(0.5).build();
        OptimizerState s = m.init(p);
        m.step(p, Nd4j.scalar(2.0), s); // v = 2, θ = 3 − 1 = 2
        m.step(p, Nd4j.scalar(2.0), s); // v = 1 + 2 = 3, θ = 2 − 1.5 = 0.5
        assertEquals(0.5, p.getDouble(0), 0);
        assertEquals(0, p.rank());
    }

    static Stream<Arguments> shapes() {
        return Stream.of(new long[] {2, 1, 3}, new long[] {1, 1, 2}, new long[] {3, 1, 1},
                        new long[] {1, 1, 1}, new long[] {1, 4, 1, 2}, new long[] {2, 3, 4},
                        new long[] {1, 5}, new long[] {5, 1}, new long[] {7})
                .flatMap(s -> Stream.of(Arguments.of(s, 'c'), Arguments.of(s, 'f')));
    }

    /**
     * Every array ND4J creates is dense, including those with unit dimensions whose strides
     * ND4J does not normalise (a fresh {@code [2, 1, 3]} array has strides {@code [3, 3, 1]}):
     * all are accepted, and the update equals the {@code double[]} API's on the same values.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("shapes")
    void freshArraysOfEveryShapeAreAcceptedAndUpdatedElementWise(long[] shape, char order) {
        for (Setup setup : TestOptimizers.all(0.1)) {
            Optimizer opt = setup.build();
            int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            double[] start = new double[n];
            double[] grad = new double[n];
            for (int i = 0; i < n; i++) {
                start[i] = i + 1;
                grad[i] = (i % 2 == 0 ? 1 : -1) * (i + 0.5);
            }
            INDArray p = Nd4j.create(DataType.DOUBLE, shape, order);
            p.assign(Nd4j.createFromArray(start).reshape('c', shape));
            INDArray g = Nd4j.create(DataType.DOUBLE, shape, order);
            g.assign(Nd4j.createFromArray(grad).reshape('c', shape));
            OptimizerState s = opt.init(p);
            double[] plain = start.clone();
            OptimizerState ps = opt.init(plain);
            for (int k = 0; k < 3; k++) {
                opt.step(p, g, s);
                opt.step(plain, grad, ps);
            }
            assertArrayEquals(plain, p.dup('c').data().asDouble(), 0.0,
                    setup + " on " + Arrays.toString(shape) + " " + order);
        }
    }

    @Test
    void anFOrderedMatrixPairsEachElementWithItsOwnGradient() {
        INDArray p = Nd4j.create(DataType.DOUBLE, new long[] {2, 3}, 'f');
        p.assign(Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        INDArray g = Nd4j.create(DataType.DOUBLE, new long[] {2, 3}, 'f');
        g.assign(Nd4j.createFromArray(new double[][] {{10, 20, 30}, {40, 50, 60}}));
        Sgd sgd = Sgd.of(0.1);
        sgd.step(p, g, sgd.init(p));
        assertEquals('f', p.ordering());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0}, p.dup('c').data().asDouble(), 1e-15);
    }
}
