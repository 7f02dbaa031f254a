package dev.optim.nn.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.batch.BatchPlan;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.train.Trainer;
import dev.optim.core.train.TrainingResult;
import dev.optim.losses.yolo.Scene;
import dev.optim.losses.yolo.SyntheticScenes;
import dev.optim.losses.yolo.YoloGrid;
import dev.optim.losses.yolo.YoloLossTerms;
import dev.optim.nn.SameDiffObjective;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class DetectorTest {

    private static final YoloGrid GRID = new YoloGrid(4, 2, 2);

    /** The graph's loss equals YoloLoss on the network's own output (host computation). */
    @Test
    void graphLossEqualsTheHostLossOnTheOutput() {
        Detector det = Detector.builder(GRID, 32).channels(4, 8, 8).dataType(DataType.DOUBLE)
                .seed(3).build();
        List<Scene> scenes = new SyntheticScenes(32, 3, 4, 0.1, 1).scenes(0, 6);
        SameDiffObjective f = det.objective(scenes);
        INDArray theta = f.parameters();
        INDArray grad = theta.like();
        double value = f.evaluate(theta, grad);
        INDArray out = det.predict(det.images(scenes));
        assertArrayEquals(new long[] {6, 4, 4, 12}, out.shape());
        YoloLossTerms host = det.loss().terms(out, det.targets(scenes));
        assertEquals(host.total(), value, 1e-12 * host.total());
        assertTrue(grad.norm2Number().doubleValue() > 0);
    }

    /** A few Adam steps on a handful of scenes lower the training loss. */
    @Test
    void adamLowersTheLoss() {
        Detector det = Detector.builder(GRID, 32).channels(8, 16, 16).seed(1).build();
        List<Scene> scenes = new SyntheticScenes(32, 3, 4, 0.05, 2).scenes(0, 16);
        SameDiffObjective f = det.objective(scenes);
        double before = f.value(f.parameters());
        TrainingResult r = Trainer.builder(Adam.builder().learningRate(3e-3).build())
                .batchPlan(BatchPlan.of(8)).epochs(15).build().run(f, f.parameters());
        double after = f.value(f.parameters());
        assertTrue(after < 0.7 * before, "loss " + before + " -> " + after + " (" + r + ")");
    }

    @Test
    void refusesMisfits() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Detector.builder(GRID, 64).channels(8, 8).build());
        assertTrue(e.getMessage().contains("grid size 4 times 2^blocks, got 2 blocks"),
                e.getMessage());
        Detector det = Detector.builder(GRID, 32).channels(4, 4, 4).build();
        List<Scene> other = new SyntheticScenes(64, 1, 4, 0.1, 1).scenes(0, 1);
        e = assertThrows(IllegalArgumentException.class, () -> det.images(other));
        assertTrue(e.getMessage().contains("must be 32×32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> det.predict(org.nd4j.linalg.factory.Nd4j.zeros(1, 32, 32, 1)));
        assertTrue(e.getMessage().contains("[N, 32, 32, 3], got [1, 32, 32, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Detector.builder(GRID, 32)
                .loss(dev.optim.losses.yolo.YoloLoss.of(new YoloGrid(2, 2, 2))));
    }
}
