package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.TestOptimizers.Setup;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters and gradient that share memory (the same array, or two views of one buffer whose
 * ranges intersect) are refused before anything is written, with a message naming both; views
 * of one buffer that do not intersect are accepted and stepped exactly as separate arrays.
 */
class OptimizerAliasingTest {

    static Stream<Setup> setups() {
        return TestOptimizers.all(0.01).stream();
    }

    private static void assertRefused(Optimizer opt, INDArray p, INDArray g, OptimizerState s) {
        double[] before = p.dup().toDoubleVector();
        double[] gradBefore = g.dup().toDoubleVector();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> opt.step(p, g, s));
        assertTrue(e.getMessage().contains("params") && e.getMessage().contains("gradient")
                && e.getMessage().contains("share memory"), e.getMessage());
        assertArrayEquals(before, p.toDoubleVector(), "params written before the refusal");
        assertArrayEquals(gradBefore, g.toDoubleVector(), "gradient written before the refusal");
        assertTrue(s.step() == 0, "the state advanced");
    }

    /** The case: p = buf[600:2648], g = buf[0:2048], float32 and float64. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void partlyOverlappingViewsAreRefused(Setup setup) {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            INDArray buf = Nd4j.rand(type, 2648).subi(0.5);
            INDArray p = buf.get(NDArrayIndex.interval(600, 2648));
            INDArray g = buf.get(NDArrayIndex.interval(0, 2048));
            Optimizer opt = setup.build();
            OptimizerState s = opt.init(p);
            assertRefused(opt, p, g, s);
            // The other way round, and after a legal warm step with separate arrays.
            OptimizerState s2 = opt.init(g);
            assertRefused(opt, g, p, s2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void theSameArrayTwiceIsRefused(Setup setup) {
        Optimizer opt = setup.build();
        INDArray p = Nd4j.rand(DataType.DOUBLE, 12);
        OptimizerState s = opt.init(p);
        assertRefused(opt, p, p, s);
        double[] x = {1, 2, 3};
        OptimizerState sx = opt.init(x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> opt.step(x, x, sx));
        assertTrue(e.getMessage().contains("params and gradient must not share memory"),
                e.getMessage());
        assertArrayEquals(new double[] {1, 2, 3}, x);
    }

    /** A step on bound arrays that are then swapped for an aliasing pair is checked again. */
    @Test
    void aliasingAfterWarmStepsIsRefused() {
        Optimizer opt = Adam.builder().build();
        INDArray buf = Nd4j.rand(DataType.FLOAT, 2, 100);
        INDArray p = buf.getRow(0);
        INDArray g = buf.getRow(1);
        OptimizerState s = opt.init(p);
        for (int k = 0; k < 3; k++) {
            opt.step(p, g, s); // disjoint rows of one buffer: fine
        }
        INDArray overlapping = buf.reshape(200).get(NDArrayIndex.interval(50, 150));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> opt.step(p, overlapping, s));
        assertTrue(e.getMessage().contains("share memory"), e.getMessage());
    }

    /** Disjoint views of one buffer step exactly as copies do. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void disjointViewsOfOneBufferStepAsCopies(Setup setup) {
        INDArray buf = Nd4j.rand(DataType.DOUBLE, 2, 64).subi(0.5);
        INDArray p = buf.getRow(0);
        INDArray g = buf.getRow(1);
        INDArray pc = p.dup();
        INDArray gc = g.dup();
        Optimizer opt = setup.build();
        OptimizerState s = opt.init(p);
        OptimizerState sc = opt.init(pc);
        for (int k = 0; k < 3; k++) {
            opt.step(p, g, s);
            opt.step(pc, gc, sc);
        }
        assertArrayEquals(pc.toDoubleVector(), p.toDoubleVector());
    }
}
