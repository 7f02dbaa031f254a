package dev.optim.losses.yolo;

import static dev.optim.losses.TestSupport.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class YoloTargetEncoderTest {

    private static final YoloGrid GRID = new YoloGrid(3, 2, 4);

    private static double[] cell(INDArray t, int n, int r, int c) {
        double[] v = new double[(int) t.size(3)];
        for (int k = 0; k < v.length; k++) {
            v[k] = t.getDouble(n, r, c, k);
        }
        return v;
    }

    @Test
    void encodesByHand() {
        // S = 3: centre (0.5, 0.9) → column ⌊1.5⌋ = 1, row ⌊2.7⌋ = 2; x = 1.5 − 1 = 0.5, y = 2.7 − 2 = 0.7
        // centre (0.1, 0.2) → column 0, row 0; x = 0.3, y = 0.6
        INDArray t = new YoloTargetEncoder(GRID).encode(List.of(
                List.of(new GroundTruthBox(3, 0.5, 0.9, 0.2, 0.2), new GroundTruthBox(0, 0.1, 0.2, 0.2, 0.3)),
                List.of()));
        assertArrayEquals(new long[] {2, 3, 3, 9}, t.shape());
        assertEquals(DataType.DOUBLE, t.dataType());
        assertArrayEquals(new double[] {0.5, 0.7, 0.2, 0.2, 1, 0, 0, 0, 1}, cell(t, 0, 2, 1), 1e-15);
        assertArrayEquals(new double[] {0.3, 0.6, 0.2, 0.3, 1, 1, 0, 0, 0}, cell(t, 0, 0, 0), 1e-15);
        // everything else is zero: 2 objects · (4 coordinates + obj + class) non-zero at most
        assertEquals(0.5 + 0.7 + 0.2 + 0.2 + 1 + 1 + 0.3 + 0.6 + 0.2 + 0.3 + 1 + 1, t.sumNumber().doubleValue(), 1e-14);
        assertEquals(0.0, t.slice(1).norm1Number().doubleValue(), 0);
        assertEquals(DataType.FLOAT, new YoloTargetEncoder(GRID).encode(List.of(List.of()), DataType.FLOAT).dataType());
    }

    @Test
    void centresOnEdgesAndCellBoundaries() {
        YoloTargetEncoder e = new YoloTargetEncoder(new YoloGrid(2, 1, 1));
        // on the right/bottom edge of the image (only a box within the edge tolerance fits there):
        // the last cell, x = y = 1
        GroundTruthBox corner = new GroundTruthBox(0, 1.0, 1.0, 1e-6, 1e-6);
        assertEquals(1, e.row(corner));
        assertEquals(1, e.column(corner));
        // on the boundary between cells: the cell to the right/below, x = 0
        GroundTruthBox middle = new GroundTruthBox(0, 0.5, 0.5, 0.2, 0.2);
        assertEquals(1, e.column(middle));
        GroundTruthBox origin = new GroundTruthBox(0, 0.0, 0.0, 1e-6, 1e-6);
        assertEquals(0, e.row(origin));
        INDArray t = e.encode(List.of(List.of(corner), List.of(middle), List.of(origin)));
        assertArrayEquals(new double[] {1, 1, 1e-6, 1e-6, 1, 1}, cell(t, 0, 1, 1), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0.2, 0.2, 1, 1}, cell(t, 1, 1, 1), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1e-6, 1e-6, 1, 1}, cell(t, 2, 0, 0), 1e-15);
    }

    @Test
    void twoBoxesInOneCellFollowThePolicy() {
        GroundTruthBox small = new GroundTruthBox(1, 0.1, 0.1, 0.1, 0.1);
        GroundTruthBox large = new GroundTruthBox(2, 0.2, 0.2, 0.3, 0.3);
        List<List<GroundTruthBox>> images = List.of(List.of(small, large));
        assertMessage(() -> new YoloTargetEncoder(GRID).encode(images),
                "images[0]: boxes 0 GroundTruthBox[classId=1, cx=0.1, cy=0.1, w=0.1, h=0.1] and 1 "
                        + "GroundTruthBox[classId=2, cx=0.2, cy=0.2, w=0.3, h=0.3] both have their centre in grid "
                        + "cell (row 0, column 0)");
        INDArray first = new YoloTargetEncoder(GRID, YoloTargetEncoder.SameCellPolicy.KEEP_FIRST).encode(images);
        assertEquals(1.0, first.getDouble(0, 0, 0, 5 + 1));
        assertEquals(0.1, first.getDouble(0, 0, 0, 2), 0);
        INDArray largest = new YoloTargetEncoder(GRID, YoloTargetEncoder.SameCellPolicy.KEEP_LARGEST).encode(images);
        assertEquals(1.0, largest.getDouble(0, 0, 0, 5 + 2));
        assertEquals(0.0, largest.getDouble(0, 0, 0, 5 + 1));
        assertEquals(0.3, largest.getDouble(0, 0, 0, 2), 0);
        // the largest wins whatever the order
        INDArray reversed = new YoloTargetEncoder(GRID, YoloTargetEncoder.SameCellPolicy.KEEP_LARGEST)
                .encode(List.of(List.of(large, small)));
        assertEquals(largest, reversed);
        assertEquals(YoloTargetEncoder.SameCellPolicy.REJECT, new YoloTargetEncoder(GRID).policy());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        YoloTargetEncoder e = new YoloTargetEncoder(GRID);
        assertMessage(() -> new YoloTargetEncoder(null), "grid must not be null");
        assertMessage(() -> new YoloTargetEncoder(GRID, null), "policy must be REJECT, KEEP_FIRST or KEEP_LARGEST, got null");
        assertMessage(() -> e.encode(null), "images must hold at least one image, got null");
        assertMessage(() -> e.encode(List.of()), "images must hold at least one image, got an empty list");
        List<List<GroundTruthBox>> withNull = new ArrayList<>();
        withNull.add(List.of());
        withNull.add(null);
        assertMessage(() -> e.encode(withNull), "images[1] must be a list of boxes (empty for an image without objects), got null");
        assertMessage(() -> e.encode(List.of(Arrays.asList(new GroundTruthBox(0, 0.5, 0.5, 0.1, 0.1), null))),
                "images[0] box 1 must not be null");
        assertMessage(() -> e.encode(List.of(List.of(), List.of(new GroundTruthBox(4, 0.5, 0.5, 0.1, 0.1)))),
                "images[1] box 0: classId must be in [0, 4), got 4");
        assertMessage(() -> e.encode(List.of(List.of()), DataType.INT), "type must be FLOAT or DOUBLE, got INT");
        assertMessage(() -> e.row(null), "box must not be null");
    }
}
