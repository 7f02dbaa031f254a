package dev.optim.core.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Once warm, a step on the host tiers and on {@code double[]} allocates nothing: the bytes this
 * thread allocates over a few thousand steps, counted by the JVM. Warm-up is repeated until the
 * count settles (SIMD code allocates until C2 has compiled it), within a generous time limit; no
 * time is measured.
 */
class KernelAllocationTest {

    private static final int STEPS = 2000;
    private static final long LIMIT_NANOS = 30_000_000_000L;

    /** The fewest bytes per step over rounds of {@link #STEPS} steps, until a round of zero. */
    private static double bytesPerStep(com.sun.management.ThreadMXBean threads, Runnable step) {
        double best = Double.POSITIVE_INFINITY;
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (best > 0 && System.nanoTime() < deadline) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < STEPS; k++) {
                step.run();
            }
            best = Math.min(best, (threads.getCurrentThreadAllocatedBytes() - before)
                    / (double) STEPS);
        }
        return best;
    }

    private static List<BaseOptimizer> optimizers() {
        List<BaseOptimizer> all = new ArrayList<>(KernelTierTest.optimizers().subList(0, 6));
        all.add(Adam.builder().clipping(Clipping.byGlobalNorm(0.5)).decoupledWeightDecay(0.01)
                .build());
        all.add(Momentum.builder().clipping(Clipping.byValue(0.1)).weightDecay(0.01).build());
        return all;
    }

    @Test
    void aWarmStepAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        List<String> tiers = new ArrayList<>(KernelTierTest.tiers());
        tiers.remove("nd4j"); // ND4J's ops allocate their op objects (no INDArray) per call.
        for (BaseOptimizer opt : optimizers()) {
            for (String tier : tiers) {
                for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                    INDArray p = Nd4j.rand(type, 1, 1001);
                    INDArray g = Nd4j.rand(type, 1, 1001).subi(0.5);
                    OptimizerState s = KernelTierTest.onTier(tier, () -> opt.init(p));
                    double bytes = bytesPerStep(threads, () -> opt.step(p, g, s));
                    assertTrue(bytes < 1, tier + " " + type + " " + opt + ": " + bytes + " B/step");
                }
            }
            double[] x = {0.5, -0.25};
            double[] gx = {0.1, -0.3};
            OptimizerState s = opt.init(x);
            double bytes = bytesPerStep(threads, () -> opt.step(x, gx, s));
            assertTrue(bytes < 1, "double[] " + opt + ": " + bytes + " B/step");
        }
    }
}
