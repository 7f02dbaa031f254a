package dev.optim.losses.yolo;

import static dev.optim.losses.TestSupport.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optim.core.Reduction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The grid, the boxes, the loss's configuration and its inputs: defaults and bad input. */
class YoloValidationTest {

    @Test
    void gridDefaultsAndLayout() {
        assertEquals(new YoloGrid(7, 2, 20), YoloGrid.DEFAULT);
        assertEquals(30, YoloGrid.DEFAULT.predictionDepth());
        assertEquals(25, YoloGrid.DEFAULT.targetDepth());
        assertArrayEquals(new long[] {4, 7, 7, 30}, YoloGrid.DEFAULT.predictionShape(4));
        assertArrayEquals(new long[] {4, 7, 7, 25}, YoloGrid.DEFAULT.targetShape(4));
        assertMessage(() -> new YoloGrid(0, 2, 20), "gridSize must be in [1, 1024], got 0");
        assertMessage(() -> new YoloGrid(7, 0, 20), "boxesPerCell must be in [1, 64], got 0");
        assertMessage(() -> new YoloGrid(7, 2, -1), "classes must be in [1, 100000], got -1");
        assertMessage(() -> YoloGrid.DEFAULT.predictionShape(0), "n must be >= 1, got 0");
    }

    @Test
    void lossDefaults() {
        YoloLoss loss = YoloLoss.builder().build();
        assertEquals(YoloGrid.DEFAULT, loss.grid());
        assertEquals(5.0, loss.lambdaCoord());
        assertEquals(0.5, loss.lambdaNoobj());
        assertEquals(YoloLoss.ConfidenceTarget.IOU, loss.confidenceTarget());
        assertEquals(YoloLoss.SizeMode.WIDTH_HEIGHT, loss.sizeMode());
        assertEquals(1e-4, loss.sizeFloor());
        assertEquals(Reduction.MEAN, loss.reduction());
        assertEquals(5.0, YoloLoss.DEFAULT_LAMBDA_COORD);
        assertEquals(0.5, YoloLoss.DEFAULT_LAMBDA_NOOBJ);
        assertEquals(loss.toString(), YoloLoss.of(YoloGrid.DEFAULT).toString());
    }

    @Test
    void boxesOutsideTheImageOrWithoutSizeAreRefused() {
        assertMessage(() -> new GroundTruthBox(-1, 0.5, 0.5, 0.1, 0.1), "classId must be >= 0, got -1");
        assertMessage(() -> new GroundTruthBox(0, 1.2, 0.5, 0.1, 0.1), "cx must be in [0, 1], got 1.2");
        assertMessage(() -> new GroundTruthBox(0, 0.5, -0.1, 0.1, 0.1), "cy must be in [0, 1], got -0.1");
        assertMessage(() -> new GroundTruthBox(0, 0.5, Double.NaN, 0.1, 0.1), "cy must be in [0, 1], got NaN");
        assertMessage(() -> new GroundTruthBox(0, 0.5, 0.5, 0, 0.1), "w must be in (0, 1], got 0.0");
        assertMessage(() -> new GroundTruthBox(0, 0.5, 0.5, 0.1, -0.2), "h must be in (0, 1], got -0.2");
        assertMessage(() -> new GroundTruthBox(0, 0.5, 0.5, 1.5, 0.1), "w must be in (0, 1], got 1.5");
        assertMessage(() -> new GroundTruthBox(0, 0.9, 0.5, 0.4, 0.1),
                "box must lie inside the image: x range [cx - w/2, cx + w/2] = [0.7, 1.1] is not within [0, 1]");
        assertMessage(() -> new GroundTruthBox(0, 0.5, 0.05, 0.1, 0.2),
                "box must lie inside the image: y range [cy - h/2, cy + h/2]");
        // rounding at the edge is tolerated
        assertEquals(0.2 + 1e-7, new GroundTruthBox(0, 0.1, 0.5, 0.2 + 1e-7, 0.1).w());
        assertEquals(0.02, new GroundTruthBox(0, 0.5, 0.5, 0.2, 0.1).area(), 1e-17);
    }

    @Test
    void builderRefusesBadSettings() {
        assertMessage(() -> YoloLoss.builder(null), "grid must not be null");
        assertMessage(() -> YoloLoss.of(null), "grid must not be null");
        assertMessage(() -> YoloLoss.builder().lambdaCoord(-1), "lambdaCoord must be finite and >= 0, got -1.0");
        assertMessage(() -> YoloLoss.builder().lambdaCoord(Double.NaN), "lambdaCoord must be finite and >= 0, got NaN");
        assertMessage(() -> YoloLoss.builder().lambdaNoobj(Double.POSITIVE_INFINITY), "lambdaNoobj must be finite and >= 0, got Infinity");
        assertMessage(() -> YoloLoss.builder().sizeFloor(0), "sizeFloor must be in (0, 1], got 0.0");
        assertMessage(() -> YoloLoss.builder().sizeFloor(2), "sizeFloor must be in (0, 1], got 2.0");
        assertMessage(() -> YoloLoss.builder().confidenceTarget(null), "confidenceTarget must be IOU or ONE, got null");
        assertMessage(() -> YoloLoss.builder().sizeMode(null), "sizeMode must be WIDTH_HEIGHT or SQRT_WIDTH_HEIGHT, got null");
        assertMessage(() -> YoloLoss.builder().reduction(null), "reduction must be MEAN or SUM, got null");
    }

