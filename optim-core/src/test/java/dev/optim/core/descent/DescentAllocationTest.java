package dev.optim.core.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optim.core.optimizer.Adam;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A warm descent step allocates nothing on the calling thread: on {@code double[]}, and on
 * float32 INDArrays (the host path), with every row recorded (the trajectory at its limit). The
 * bytes are counted by the JVM between two steps of one run, from a listener; rounds repeat
 * until one counts zero (the JIT's escape analysis settles), within a generous time limit. No
 * time is measured.
 */
class DescentAllocationTest {

    private static final long WARM = 20_000;
    private static final long WINDOW = 100_000;
    private static final long LIMIT_NANOS = 60_000_000_000L;

    /** The fewest bytes per step in the window over rounds, until a round of zero. */
    private static double bytesPerStep(Supplier<DescentResult> run, long[] marks) {
        double best = Double.POSITIVE_INFINITY;
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (best > 0 && System.nanoTime() < deadline) {
            DescentResult r = run.get();
            assertEquals(StopReason.MAX_STEPS, r.reason(), r.toString());
            best = Math.min(best, (marks[1] - marks[0]) / (double) WINDOW);
        }
        return best;
    }

    @Test
    void aWarmDescentStepAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        long[] marks = new long[2];
        DescentListener meter = (step, loss, lr, gn) -> {
            if (step == WARM) {
                marks[0] = threads.getCurrentThreadAllocatedBytes();
            } else if (step == WARM + WINDOW) {
                marks[1] = threads.getCurrentThreadAllocatedBytes();
            }
        };
        Descent d = Descent.builder(Adam.builder().learningRate(0.01).build())
                .maxSteps(WARM + WINDOW).listener(meter).build();
        double plain = bytesPerStep(
                () -> d.run(DescentStartTest.ROSENBROCK, new double[] {0, 0}), marks);
        assertTrue(plain < 1, "double[] descent: " + plain + " B/step");
        double f32 = bytesPerStep(() -> d.run(DescentStartTest.ROSENBROCK,
                Nd4j.zeros(DataType.FLOAT, 2)), marks);
        assertTrue(f32 < 1, "float32 INDArray descent: " + f32 + " B/step");
    }
}
