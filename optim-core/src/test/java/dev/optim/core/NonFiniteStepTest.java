package dev.optim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.kernel.Kernels;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Non-finite gradients in {@code step} (issue 10, point 3): by default they propagate (the
 * descent loop reports them); with {@code skipNonFinite(n)} a non-finite step is skipped,
 * leaving parameters, state and step counter untouched, and the run then equals, bit for bit,
 * a run that never saw the bad gradient. Every optimizer, NaN, +∞ and −∞ at four positions
 * (the 72 cases of the issue), on every tier, float32 and float64, and the {@code double[]}
 * path.
 */
class NonFiniteStepTest {

    private static final int N = 37;
    private static final int BEFORE = 5;
    private static final int AFTER = 20;
    private static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};

    /** Every optimizer kind, with the skip option set to the given limit (0: off). */
    static List<IntFunction<BaseOptimizer>> optimizers() {
        return List.of(
                n -> skip(Sgd.builder().learningRate(0.05), n).build(),
                n -> skip(Momentum.builder().learningRate(0.03).form(Momentum.Form.EMA), n).build(),
                n -> skip(Momentum.builder().learningRate(0.03).form(Momentum.Form.HEAVY_BALL), n)
                        .build(),
                n -> skip(Momentum.builder().learningRate(0.03).form(Momentum.Form.NESTEROV), n)
                        .build(),
                n -> skip(RmsProp.builder().learningRate(0.01), n).build(),
                n -> skip(Adam.builder().learningRate(0.02), n).build());
    }

    private static <B extends BaseOptimizer.Builder<B>> B skip(B b, int n) {
        return n > 0 ? b.skipNonFinite(n) : b;
    }

    static List<String> tiers() {
        List<String> tiers = new ArrayList<>(List.of("plain", "nd4j"));
        if (Kernels.simdAvailable()) {
            tiers.add("simd");
        }
        return tiers;
    }

    static OptimizerState init(String tier, Optimizer opt, INDArray p) {
        String old = System.getProperty(Kernels.TIER_PROPERTY);
        System.setProperty(Kernels.TIER_PROPERTY, tier);
        try {
            return opt.init(p);
        } finally {
            if (old == null) {
                System.clearProperty(Kernels.TIER_PROPERTY);
            } else {
                System.setProperty(Kernels.TIER_PROPERTY, old);
            }
        }
    }

    /** The bad gradient: finite values with {@code bad} at one or all positions. */
    private static double[] bad(double[] finite, double bad, int position) {
        double[] g = finite.clone();
        switch (position) {
            case 0 -> g[0] = bad;
            case 1 -> g[N / 2] = bad;
            case 2 -> g[N - 1] = bad;
            default -> java.util.Arrays.fill(g, bad);
        }
        return g;
    }

    private static double[][] gradients(Random rnd) {
        double[][] g = new double[BEFORE + AFTER][N];
        for (double[] row : g) {
            for (int i = 0; i < N; i++) {
                row[i] = rnd.nextGaussian() * 0.7;
            }
        }
        return g;
    }

    @Test
    void aSkippedStepLeavesNoTraceOnEveryTier() {
        Random rnd = new Random(3);
        int cases = 0;
        for (String tier : tiers()) {
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                for (IntFunction<BaseOptimizer> make : optimizers()) {
                    BaseOptimizer opt = make.apply(4);
                    for (double value : BAD) {
                        for (int position = 0; position < 4; position++) {
                            check(tier, type, opt, value, position, rnd);
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(72 * 2 * tiers().size(), cases);
    }

    private static void check(String tier, DataType type, BaseOptimizer opt, double value,
            int position, Random rnd) {
        double[] start = new double[N];
        for (int i = 0; i < N; i++) {
            start[i] = rnd.nextGaussian();
        }
        double[][] g = gradients(rnd);
        String where = tier + " " + type + " " + opt.kind() + " " + value + " at " + position;
        INDArray clean = Nd4j.createFromArray(start).castTo(type);
        INDArray dirty = clean.dup();
        OptimizerState cs = init(tier, opt, clean);
        OptimizerState ds = init(tier, opt, dirty);
        for (int k = 0; k < BEFORE + AFTER; k++) {
            INDArray gk = Nd4j.createFromArray(g[k]).castTo(type);
            if (k == BEFORE) {
                INDArray before = dirty.dup();
                opt.step(dirty, Nd4j.createFromArray(bad(g[k], value, position)).castTo(type), ds);
                assertArrayEquals(before.data().asDouble(), dirty.data().asDouble(), 0.0, where);
                assertEquals(BEFORE, ds.step(), where);
                assertEquals(1, ds.skippedSteps(), where);
                assertEquals(1, ds.consecutiveSkippedSteps(), where);
            }
            opt.step(clean, gk, cs);
            opt.step(dirty, gk, ds);
        }
        assertEquals(0, ds.consecutiveSkippedSteps(), where);
        assertEquals(1, ds.skippedSteps(), where);
        assertEquals(cs.step(), ds.step(), where);
        assertArrayEquals(clean.data().asDouble(), dirty.data().asDouble(), 0.0, where);
        for (int b = 0; b < cs.bufferCount(); b++) {
            double[] values = ds.bufferValues(b);
            assertArrayEquals(cs.bufferValues(b), values, 0.0, where);
            for (double v : values) {
                assertTrue(Double.isFinite(v), where);
            }
        }
    }

    @Test
    void theDoubleArrayPathSkipsToo() {
        Random rnd = new Random(5);
        for (IntFunction<BaseOptimizer> make : optimizers()) {
            BaseOptimizer opt = make.apply(2);
            for (double value : BAD) {
                for (int position = 0; position < 4; position++) {
                    double[][] g = gradients(rnd);
                    double[] clean = new double[N];
                    for (int i = 0; i < N; i++) {
                        clean[i] = rnd.nextGaussian();
                    }
                    double[] dirty = clean.clone();
                    OptimizerState cs = opt.init(clean);
                    OptimizerState ds = opt.init(dirty);
                    for (int k = 0; k < BEFORE + AFTER; k++) {
                        if (k == BEFORE) {
                            opt.step(dirty, bad(g[k], value, position), ds);
                        }
                        opt.step(clean, g[k], cs);
                        opt.step(dirty, g[k], ds);
                    }
                    String where = opt.kind() + " " + value + " at " + position;
                    assertArrayEquals(clean, dirty, 0.0, where);
                    assertEquals(1, ds.skippedSteps(), where);
                    for (int b = 0; b < cs.bufferCount(); b++) {
                        assertArrayEquals(cs.bufferValues(b), ds.bufferValues(b), 0.0, where);
                    }
                }
            }
        }
    }

    @Test
    void byDefaultANonFiniteGradientPropagates() {
        for (String tier : tiers()) {
            for (IntFunction<BaseOptimizer> make : optimizers()) {
                BaseOptimizer opt = make.apply(0);
                assertEquals(0, opt.skipNonFinite());
                INDArray p = Nd4j.ones(DataType.DOUBLE, 4);
                OptimizerState s = init(tier, opt, p);
                opt.step(p, Nd4j.createFromArray(1.0, Double.NaN, 1.0, 1.0), s);
                assertTrue(Double.isNaN(p.getDouble(1)), tier + " " + opt.kind());
                assertEquals(1, s.step());
                assertEquals(0, s.skippedSteps());
            }
        }
    }

    @Test
    void anUpdateThatOverflowsIsSkippedThoughTheGradientIsFinite() {
        for (String tier : tiers()) {
            // float32: (1−β2)·g·g = 1e41 overflows, so v would become +∞.
            Adam adam = Adam.builder().skipNonFinite(1).build();
            INDArray p = Nd4j.ones(DataType.FLOAT, 20);
            OptimizerState s = init(tier, adam, p);
            INDArray g = Nd4j.ones(DataType.FLOAT, 20).muli(1e22f);
            adam.step(p, g, s);
            assertEquals(1, s.skippedSteps(), tier);
            assertEquals(0, s.step(), tier);
            assertArrayEquals(new double[20], s.bufferValues(1), 0.0, tier);
        }
    }

    @Test
    void clippingByValueMakesAnInfiniteGradientFinite() {
        // The check looks at the gradient after preparation: clamp(+∞) = c is applied.
        Sgd sgd = Sgd.builder().learningRate(0.5).clipping(Clipping.byValue(1.0)).skipNonFinite(1)
                .build();
        double[] p = {0.0, 0.0};
        OptimizerState s = sgd.init(p);
        sgd.step(p, new double[] {Double.POSITIVE_INFINITY, 1.0}, s);
        assertArrayEquals(new double[] {-0.5, -0.5}, p, 0.0);
        assertEquals(0, s.skippedSteps());
    }

    @Test
    void moreThanTheLimitInARowFailsNamingIt() {
        for (String tier : tiers()) {
            RmsProp opt = RmsProp.builder().skipNonFinite(3).build();
            INDArray p = Nd4j.ones(DataType.DOUBLE, 5);
            OptimizerState s = init(tier, opt, p);
            INDArray nan = Nd4j.valueArrayOf(new long[] {5}, Double.NaN, DataType.DOUBLE);
            INDArray fine = Nd4j.ones(DataType.DOUBLE, 5);
            opt.step(p, fine, s);
            double[] after1 = p.data().asDouble();
            for (int k = 0; k < 3; k++) {
                opt.step(p, nan, s);
            }
            assertEquals(3, s.consecutiveSkippedSteps());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> opt.step(p, nan, s));
            assertTrue(e.getMessage().contains("3 consecutive") && e.getMessage()
                    .contains("skipNonFinite(3)"), e.getMessage());
            assertArrayEquals(after1, p.data().asDouble(), 0.0);
            assertEquals(3, s.skippedSteps());
            assertEquals(1, s.step());
            // A finite step resets the run of skips.
            opt.step(p, fine, s);
            assertEquals(2, s.step());
            assertEquals(0, s.consecutiveSkippedSteps());
            assertEquals(3, s.skippedSteps());
        }
    }

    @Test
    void theLimitMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Adam.builder().skipNonFinite(0));
        assertEquals("skipNonFinite maxConsecutive must be >= 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sgd.builder().skipNonFinite(-4));
        assertTrue(Adam.builder().skipNonFinite(2).build().toString().contains("skipNonFinite=2"));
    }

    @Test
    void skipCountersAreSavedAndRestored() throws Exception {
        Adam adam = Adam.builder().skipNonFinite(5).build();
        INDArray p = Nd4j.ones(DataType.FLOAT, 3);
        OptimizerState s = adam.init(p);
        adam.step(p, Nd4j.ones(DataType.FLOAT, 3), s);
        adam.step(p, Nd4j.valueArrayOf(new long[] {3}, Float.NaN, DataType.FLOAT), s);
        adam.step(p, Nd4j.valueArrayOf(new long[] {3}, Float.NaN, DataType.FLOAT), s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.save(out);
        OptimizerState r = adam.restore(new ByteArrayInputStream(out.toByteArray()), p);
        assertEquals(1, r.step());
        assertEquals(2, r.skippedSteps());
        assertEquals(2, r.consecutiveSkippedSteps());
        assertFalse(r.toString().isEmpty());
    }

    @Test
    void aStateSavedInFormatOneStillReads() throws Exception {
        Sgd sgd = Sgd.of(0.1);
        double[] p = {1, 2};
        OptimizerState s = sgd.init(p);
        sgd.step(p, new double[] {1, 1}, s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.save(out);
        byte[] v2 = out.toByteArray();
        // Format 1 has no skip counters: drop the 16 bytes after the step, set version 1.
        int stepAt = 8 + 4 + (2 + "sgd".length()) + (2 + "DOUBLE".length()) + 4 + 8;
        ByteBuffer v1 = ByteBuffer.allocate(v2.length - 16);
        v1.put(v2, 0, stepAt + 8).put(v2, stepAt + 24, v2.length - 8 - stepAt - 24);
        v1.putInt(8, 1);
        CRC32 crc = new CRC32();
        crc.update(v1.array(), 0, v1.position());
        v1.putLong(crc.getValue());
        OptimizerState r = OptimizerState.read(new ByteArrayInputStream(v1.array()), sgd, 2);
        assertEquals(1, r.step());
        assertEquals(0, r.skippedSteps());
    }
}