    @Test
    void shapesAndTypesAreCheckedAndNamed() {
        YoloGrid grid = new YoloGrid(2, 2, 3);
        YoloLoss loss = YoloLoss.of(grid);
        INDArray p = Nd4j.zeros(DataType.DOUBLE, 2, 2, 2, 13);
        INDArray t = Nd4j.zeros(DataType.DOUBLE, 2, 2, 2, 8);
        assertEquals(0.0, loss.value(p, t));
        assertMessage(() -> loss.value(Nd4j.zeros(DataType.DOUBLE, 2, 2, 2, 12), t),
                "predictions must have shape [N, 2, 2, 13] (S = 2, B·5 + C = 2·5 + 3), got [2, 2, 2, 12]");
        assertMessage(() -> loss.value(Nd4j.zeros(DataType.DOUBLE, 2, 3, 3, 13), t),
                "predictions must have shape [N, 2, 2, 13]");
        assertMessage(() -> loss.value(Nd4j.zeros(DataType.DOUBLE, 2, 52), t),
                "predictions must have shape [N, 2, 2, 13] (S = 2, B·5 + C = 2·5 + 3), got [2, 52]");
        assertMessage(() -> loss.value(p, Nd4j.zeros(DataType.DOUBLE, 1, 2, 2, 8)),
                "targets must have shape [2, 2, 2, 8] for predictions [2, 2, 2, 13] (N, S, S, 5 + C), got [1, 2, 2, 8]");
        assertMessage(() -> loss.value(p, Nd4j.zeros(DataType.DOUBLE, 2, 2, 2, 13)),
                "targets must have shape [2, 2, 2, 8]");
        assertMessage(() -> loss.value(null, t), "predictions must not be null");
        assertMessage(() -> loss.value(p, null), "targets must not be null");
        assertMessage(() -> loss.value(Nd4j.zeros(DataType.INT, 2, 2, 2, 13), t), "predictions must be FLOAT or DOUBLE, got INT");
        assertMessage(() -> loss.valueAndGradient(p, t, Nd4j.zeros(DataType.DOUBLE, 1, 2, 2, 13)),
                "gradient must have the shape of predictions [2, 2, 2, 13], got [1, 2, 2, 13]");
        assertMessage(() -> loss.valueAndGradient(p, t, Nd4j.zeros(DataType.FLOAT, 2, 2, 2, 13)),
                "gradient must have the data type of predictions (DOUBLE), got FLOAT");
    }

    @Test
    void invalidTargetsAreRefusedWithTheirPosition() {
        YoloGrid grid = new YoloGrid(2, 2, 3);
        YoloLoss loss = YoloLoss.of(grid);
        INDArray p = Nd4j.zeros(DataType.DOUBLE, 1, 2, 2, 13);
        INDArray good = new YoloTargetEncoder(grid).encode(List.of(List.of(new GroundTruthBox(1, 0.75, 0.75, 0.2, 0.2))));
        assertEquals(1, good.getDouble(0, 1, 1, 4));
        INDArray t = good.dup();
        t.putScalar(new long[] {0, 0, 1, 4}, 0.5);
        assertMessage(() -> loss.value(p, t), "targets[0, 0, 1, 4] (the object indicator) must be 0 or 1, got 0.5");
        INDArray x = good.dup();
        x.putScalar(new long[] {0, 1, 1, 0}, 1.5);
        assertMessage(() -> loss.value(p, x), "targets[0, 1, 1, 0] (the centre's x, relative to the cell) must be in [0, 1], got 1.5");
        INDArray w = good.dup();
        w.putScalar(new long[] {0, 1, 1, 3}, 0.0);
        assertMessage(() -> loss.value(p, w), "targets[0, 1, 1, 3] (the height, relative to the image) must be in (0, 1], got 0.0");
        INDArray c = good.dup();
        c.putScalar(new long[] {0, 1, 1, 6}, Double.NaN);
        assertMessage(() -> loss.value(p, c), "targets[0, 1, 1, 6] (the target of class 1) must be finite, got NaN");
        // an empty cell's other entries are ignored
        INDArray ignored = good.dup();
        ignored.putScalar(new long[] {0, 0, 0, 2}, -7.0);
        assertEquals(loss.value(p, good), loss.value(p, ignored));
    }
}
