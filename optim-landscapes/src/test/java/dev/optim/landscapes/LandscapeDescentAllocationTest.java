package dev.optim.landscapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentListener;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.StopReason;
import dev.optim.core.optimizer.Adam;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A float32 descent on the catalogue's Rosenbrock, from an INDArray start, allocates nothing per
 * warm step (counted by the JVM between two steps of one run; rounds repeat until one counts
 * zero, within a time limit), and ends where the double[] run ends, to float32 precision.
 */
class LandscapeDescentAllocationTest {

    private static final long WARM = 20_000;
    private static final long WINDOW = 100_000;

    @Test
    void float32RosenbrockDescentAllocatesNothingPerStep() {
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
        Landscape rosenbrock = Landscapes.rosenbrock(2);
        Descent d = Descent.builder(Adam.builder().learningRate(0.01).build())
                .maxSteps(WARM + WINDOW).listener(meter).build();
        double best = Double.POSITIVE_INFINITY;
        long deadline = System.nanoTime() + 60_000_000_000L;
        DescentResult r = null;
        while (best > 0 && System.nanoTime() < deadline) {
            r = d.run(rosenbrock, Nd4j.zeros(DataType.FLOAT, 2));
            assertEquals(StopReason.MAX_STEPS, r.reason());
            best = Math.min(best, (marks[1] - marks[0]) / (double) WINDOW);
        }
        assertTrue(best < 1, "float32 Rosenbrock descent: " + best + " B/step");
        double[] plain = d.run(rosenbrock, new double[] {0, 0}).parameters();
        assertEquals(1.0, plain[0], 1e-3);
        assertEquals(plain[0], r.parameters()[0], 1e-3);
        assertEquals(plain[1], r.parameters()[1], 1e-3);
    }
}
