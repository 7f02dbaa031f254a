package dev.optim.losses.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class YoloDecoderTest {

    private static final YoloGrid GRID = new YoloGrid(2, 2, 3);

    /** Sets box j of cell (r, c) of image 0 and the cell's class scores. */
    private static void put(double[] p, int r, int c, int j, double[] box, double[] classes) {
        int base = (r * 2 + c) * GRID.predictionDepth();
        System.arraycopy(box, 0, p, base + 5 * j, 5);
        System.arraycopy(classes, 0, p, base + 10, 3);
    }

    private static INDArray of(double[] p) {
        return Nd4j.create(p, GRID.predictionShape(1), 'c');
    }

    @Test
    void decodesCoordinatesAndScores() {
        double[] p = new double[4 * GRID.predictionDepth()];
        put(p, 1, 0, 1, new double[] {0.5, 0.25, 0.2, 0.4, 0.8}, new double[] {0.1, 0.9, 0.3});
        var d = new YoloDecoder(GRID, YoloLoss.SizeMode.WIDTH_HEIGHT, 0.5, 0.5).decode(of(p));
        assertEquals(1, d.get(0).size());
        Detection x = d.get(0).get(0);
        assertEquals(1, x.classId());
        assertEquals(0.8 * 0.9, x.confidence(), 1e-15);
        assertEquals((0 + 0.5) / 2, x.cx(), 1e-15); // column 0
        assertEquals((1 + 0.25) / 2, x.cy(), 1e-15); // row 1
        assertEquals(0.2, x.w(), 1e-15);
        assertEquals(0.4, x.h(), 1e-15);
        // Square-root sizes are squared.
        var sq = new YoloDecoder(GRID, YoloLoss.SizeMode.SQRT_WIDTH_HEIGHT, 0.5, 0.5).decode(of(p));
        assertEquals(0.04, sq.get(0).get(0).w(), 1e-15);
        // Below the threshold: nothing.
        assertTrue(new YoloDecoder(GRID, YoloLoss.SizeMode.WIDTH_HEIGHT, 0.73, 0.5).decode(of(p))
                .get(0).isEmpty());
    }

    @Test
    void suppressesOverlapsOfOneClassOnly() {
        double[] p = new double[4 * GRID.predictionDepth()];
        // Cell (0, 0): two boxes of class 0, nearly the same; cell (0, 1): a class-2 box on them.
        put(p, 0, 0, 0, new double[] {0.5, 0.5, 0.3, 0.3, 0.9}, new double[] {1, 0, 0});
        put(p, 0, 0, 1, new double[] {0.55, 0.5, 0.3, 0.3, 0.7}, new double[] {1, 0, 0});
        put(p, 0, 1, 0, new double[] {-0.5, 0.5, 0.3, 0.3, 0.6}, new double[] {0, 0, 1});
        put(p, 0, 1, 1, new double[] {0.5, 0.5, -0.1, 0.3, 0.99}, new double[] {0, 0, 1});
        var d = new YoloDecoder(GRID, YoloLoss.SizeMode.WIDTH_HEIGHT, 0.1, 0.5).decode(of(p))
                .get(0);
        assertEquals(2, d.size(), d.toString()); // the negative width is dropped
        assertEquals(0.9, d.get(0).confidence(), 1e-15);
        assertEquals(0, d.get(0).classId());
        assertEquals(2, d.get(1).classId());
        // With NMS off (1.0) both class-0 boxes stay.
        assertEquals(3, new YoloDecoder(GRID, YoloLoss.SizeMode.WIDTH_HEIGHT, 0.1, 1.0)
                .decode(of(p)).get(0).size());
    }

    @Test
    void perfectPredictionsOfEncodedTargetsScoreMapOne() {
        List<List<GroundTruthBox>> truth = List.of(
                List.of(new GroundTruthBox(0, 0.3, 0.3, 0.2, 0.4),
                        new GroundTruthBox(2, 0.8, 0.7, 0.3, 0.2)),
                List.of(new GroundTruthBox(1, 0.5, 0.6, 0.5, 0.5)));
        INDArray t = new YoloTargetEncoder(GRID).encode(truth);
        double[] tv = t.reshape('c', new long[] {t.length()}).toDoubleVector();
        double[] p = new double[(int) (2 * 4L * GRID.predictionDepth())];
        for (int cell = 0; cell < 8; cell++) {
            int tb = cell * GRID.targetDepth();
            int pb = cell * GRID.predictionDepth();
            System.arraycopy(tv, tb, p, pb, 4);
            p[pb + 4] = tv[tb + 4];
            System.arraycopy(tv, tb + 5, p, pb + 10, 3);
        }
        var d = new YoloDecoder(GRID, YoloLoss.SizeMode.WIDTH_HEIGHT, 0.5, 0.5)
                .decode(Nd4j.create(p, GRID.predictionShape(2), 'c'));
        var r = AveragePrecision.evaluate(truth, d, 3, 0.5);
        assertEquals(1.0, r.map(), 1e-15);
    }

    @Test
    void refusesBadInput() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new YoloDecoder(GRID, YoloLoss.SizeMode.WIDTH_HEIGHT, 0.5, 0));
        assertTrue(e.getMessage().contains("nmsIou must be in (0, 1], got 0.0"));
        assertThrows(IllegalArgumentException.class,
                () -> new YoloDecoder(GRID, YoloLoss.SizeMode.WIDTH_HEIGHT, Double.NaN, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new YoloDecoder(null, YoloLoss.SizeMode.WIDTH_HEIGHT, 0.5, 0.5));
        e = assertThrows(IllegalArgumentException.class,
                () -> new YoloDecoder(GRID, YoloLoss.SizeMode.WIDTH_HEIGHT, 0.5, 0.5)
                        .decode(Nd4j.zeros(1, 3, 3, 13)));
        assertEquals("predictions must have shape [N, 2, 2, 13] (S = 2, B·5 + C = 2·5 + 3), got "
                + "[1, 3, 3, 13]", e.getMessage());
        // One box per cell too few, and a flat output.
        e = assertThrows(IllegalArgumentException.class,
                () -> new YoloDecoder(GRID, YoloLoss.SizeMode.WIDTH_HEIGHT, 0.5, 0.5)
                        .decode(Nd4j.zeros(1, 2, 2, 8)));
        assertEquals("predictions must have shape [N, 2, 2, 13] (S = 2, B·5 + C = 2·5 + 3), got "
                + "[1, 2, 2, 8]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new YoloDecoder(GRID, YoloLoss.SizeMode.WIDTH_HEIGHT, 0.5, 0.5)
                        .decode(Nd4j.zeros(1, 52)));
        assertTrue(e.getMessage().endsWith("got [1, 52]"), e.getMessage());
    }
}
