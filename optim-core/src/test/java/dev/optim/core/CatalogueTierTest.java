package dev.optim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optim.core.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every optimizer of the catalogue on every tier, bit for bit against its plain tier (whose
 * loops define the rule; the PyTorch fixtures check those): float32 and float64, lengths that
 * leave vector and chunk tails, with clipping and both kinds of weight decay, and the
 * {@code double[]} path against INDArray float64. Also that each state's buffer count is the
 * optimizer's {@code stateBuffersPerParameter()} and that a rule with a SIMD companion runs on
 * the SIMD tier where it is available.
 */
class CatalogueTierTest {

    private static final int[] LENGTHS = {1, 3, 16, 33, 511, 1031, 2 * Kernel.CHUNK + 7};
    private static final int STEPS = 6;

    private static List<BaseOptimizer> optimizers() {
        List<BaseOptimizer> all = new ArrayList<>();
        for (BaseOptimizer opt : KernelRangeTest.optimizers()) {
            all.add(opt);
        }
        all.add(dev.optim.core.optimizer.Adagrad.builder().learningRate(0.1)
                .clipping(Clipping.byValue(0.5)).weightDecay(0.1).build());
        all.add(dev.optim.core.optimizer.Lion.builder().learningRate(1e-3)
                .decoupledWeightDecay(0.2).clipping(Clipping.byGlobalNorm(0.7)).build());
        all.add(dev.optim.core.optimizer.NAdam.builder().weightDecay(0.05)
                .clipping(Clipping.byValue(0.9)).build());
        all.add(dev.optim.core.optimizer.RmsProp.builder().centered(true).momentum(0.9)
                .decoupledWeightDecay(0.1).build());
        return all;
    }

    @Test
    void everyTierEqualsThePlainTier() {
        Random rnd = new Random(21);
        for (BaseOptimizer opt : optimizers()) {
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                for (int n : LENGTHS) {
                    INDArray start = Nd4j.randn(type, 1, n);
                    List<INDArray> grads = new ArrayList<>();
                    for (int k = 0; k < STEPS; k++) {
                        grads.add(Nd4j.randn(type, 1, n).muli(rnd.nextDouble() + 0.2));
                    }
                    INDArray want = start.dup();
                    OptimizerState ws = NonFiniteStepTest.init("plain", opt, want);
                    assertEquals(opt.stateBuffersPerParameter(), ws.bufferCount());
                    for (INDArray g : grads) {
                        opt.step(want, g, ws);
                    }
                    for (String tier : NonFiniteStepTest.tiers()) {
                        INDArray got = start.dup();
                        OptimizerState gs = NonFiniteStepTest.init(tier, opt, got);
                        for (INDArray g : grads) {
                            opt.step(got, g, gs);
                        }
                        String where = tier + " " + opt + " " + type + " n=" + n;
                        if (!tier.equals("nd4j")) {
                            assertEquals(tier, gs.tier(), where);
                        }
                        boolean norm = opt.clipping().mode() == Clipping.Mode.BY_GLOBAL_NORM;
                        if (tier.equals("nd4j") && norm && gs.tier().equals("nd4j")) {
                            continue;
                        }
                        assertArrayEquals(want.data().asDouble(), got.data().asDouble(), 0.0,
                                where);
                        for (int b = 0; b < ws.bufferCount(); b++) {
                            assertArrayEquals(ws.bufferValues(b), gs.bufferValues(b), 0.0, where);
                        }
                    }
                    if (type == DataType.DOUBLE) {
                        double[] plain = start.toDoubleVector();
                        OptimizerState ps = opt.init(plain);
                        for (INDArray g : grads) {
                            opt.step(plain, g.toDoubleVector(), ps);
                        }
                        assertArrayEquals(want.toDoubleVector(), plain, 0.0, "double[] " + opt);
                    }
                }
            }
        }
    }
}
