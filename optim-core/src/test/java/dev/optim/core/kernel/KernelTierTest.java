package dev.optim.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Every kernel tier against the scalar {@link ReferenceRule}, bit for bit: each optimizer and
 * form, float32 and float64, lengths that leave vector and chunk tails, with clipping and weight
 * decay. The SIMD tier is checked where this JVM has it (JDK 25 with
 * {@code --add-modules jdk.incubator.vector}, as the {@code simd} Maven profile runs the tests).
 */
class KernelTierTest {

    private static final int STEPS = 4;
    private static final int[] LENGTHS = {1, 2, 3, 7, 15, 16, 17, 31, 33, 63, 65, 511, 512, 513,
            1031, 2 * Kernel.CHUNK + 7};

    static List<String> tiers() {
        List<String> tiers = new ArrayList<>(List.of("plain", "nd4j"));
        if (Kernels.simdAvailable()) {
            tiers.add("simd");
        }
        return tiers;
    }

    /** The optimizers under test, each rule and form, with each kind of gradient preparation. */
    static List<BaseOptimizer> optimizers() {
        List<BaseOptimizer> all = new ArrayList<>();
        for (int prep = 0; prep < 6; prep++) {
            List<BaseOptimizer.Builder<?>> builders = List.of(
                    Sgd.builder().learningRate(0.05),
                    Momentum.builder().learningRate(0.03).form(Momentum.Form.EMA),
                    Momentum.builder().learningRate(0.03).form(Momentum.Form.HEAVY_BALL),
                    Momentum.builder().learningRate(0.03).momentum(0.8)
                            .form(Momentum.Form.NESTEROV),
                    RmsProp.builder().learningRate(0.01).rho(0.95),
                    Adam.builder().learningRate(0.02).beta1(0.85));
            for (BaseOptimizer.Builder<?> b : builders) {
                switch (prep) {
                    case 1 -> b.clipping(Clipping.byValue(0.7));
                    case 2 -> b.clipping(Clipping.byGlobalNorm(1.5));
                    case 3 -> b.weightDecay(0.1);
                    case 4 -> b.decoupledWeightDecay(0.2).clipping(Clipping.byValue(0.9));
                    case 5 -> b.weightDecay(0.05).clipping(Clipping.byGlobalNorm(0.5));
                    default -> { }
                }
                all.add(build(b));
            }
        }
        return all;
    }

    private static BaseOptimizer build(BaseOptimizer.Builder<?> b) {
        if (b instanceof Sgd.Builder s) {
            return s.build();
        } else if (b instanceof Momentum.Builder m) {
            return m.build();
        } else if (b instanceof RmsProp.Builder r) {
            return r.build();
        }
        return ((Adam.Builder) b).build();
    }

