package dev.optim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Clipping;
import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.schedule.Schedules;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/** The updater alone, as ND4J drives it: θ ← θ − u with u written into the gradient view. */
class OptimUpdaterTest {

    static List<Optimizer> optimizers() {
        return List.of(
                Sgd.builder().learningRate(Schedules.stepDecay(0.1, 3, 0.5)).build(),
                Momentum.builder().form(Momentum.Form.EMA).momentum(0.8)
                        .learningRate(Schedules.exponentialDecay(0.1, 0.9)).build(),
                Momentum.builder().form(Momentum.Form.HEAVY_BALL).momentum(0.9).learningRate(0.05).build(),
                Momentum.builder().form(Momentum.Form.NESTEROV).momentum(0.9)
                        .learningRate(Schedules.inverseTimeDecay(0.05, 0.1)).build(),
                RmsProp.builder().rho(0.9).learningRate(Schedules.cosine(0.01, 0.001, 10)).build(),
                Adam.builder().learningRate(Schedules.polynomial(0.01, 0.001, 10, 2)).build());
    }

    @Test
    void theFrameworkTrajectoryIsOptimsOwnBitForBit() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (Optimizer opt : optimizers()) {
                OptimUpdater u = OptimUpdater.of(opt);
                int n = 37;
                INDArray view = Nd4j.create(type, 1, u.stateSize(n));
                GradientUpdater<?> gu = u.instantiate(view, true);
                Random r = new Random(5);
                INDArray theta = Nd4j.rand(type, 1, n);
                INDArray ref = theta.dup();
                OptimizerState state = opt.init(ref);
                for (int k = 0; k < 12; k++) {
                    INDArray g = Nd4j.zeros(type, 1, n);
                    for (int i = 0; i < n; i++) {
                        g.putScalar(0, i, r.nextGaussian());
                    }
                    opt.step(ref, g, state);
                    INDArray gv = g.dup();
                    gu.applyUpdater(gv, k, 0);
                    theta.subi(gv);
                }
                assertEquals(ref, theta, opt + " " + type);
                if (state.bufferCount() > 0) {
                    assertArrayEquals(state.bufferValues(state.bufferCount() - 1),
                            view.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                                    org.nd4j.linalg.indexing.NDArrayIndex.interval(
                                            (state.bufferCount() - 1) * n, state.bufferCount() * n))
                                    .toDoubleVector(), 0.0, "the state lives in the view");
                }
            }
        }
    }

    @Test
    void aNewUpdaterOnTheSameViewResumesAtTheFrameworksIteration() {
        Optimizer opt = Adam.builder().learningRate(Schedules.stepDecay(0.01, 2, 0.5)).build();
        OptimUpdater u = OptimUpdater.of(opt);
        int n = 5;
        INDArray view = Nd4j.create(DataType.DOUBLE, 1, u.stateSize(n));
        GradientUpdater<?> first = u.instantiate(view, true);
        INDArray ref = Nd4j.linspace(DataType.DOUBLE, 1, n, 1).reshape(1, n);
        INDArray theta = ref.dup();
        OptimizerState state = opt.init(ref);
        for (int k = 0; k < 6; k++) {
            INDArray g = Nd4j.linspace(-k, 0.7 * n - k, n, DataType.DOUBLE).reshape(1, n);
            opt.step(ref, g, state);
            INDArray gv = g.dup();
            (k < 3 ? first : u.clone().instantiate(view, false)).applyUpdater(gv, k, 0);
            theta.subi(gv);
        }
        assertEquals(ref, theta);
    }

    @Test
    void rulesThatNeedTheParametersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimUpdater.of(Adam.builder().weightDecay(0.1).build()));
        assertTrue(e.getMessage().contains("weightDecay"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptimUpdater.of(Adam.builder().clipping(Clipping.byGlobalNorm(1)).build()));
        assertTrue(e.getMessage().contains("gradientNormalization"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptimUpdater.of(Sgd.builder().learningRate(k -> 0.1).build()));
        assertTrue(e.getMessage().contains("supported"), e.getMessage());
    }
}
