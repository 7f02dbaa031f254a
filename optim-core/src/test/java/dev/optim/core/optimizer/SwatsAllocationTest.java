package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.optim.core.OptimizerState;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Once warm, a SWATS step allocates nothing, in its Adam phase and after the switch to SGD, on
 * float32 and float64 INDArrays (a row-major view with an offset included) and on
 * {@code double[]}: the bytes this thread allocates over rounds of steps, counted by the JVM,
 * until a round counts zero, within a generous limit. No time is measured. That the results did
 * not change is {@code CatalogueHashPinTest}'s.
 */
class SwatsAllocationTest {

    private static final int STEPS = 2000;
    private static final long LIMIT_NANOS = 30_000_000_000L;

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

    @Test
    void aWarmSwatsStepAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        // A tolerance that never switches, and one that switches within the first steps.
        for (Swats swats : new Swats[] {Swats.builder().switchTolerance(1e-300).build(),
                Swats.builder().learningRate(0.01).switchTolerance(1e3).build()}) {
            boolean switching = swats.switchTolerance() > 1;
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                INDArray matrix = Nd4j.rand(type, 4, 257).subi(0.5);
                INDArray p = matrix.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                        org.nd4j.linalg.indexing.NDArrayIndex.all());
                INDArray g = Nd4j.rand(type, 2, 257).subi(0.5).muli(1e-3);
                INDArray params = p;
                OptimizerState s = swats.init(params);
                swats.step(params, g, s);
                swats.step(params, g, s);
                double bytes = bytesPerStep(threads, () -> swats.step(params, g, s));
                String where = swats + " " + type;
                assertTrue(bytes < 1, where + ": " + bytes + " B/step");
                assertTrue(switching == (Swats.switchStep(s) > 0), where);
            }
            double[] x = new double[300];
            double[] gx = new double[300];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.sin(i);
                gx[i] = 1e-3 * Math.cos(i);
            }
            OptimizerState s = swats.init(x);
            double bytes = bytesPerStep(threads, () -> swats.step(x, gx, s));
            assertTrue(bytes < 1, "double[] " + swats + ": " + bytes + " B/step");
        }
    }

    /**
     * The allocation-free path reads and writes views in place as the copying path did: rows
     * of a row-major matrix (an offset view), a column-major array (through copies) and a
     * run on a {@code double[]} copy (float64) give the same bits, and the rows around the view
     * are untouched.
     */
    @Test
    void viewsAndOrdersGiveTheBitsOfTheArrayPath() {
        Swats swats = Swats.builder().learningRate(0.01).switchTolerance(1e-2).build();
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray matrix = Nd4j.rand(type, 4, 9).subi(0.5);
            INDArray before = matrix.dup();
            INDArray rows = matrix.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            INDArray fOrder = rows.dup('f');
            INDArray g = Nd4j.rand(type, 2, 9).subi(0.5);
            double[] gx = g.dup('c').data().asDouble();
            OptimizerState sv = swats.init(rows);
            OptimizerState sf = swats.init(fOrder);
            for (int k = 0; k < 6; k++) {
                swats.step(rows, g, sv);
                swats.step(fOrder, g.dup('f'), sf);
            }
            assertTrue(Swats.switchStep(sv) > 0, "switched");
            assertTrue(rows.equals(fOrder), type + " view vs 'f' order");
            for (int r : new int[] {0, 3}) {
                assertTrue(before.getRow(r).equals(matrix.getRow(r)), "row " + r + " untouched");
            }
            if (type == DataType.DOUBLE) {
                double[] y = before.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c').data().asDouble();
                OptimizerState sp = swats.init(y);
                for (int k = 0; k < 6; k++) {
                    swats.step(y, gx, sp);
                }
                org.junit.jupiter.api.Assertions.assertArrayEquals(y,
                        rows.dup('c').data().asDouble(), 0.0, "view vs double[]");
            }
        }
    }
}
