package dev.optim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.optim.core.kernel.Kernel;
import dev.optim.core.kernel.Kernels;
import dev.optim.core.kernel.Scratch;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The kernel contract that a multi-threaded driver relies on: a step run as disjoint ranges on
 * two threads, each with its own {@link Scratch}, gives the bits of one pass, on every host
 * tier, for every rule, with and without a gradient preparation; the ND4J-ops tier refuses a
 * proper sub-range.
 */
class KernelRangeTest {

    private static final int N = 2 * Kernel.CHUNK + 77;
    private static final long[][] SPLITS = {{0, 1, 100, 517, N}, {0, 3, 64, 700, N},
            {0, N / 2, N}};

    static List<BaseOptimizer> optimizers() {
        return List.of(Sgd.of(0.05),
                Momentum.builder().learningRate(0.03).form(Momentum.Form.EMA).build(),
                Momentum.builder().learningRate(0.03).form(Momentum.Form.HEAVY_BALL).build(),
                Momentum.builder().learningRate(0.03).form(Momentum.Form.NESTEROV).build(),
                RmsProp.builder().learningRate(0.01).build(),
                Adam.builder().learningRate(0.02).build());
    }

    private static List<String> tiers() {
        List<String> tiers = new ArrayList<>(List.of("plain", "nd4j"));
        if (Kernels.simdAvailable()) {
            tiers.add("simd");
        }
        return tiers;
    }

    private static OptimizerState init(String tier, BaseOptimizer opt, INDArray p) {
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

    @Test
    void rangesOnTwoThreadsEqualOnePass() throws Exception {
        Random rnd = new Random(11);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String tier : tiers()) {
                for (BaseOptimizer opt : optimizers()) {
                    for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                        for (int prep = 0; prep < 3; prep++) {
                            check(tier, opt, type, prep, rnd, pool);
                        }
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void check(String tier, BaseOptimizer opt, DataType type, int prep, Random rnd,
            ExecutorService pool) throws Exception {
        INDArray p0 = Nd4j.randn(type, 1, N);
        INDArray g0 = Nd4j.randn(type, 1, N).muli(0.5);
        INDArray g = Nd4j.randn(type, 1, N).muli(2.0);
        INDArray one = p0.dup();
        INDArray split = p0.dup();
        OptimizerState s1 = init(tier, opt, one);
        OptimizerState s2 = init(tier, opt, split);
        // A first ordinary step gives the state non-zero moments.
        opt.step(one, g0, s1);
        opt.step(split, g0, s2);
        double clip = prep == 1 ? 0.7 : Double.POSITIVE_INFINITY;
        double coupled = prep == 2 ? 0.1 : 0.0;
        double decay = prep == 2 ? 0.99 : 1.0;
        Kernel k1 = s1.kernel();
        Kernel k2 = s2.kernel();
        k1.bind(one, g);
        k1.prepare(clip, 1.0, coupled, decay);
        k1.rule().begin(0.01, 2);
        k1.run();
        k1.finish();
        k2.bind(split, g);
        k2.prepare(clip, 1.0, coupled, decay);
        k2.rule().begin(0.01, 2);
        String where = tier + " " + opt + " " + type + " prep " + prep;
        if (k2.tier().equals("nd4j")) {
            assertThrows(IllegalArgumentException.class, () -> k2.run(0, 5, new Scratch()), where);
            return;
        }
        long[] cuts = SPLITS[rnd.nextInt(SPLITS.length)];
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r + 1 < cuts.length; r++) {
            long from = cuts[r];
            long to = cuts[r + 1];
            done.add(pool.submit(() -> k2.run(from, to, new Scratch())));
        }
        for (Future<?> f : done) {
            f.get();
        }
        k2.finish();
        assertArrayEquals(one.data().asDouble(), split.data().asDouble(), 0.0, where);
        assertEquals(s1.bufferCount(), s2.bufferCount());
        for (int b = 0; b < s1.bufferCount(); b++) {
            assertArrayEquals(s1.bufferValues(b), s2.bufferValues(b), 0.0, where);
        }
    }

    @Test
    void aRangeOutsideTheArraysIsRefused() {
        INDArray p = Nd4j.rand(DataType.FLOAT, 1, 10);
        OptimizerState s = init("plain", Sgd.of(0.1), p);
        Kernel k = s.kernel();
        assertThrows(IllegalArgumentException.class, () -> k.run(-1, 5, new Scratch()));
        assertThrows(IllegalArgumentException.class, () -> k.run(5, 11, new Scratch()));
        assertThrows(IllegalArgumentException.class, () -> k.run(6, 5, new Scratch()));
    }
}
