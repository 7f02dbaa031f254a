package dev.optim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * optimizer's {@code stateBuffersPerParameter()} and that every state runs on the tier it asked
 * for (every rule has a SIMD companion and an ND4J-ops form). The nd4j tier under clipping by
 * global norm is checked to 1e-5 (float32) and 1e-12 (float64): ND4J sums the norm in its own
 * order; the test prints the largest difference it saw.
 */
class CatalogueTierTest {

    private static final int[] LENGTHS = {1, 3, 16, 33, 511, 1031, 2 * Kernel.CHUNK + 7};
    private static final int STEPS = 8;
    /** The largest difference of the nd4j tier under global-norm clipping, by data type. */
    private static final double[] WORST = new double[2];

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
        all.add(dev.optim.core.optimizer.RmsProp.builder().momentum(0.5)
                .clipping(Clipping.byGlobalNorm(0.8)).build());
        all.add(dev.optim.core.optimizer.Adam.builder().amsgrad(true)
                .clipping(Clipping.byValue(0.6)).decoupledWeightDecay(0.1).build());
        all.add(dev.optim.core.optimizer.Adadelta.builder().rho(0.8).weightDecay(0.1).build());
        all.add(dev.optim.core.optimizer.Adamax.builder().clipping(Clipping.byGlobalNorm(1.2))
                .build());
        // β2 = 0.9: rectified from update 4 on.
        all.add(dev.optim.core.optimizer.RAdam.builder().beta2(0.9).learningRate(0.01)
                .clipping(Clipping.byValue(0.8)).build());
        all.add(dev.optim.core.optimizer.ScheduleFreeAdamW.builder().learningRate(0.01)
                .warmupSteps(3).weightDecay(0.05).build());
        all.add(dev.optim.core.optimizer.ScheduleFreeAdamW.builder().learningRate(0.01)
                .weightDecay(0.05).decayAtZ(true).r(1).clipping(Clipping.byGlobalNorm(0.9))
                .build());
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
                        // Every rule has a SIMD companion and an ND4J-ops form.
                        assertEquals(tier, gs.tier(), where);
                        boolean norm = opt.clipping().mode() == Clipping.Mode.BY_GLOBAL_NORM;
                        if (tier.equals("nd4j") && norm) {
                            // ND4J sums the norm in its own order (float32 in float32).
                            double tol = type == DataType.FLOAT ? 1e-5 : 1e-12;
                            double[] w = want.data().asDouble();
                            double[] o = got.data().asDouble();
                            int d = type == DataType.FLOAT ? 0 : 1;
                            for (int i = 0; i < w.length; i++) {
                                WORST[d] = Math.max(WORST[d], Math.abs(w[i] - o[i]));
                            }
                            assertArrayEquals(w, o, tol, where);
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
        System.out.printf("nd4j tier, clipping by global norm: largest |difference| float32 %.3g,"
                + " float64 %.3g%n", WORST[0], WORST[1]);
    }

    /**
     * The one difference of the ND4J-ops forms after a NaN gradient: ND4J's {@code max(x, y)}
     * is {@code x > y ? x : y}, so once a NaN gradient has made Adamax's {@code u} NaN (without
     * {@code skipNonFinite}), the plain loops keep that element of {@code u} NaN and the nd4j
     * tier takes the next {@code |g| + ε}. The parameters are the same on both (NaN where the
     * gradient was), and every other element of every buffer too. AMSGrad's
     * {@code w ← max(w, v)} has no such difference: {@code v} stays NaN and is the {@code y}.
     */
    @Test
    void aNanStateElementIsTheOnlyDifferenceOfTheNd4jMax() {
        Random rnd = new Random(8);
        List<BaseOptimizer> opts = List.of(dev.optim.core.optimizer.Adamax.builder().build(),
                dev.optim.core.optimizer.Adam.builder().amsgrad(true).build());
        int n = 37;
        int bad = 5;
        for (BaseOptimizer opt : opts) {
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                INDArray start = Nd4j.randn(type, 1, n);
                INDArray want = start.dup();
                INDArray got = start.dup();
                OptimizerState ws = NonFiniteStepTest.init("plain", opt, want);
                OptimizerState gs = NonFiniteStepTest.init("nd4j", opt, got);
                for (int k = 0; k < 7; k++) {
                    INDArray g = Nd4j.randn(type, 1, n).muli(rnd.nextDouble() + 0.2);
                    if (k == 3) {
                        g.putScalar(bad, Double.NaN);
                    }
                    opt.step(want, g, ws);
                    opt.step(got, g, gs);
                }
                String where = opt + " " + type;
                assertEquals("nd4j", gs.tier(), where);
                assertArrayEquals(want.data().asDouble(), got.data().asDouble(), 0.0, where);
                assertTrue(Double.isNaN(got.getDouble(bad)), where);
                int last = ws.bufferCount() - 1;
                for (int b = 0; b < ws.bufferCount(); b++) {
                    double[] w = ws.bufferValues(b);
                    double[] o = gs.bufferValues(b);
                    for (int i = 0; i < n; i++) {
                        boolean adamax = opt.kind().equals("adamax");
                        if (adamax && i == bad && b == last) {
                            assertTrue(Double.isNaN(w[i]) && Double.isFinite(o[i]), where);
                        } else if (Double.isNaN(w[i])) {
                            assertTrue(Double.isNaN(o[i]), where + " buffer " + b);
                        } else {
                            assertEquals(Double.doubleToRawLongBits(w[i]),
                                    Double.doubleToRawLongBits(o[i]), where + " buffer " + b);
                        }
                    }
                }
            }
        }
    }
}
