package dev.optim.core.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optim.core.ArrayObjective;
import dev.optim.core.optimizer.Sgd;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The trajectory of a long run stays within its row limit: thinned evenly, the first, last and
 * stop rows kept, steps strictly increasing, and no size arithmetic overflows.
 */
class BoundedRecordingTest {

    private static void assertWellFormed(Trajectory t, int limit, long lastStep) {
        assertTrue(t.size() <= limit, t.size() + " rows > limit " + limit);
        assertTrue(t.size() >= limit / 2 - 1, "thinned too far: " + t.size() + " rows");
        assertEquals(0, t.step(0), "the first row is the start");
        assertEquals(lastStep, t.step(t.size() - 1), "the last row is the stop row");
        for (int r = 1; r < t.size(); r++) {
            assertTrue(t.step(r) > t.step(r - 1), "steps not increasing at row " + r);
        }
    }

    /** 10 million steps on 2-D (the double[] path): rows and allocated memory bounded. */
    @Test
    void tenMillionStepsKeepMemoryBounded() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        long steps = 10_000_000;
        Descent d = Descent.builder(Sgd.of(1e-7)).maxSteps(steps).build();
        long before = threads.getCurrentThreadAllocatedBytes();
        DescentResult r = d.run(new Quadratic(1, 2), new double[] {1, 1});
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(StopReason.MAX_STEPS, r.reason());
        Trajectory t = r.trajectory();
        assertWellFormed(t, Descent.DEFAULT_RECORD_LIMIT, steps);
        // The rows kept are multiples of one power of two, and row k's values are step k's.
        long stride = t.step(1);
        assertEquals(0, Long.bitCount(stride) - 1, "stride " + stride + " not a power of two");
        for (int row = 1; row < t.size() - 1; row++) {
            assertEquals(row * stride, t.step(row));
        }
        assertTrue(bytes < 16_000_000, "a 10M-step run allocated " + bytes + " bytes");
    }

    /** Thinning with recordEvery, a diverged run's offending row, and a small limit. */
    @Test
    void theStopRowOfADivergedRunIsKept() {
        // x_k = (1 − η)^k; the objective is NaN once x < 1e-3 (after about 13 800 updates).
        ArrayObjective cliff = new ArrayObjective() {
            @Override
            public long dimension() {
                return 1;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                g[0] = x[0];
                return x[0] < 1e-3 ? Double.NaN : 0.5 * x[0] * x[0];
            }
        };
        for (int every : new int[] {1, 3, 7}) {
            for (int limit : new int[] {2, 3, 10, 100}) {
                DescentResult r = Descent.builder(Sgd.of(5e-4)).maxSteps(1_000_000)
                        .recordEvery(every).recordLimit(limit).divergenceFactor(0).build()
                        .run(cliff, new double[] {1});
                assertEquals(StopReason.DIVERGED, r.reason());
                Trajectory t = r.trajectory();
                assertTrue(t.size() <= limit, t.size() + " > " + limit);
                assertEquals(0, t.step(0));
                assertEquals(r.divergedAtStep(), t.step(t.size() - 1));
                assertTrue(Double.isNaN(t.loss(t.size() - 1)));
                for (int row = 1; row < t.size(); row++) {
                    assertTrue(t.step(row) > t.step(row - 1));
                }
                for (int row = 1; row < t.size() - 1; row++) {
                    assertEquals(0, t.step(row) % every, "row " + row + " off recordEvery");
                }
            }
        }
    }

    @Test
    void aSmallRunKeepsEveryRow() {
        DescentResult r = Descent.builder(Sgd.of(0.01)).maxSteps(5000).build()
                .run(new Quadratic(1, 2), new double[] {1, 1});
        assertEquals(5001, r.trajectory().size());
        for (int row = 0; row <= 5000; row++) {
            assertEquals(row, r.trajectory().step(row));
        }
    }

    /**
     * The size arithmetic of a table of many parameters, on a small fake bound: the row limit
     * is lowered so that rows × dimension fits, and a long run stays within it (before, the
     * capacity × dimension product overflowed into a NegativeArraySizeException).
     */
    @Test
    void theParameterTableNeverOverflows() {
        int max = Trajectory.Recorder.MAX_ARRAY;
        assertEquals(10_000, Trajectory.Recorder.rowLimit(1024, 10_000, max));
        assertEquals(max / (1 << 20), Trajectory.Recorder.rowLimit(1 << 20, 10_000, max));
        assertEquals(2, Trajectory.Recorder.rowLimit(max / 2, 10_000, max));
        assertEquals(max, Trajectory.Recorder.rowLimit(0, Integer.MAX_VALUE, max));
        assertThrows(IllegalArgumentException.class,
                () -> Trajectory.Recorder.rowLimit(max / 2 + 1, 10_000, max));
        assertThrows(IllegalArgumentException.class,
                () -> Trajectory.Recorder.rowLimit(2, 1, max));

        // 1024 parameters, 1.1 million steps, a fake bound of 64 rows' worth of values.
        int dim = 1024;
        Trajectory.Recorder rec = new Trajectory.Recorder(dim, Integer.MAX_VALUE, 1, 64L * dim);
        assertEquals(64, rec.limit());
        double[] row = new double[dim];
        Trajectory.RowSource source = (dst, offset) -> System.arraycopy(row, 0, dst, offset, dim);
        long steps = 1_100_000;
        for (long k = 0; k <= steps; k++) {
            row[0] = k;
            rec.add(k, k, 0.1, source);
        }
        rec.addFinal(steps, steps, 0.1, source);
        Trajectory t = rec.build();
        assertWellFormed(t, 64, steps);
        for (int r = 0; r < t.size(); r++) {
            assertEquals((double) t.step(r), t.param(r, 0), "row " + r + " holds another step");
        }
    }

    @Test
    void writeCsvRefusesNull() {
        Trajectory t = Descent.builder(Sgd.of(0.1)).maxSteps(2).build()
                .run(new Quadratic(1), new double[] {1}).trajectory();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.writeCsv(null));
        assertEquals("out must not be null", e.getMessage());
    }

    @Test
    void recordLimitIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Descent.builder(Sgd.of(0.1)).recordLimit(1));
        assertTrue(e.getMessage().contains("recordLimit must be >= 2"), e.getMessage());
    }
}
