package dev.optim.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Loss;
import dev.optim.losses.yolo.YoloGrid;
import dev.optim.losses.yolo.YoloLoss;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A loss's gradient output that shares memory with its predictions or targets (the same array,
 * or an intersecting view of one buffer) is refused before anything is written; separate views of
 * one buffer are fine.
 */
class LossAliasingTest {

    private static void assertRefused(Loss loss, INDArray p, INDArray t, INDArray g,
            String input) {
        double[] pBefore = p.dup().reshape(p.length()).toDoubleVector();
        double[] tBefore = t.dup().reshape(t.length()).toDoubleVector();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.valueAndGradient(p, t, g));
        assertTrue(e.getMessage().contains("gradient and " + input + " must not share memory"),
                e.getMessage());
        assertArrayEquals(pBefore, p.dup().reshape(p.length()).toDoubleVector(), "predictions written");
        assertArrayEquals(tBefore, t.dup().reshape(t.length()).toDoubleVector(), "targets written");
    }

    /** The case: L2 mean of p = [1, 2], t = [0, 4] is 2.5; gradient into t is refused. */
    @Test
    void l2GradientIntoAnInputIsRefused() {
        for (Loss loss : List.of(L2Loss.mean(), L2Loss.sum(),
                L2Loss.withWeights(new double[] {1, 2}, dev.optim.core.Reduction.MEAN))) {
            INDArray p = Nd4j.createFromArray(1.0, 2.0);
            INDArray t = Nd4j.createFromArray(0.0, 4.0);
            assertRefused(loss, p, t, t, "targets");
            assertRefused(loss, p, t, p, "predictions");
            // A view of the targets' memory.
            INDArray buf = Nd4j.createFromArray(1.0, 2.0, 0.0, 4.0);
            INDArray pv = buf.get(NDArrayIndex.interval(0, 2));
            INDArray tv = buf.get(NDArrayIndex.interval(2, 4));
            INDArray gv = buf.get(NDArrayIndex.interval(1, 3));
            assertRefused(loss, pv, tv, gv, "predictions");
            INDArray gt = buf.get(NDArrayIndex.interval(2, 4));
            assertRefused(loss, pv, tv, gt, "targets");
        }
        // Disjoint views of one buffer are fine and give the right answer.
        INDArray buf = Nd4j.createFromArray(1.0, 2.0, 0.0, 4.0, 9.0, 9.0);
        INDArray g = buf.get(NDArrayIndex.interval(4, 6));
        double v = L2Loss.mean().valueAndGradient(buf.get(NDArrayIndex.interval(0, 2)),
                buf.get(NDArrayIndex.interval(2, 4)), g);
        assertEquals(2.5, v, 0);
        assertArrayEquals(new double[] {1, -2}, g.toDoubleVector(), 0);
        assertArrayEquals(new double[] {1, 2, 0, 4}, buf.get(NDArrayIndex.interval(0, 4))
                .toDoubleVector(), 0);
    }

    @Test
    void yoloGradientIntoAnInputIsRefused() {
        YoloGrid grid = new YoloGrid(2, 1, 1);
        YoloLoss loss = YoloLoss.of(grid);
        INDArray p = Nd4j.rand(DataType.DOUBLE, 1, 2, 2, 6);
        INDArray t = Nd4j.zeros(DataType.DOUBLE, 1, 2, 2, 6);
        assertRefused(loss, p, t, p, "predictions");
        assertRefused(loss, p, t, t, "targets");
    }

    /** A model objective's gradient written into its parameters is refused too. */
    @Test
    void objectiveGradientIntoItsParametersIsRefused() {
        ModelObjective o = ModelObjective.l2(
                Nd4j.createFromArray(new double[][] {{1}, {2}}), Nd4j.createFromArray(1.0, 3.0));
        INDArray theta = Nd4j.createFromArray(0.5, 0.25);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> o.evaluate(theta, theta));
        assertTrue(e.getMessage().contains("params and gradient must not share memory"),
                e.getMessage());
        assertArrayEquals(new double[] {0.5, 0.25}, theta.toDoubleVector(), 0);
        double[] t = {0.5, 0.25};
        assertThrows(IllegalArgumentException.class, () -> o.evaluate(t, t));
        assertArrayEquals(new double[] {0.5, 0.25}, t, 0);
    }
}
