package dev.optim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.optimizer.TestOptimizers;
import dev.optim.core.optimizer.TestOptimizers.Decay;
import dev.optim.core.optimizer.TestOptimizers.Kind;
import dev.optim.core.optimizer.TestOptimizers.Setup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The state memory each optimizer reports, pinned against what it allocates: SGD 0 values per
 * parameter, Momentum 1, RMSprop 1, Adam 2 (the article's table), each buffer its own dense
 * array of the parameters' shape, data type and order, and {@code bytes()} = count · n · width.
 */
class StateMemoryTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Setup setup : TestOptimizers.all(0.01)) {
            for (DataType dtype : List.of(DataType.FLOAT, DataType.DOUBLE)) {
                cases.add(Arguments.of(setup, dtype, new long[] {7}, 'c'));
                cases.add(Arguments.of(setup, dtype, new long[] {3, 4}, 'f'));
                cases.add(Arguments.of(setup, dtype, new long[] {2, 1, 5}, 'c'));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("cases")
    void reportedStateMemoryIsWhatIsAllocated(Setup setup, DataType dtype, long[] shape,
            char order) {
        Optimizer opt = setup.build();
        int expected = setup.kind().buffers;
        assertEquals(expected, opt.stateBuffersPerParameter(), setup.toString());

        INDArray params = Nd4j.create(dtype, shape, order);
        long n = params.length();
        long width = dtype == DataType.DOUBLE ? 8 : 4;
        OptimizerState state = opt.init(params);
        assertEquals(expected, state.bufferCount());
        assertEquals(expected * n * width, state.bytes());
        assertEquals(dtype, state.dataType());
        assertArrayEquals(shape, state.shape());
        assertEquals(setup.kind().kind, state.kind());
        assertEquals(0, state.step());
        for (int b = 0; b < expected; b++) {
            INDArray buffer = state.array(b);
            assertEquals(dtype, buffer.dataType());
            assertArrayEquals(shape, buffer.shape());
            assertEquals(order, buffer.ordering());
            assertTrue(HostMemory.isDense(buffer));
            assertNotSame(params.data(), buffer.data(), "buffer " + b + " aliases the params");
            for (int c = 0; c < b; c++) {
                assertNotSame(state.array(c).data(), buffer.data(), "buffers share memory");
            }
            assertArrayEquals(new double[(int) n], state.bufferValues(b), 0.0, "not zeroed");
        }
        assertThrows(IllegalArgumentException.class, () -> state.bufferValues(expected));
        assertThrows(IllegalArgumentException.class, () -> state.bufferValues(-1));

        OptimizerState plain = opt.init(new double[(int) n]);
        assertEquals(expected, plain.bufferCount());
        assertEquals(expected * n * 8, plain.bytes());
        for (int b = 0; b < expected; b++) {
            assertEquals(n, plain.plain(b).length);
        }
    }

    @Test
    void stateBuffersPerParameterMatchesTheArticle() {
        assertEquals(0, dev.optim.core.optimizer.Sgd.of(0.1).stateBuffersPerParameter());
        for (Kind kind : Kind.values()) {
            for (Decay decay : Decay.values()) {
                int n = Setup.of(kind, 0.1, decay).build().stateBuffersPerParameter();
                int article = switch (kind) {
                    case SGD -> 0;
                    case MOMENTUM_EMA, MOMENTUM_HEAVY_BALL, MOMENTUM_NESTEROV, RMSPROP -> 1;
                    case ADAM -> 2;
                };
                assertEquals(article, n, kind + " " + decay);
            }
        }
    }

    /**
     * After one update from zero state the buffers hold what the formulas say: heavy-ball and
     * nesterov {@code v = g}, EMA {@code v = (1−β)·g}, RMSprop {@code s = (1−ρ)·g²}, Adam
     * {@code m = (1−β1)·g}, {@code v = (1−β2)·g²}.
     */
    @Test
    void buffersHoldTheirMomentsAfterOneStep() {
        double[] g = {0.5, -3, 2};
        for (DataType dtype : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            double tol = dtype == DataType.FLOAT ? 1e-6 : 1e-15;
            for (Kind kind : Kind.values()) {
                Setup setup = Setup.of(kind, 0.1, Decay.NONE);
                Optimizer opt = setup.build();
                INDArray p = Nd4j.createFromArray(1.0, 2.0, 3.0).castTo(dtype);
                OptimizerState s = opt.init(p);
                opt.step(p, Nd4j.createFromArray(g).castTo(dtype), s);
                assertEquals(1, s.step());
                double[][] expected = switch (kind) {
                    case SGD -> new double[0][];
                    case MOMENTUM_HEAVY_BALL, MOMENTUM_NESTEROV -> new double[][] {g};
                    case MOMENTUM_EMA -> new double[][] {scale(g, 1 - 0.9, 1)};
                    case RMSPROP -> new double[][] {scale(g, 1 - 0.9, 2)};
                    case ADAM -> new double[][] {scale(g, 1 - 0.9, 1), scale(g, 1 - 0.999, 2)};
                };
                assertEquals(expected.length, s.bufferCount());
                for (int b = 0; b < expected.length; b++) {
                    double[] got = s.bufferValues(b);
                    for (int i = 0; i < g.length; i++) {
                        assertEquals(expected[b][i], got[i], tol * Math.abs(expected[b][i]),
                                kind + " " + dtype + " buffer " + b + " " + Arrays.toString(got));
                    }
                }
            }
        }
    }

    private static double[] scale(double[] g, double c, int power) {
        double[] r = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            r[i] = c * Math.pow(g[i], power);
        }
        return r;
    }
}