    /** Runs {@code body} with states made under the given tier. */
    static <T> T onTier(String tier, Supplier<T> body) {
        String old = System.getProperty(Kernels.TIER_PROPERTY);
        System.setProperty(Kernels.TIER_PROPERTY, tier);
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty(Kernels.TIER_PROPERTY);
            } else {
                System.setProperty(Kernels.TIER_PROPERTY, old);
            }
        }
    }

    private static boolean globalNorm(BaseOptimizer opt) {
        return opt.clipping().mode() == Clipping.Mode.BY_GLOBAL_NORM;
    }

    @Test
    void everyTierMatchesTheReferenceInFloat64() {
        Random rnd = new Random(7);
        for (BaseOptimizer opt : optimizers()) {
            for (int n : LENGTHS) {
                double[] p0 = gaussian(rnd, n, 1.0);
                double[][] grads = new double[STEPS][];
                for (int k = 0; k < STEPS; k++) {
                    grads[k] = gaussian(rnd, n, 0.8);
                }
                double[] want = p0.clone();
                double[][] wantState = new double[opt.stateBuffersPerParameter()][n];
                for (int k = 0; k < STEPS; k++) {
                    ReferenceRule.step(opt, want, grads[k], wantState, k + 1);
                }
                // The double[] path.
                double[] plain = p0.clone();
                OptimizerState ps = opt.init(plain);
                for (double[] g : grads) {
                    opt.step(plain, g, ps);
                }
                String what = opt + " n=" + n;
                assertArrayEquals(want, plain, 0.0, "double[] " + what);
                for (int b = 0; b < wantState.length; b++) {
                    assertArrayEquals(wantState[b], ps.bufferValues(b), 0.0, "double[] state " + what);
                }
                for (String tier : tiers()) {
                    INDArray p = Nd4j.createFromArray(p0);
                    OptimizerState s = onTier(tier, () -> {
                        OptimizerState st = opt.init(p);
                        opt.step(p, Nd4j.createFromArray(grads[0]), st);
                        return st;
                    });
                    for (int k = 1; k < STEPS; k++) {
                        opt.step(p, Nd4j.createFromArray(grads[k]), s);
                    }
                    String where = tier + " float64 " + what;
                    if (tier.equals("nd4j") && globalNorm(opt)) {
                        // ND4J sums the norm in its own order: the last bits may differ.
                        assertArrayEquals(want, p.toDoubleVector(), 1e-12, where);
                    } else {
                        assertArrayEquals(want, p.toDoubleVector(), 0.0, where);
                        for (int b = 0; b < wantState.length; b++) {
                            assertArrayEquals(wantState[b], s.bufferValues(b), 0.0, "state " + where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyTierMatchesTheReferenceInFloat32() {
        Random rnd = new Random(11);
        for (BaseOptimizer opt : optimizers()) {
            for (int n : LENGTHS) {
                float[] p0 = toFloat(gaussian(rnd, n, 1.0));
                float[][] grads = new float[STEPS][];
                for (int k = 0; k < STEPS; k++) {
                    grads[k] = toFloat(gaussian(rnd, n, 0.8));
                }
                float[] want = p0.clone();
                float[][] wantState = new float[opt.stateBuffersPerParameter()][n];
                for (int k = 0; k < STEPS; k++) {
                    ReferenceRule.step(opt, want, grads[k], wantState, k + 1);
                }
                for (String tier : tiers()) {
                    INDArray p = Nd4j.createFromArray(p0);
                    INDArray g = Nd4j.createFromArray(grads[0]);
                    OptimizerState s = onTier(tier, () -> {
                        OptimizerState st = opt.init(p);
                        opt.step(p, g, st);
                        return st;
                    });
                    for (int k = 1; k < STEPS; k++) {
                        // The same gradient array, refilled: the kernel's views are reused.
                        g.assign(Nd4j.createFromArray(grads[k]));
                        opt.step(p, g, s);
                    }
                    String where = tier + " float32 " + opt + " n=" + n;
                    if (tier.equals("nd4j") && globalNorm(opt)) {
                        // ND4J sums a float32 norm in float32, in its own order.
                        assertArrayEquals(want, p.toFloatVector(), 1e-5f, where);
                    } else {
                        assertArrayEquals(want, p.toFloatVector(), 0.0f, where);
                        for (int b = 0; b < wantState.length; b++) {
                            assertArrayEquals(toDouble(wantState[b]), s.bufferValues(b), 0.0,
                                    "state " + where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void viewsWithAnOffsetAreUpdatedInPlaceOnEveryTier() {
        for (String tier : tiers()) {
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                Adam adam = Adam.builder().learningRate(0.1).build();
                INDArray matrix = Nd4j.rand(type, 5, 37);
                INDArray before = matrix.dup();
                INDArray rows = matrix.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all());
                INDArray grad = Nd4j.rand(type, 2, 37).subi(0.5);
                INDArray copy = rows.dup();
                OptimizerState viewState = onTier(tier, () -> adam.init(rows));
                OptimizerState copyState = onTier("plain", () -> adam.init(copy));
                for (int k = 0; k < 3; k++) {
                    onTier(tier, () -> {
                        adam.step(rows, grad, viewState);
                        return null;
                    });
                    adam.step(copy, grad, copyState);
                }
                String where = tier + " " + type;
                assertEquals(copy, matrix.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all()), where);
                for (int r : new int[] {0, 1, 4}) {
                    assertEquals(before.getRow(r), matrix.getRow(r), "untouched row " + r + " " + where);
                }
            }
        }
    }

    @Test
    void stridedViewsAreRefusedAndLeftUnchanged() {
        for (String tier : tiers()) {
            INDArray matrix = Nd4j.rand(DataType.DOUBLE, 4, 6);
            INDArray before = matrix.dup();
            INDArray column = matrix.getColumn(2);
            Sgd sgd = Sgd.of(0.1);
            OptimizerState dense = onTier(tier, () -> sgd.init(column.dup()));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> onTier(tier, () -> {
                        sgd.step(column, Nd4j.ones(DataType.DOUBLE, 4), dense);
                        return null;
                    }));
            assertTrue(e.getMessage().contains("dense"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> sgd.init(column));
            // Every other column: strided in both dimensions.
            INDArray everyOther = matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 6));
            assertThrows(IllegalArgumentException.class, () -> sgd.init(everyOther));
            assertEquals(before, matrix, tier);
        }
    }

    @Test
    void rowVectorsMadeByReshapeAreDense() {
        for (String tier : tiers()) {
            INDArray p = Nd4j.createFromArray(1f, 2f, 3f).reshape(1, 3);
            INDArray g = Nd4j.createFromArray(1f, 1f, 1f).reshape(1, 3);
            Sgd sgd = Sgd.of(0.5);
            onTier(tier, () -> {
                sgd.step(p, g, sgd.init(p));
                return null;
            });
            assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f}, p.toFloatVector(), 0f, tier);
        }
    }

    @Test
    void columnMajorArraysAreUpdatedElementByElement() {
        for (String tier : tiers()) {
            INDArray p = Nd4j.rand(DataType.FLOAT, 'f', 3, 5);
            INDArray g = Nd4j.rand(DataType.FLOAT, 'f', 3, 5);
            INDArray want = p.sub(g.mul(0.25f));
            Sgd sgd = Sgd.of(0.25);
            onTier(tier, () -> {
                sgd.step(p, g, sgd.init(p));
                return null;
            });
            assertEquals(want, p, tier);
            // A row-major gradient for column-major parameters: refused on the host tiers.
            INDArray gc = g.dup('c');
            INDArray before = p.dup();
            OptimizerState s = onTier(tier, () -> sgd.init(p));
            assertThrows(IllegalArgumentException.class, () -> sgd.step(p, gc, s));
            assertEquals(before, p, tier);
        }
    }

    @Test
    void theGradientIsNeverWritten() {
        for (String tier : tiers()) {
            for (BaseOptimizer opt : optimizers()) {
                INDArray p = Nd4j.rand(DataType.FLOAT, 600).subi(0.5f);
                INDArray g = Nd4j.rand(DataType.FLOAT, 600).subi(0.5f).muli(4);
                INDArray g0 = g.dup();
                OptimizerState s = onTier(tier, () -> opt.init(p));
                for (int k = 0; k < 2; k++) {
                    onTier(tier, () -> {
                        opt.step(p, g, s);
                        return null;
                    });
                }
                assertEquals(g0, g, tier + " " + opt);
            }
        }
    }

    @Test
    void closedArraysAreRefused() {
        for (String tier : tiers()) {
            INDArray p = Nd4j.rand(DataType.DOUBLE, 10);
            INDArray g = Nd4j.rand(DataType.DOUBLE, 10);
            Sgd sgd = Sgd.of(0.1);
            OptimizerState s = onTier(tier, () -> sgd.init(p));
            onTier(tier, () -> {
                sgd.step(p, g, s);
                return null;
            });
            g.close();
            assertThrows(IllegalArgumentException.class, () -> sgd.step(p, g, s), tier);
        }
    }

    @Test
    void theSimdTierLoadsWhereTheBuildPromisesIt() {
        // Set by the simd Maven profile (JDK 25): the tier must not silently fall back there.
        if (Boolean.getBoolean("optim.test.requireSimd")) {
            assertTrue(Kernels.simdAvailable(), "the SIMD tier did not load");
            assertTrue(tiers().contains("simd"));
        }
    }

    @Test
    void aStateReportsTheTierItRunsOn() {
        for (String tier : tiers()) {
            INDArray p = Nd4j.rand(DataType.FLOAT, 10);
            for (BaseOptimizer opt : optimizers()) {
                OptimizerState s = onTier(tier, () -> opt.init(p));
                assertEquals(tier, s.tier(), opt.toString());
            }
            // A rule without a SIMD companion runs on the plain tier where simd was asked for.
            Kernel k = onTier(tier, () -> Kernels.forArrays(new ScaleRule(), new INDArray[0], p));
            assertEquals(tier.equals("simd") ? "plain" : tier, k.tier());
        }
        assertThrows(IllegalArgumentException.class,
                () -> onTier("fast", () -> Kernels.forArrays(new ScaleRule(), new INDArray[0],
                        Nd4j.rand(3))));
    }

    private static double[] gaussian(Random rnd, int n, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian() * sd;
        }
        return x;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
