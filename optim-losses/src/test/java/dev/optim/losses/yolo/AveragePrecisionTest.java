package dev.optim.losses.yolo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked examples of VOC all-point average precision. */
class AveragePrecisionTest {

    private static final GroundTruthBox G1 = new GroundTruthBox(0, 0.25, 0.25, 0.2, 0.2);
    private static final GroundTruthBox G2 = new GroundTruthBox(0, 0.75, 0.75, 0.2, 0.2);

    private static Detection at(GroundTruthBox g, double score, double dx) {
        return new Detection(g.classId(), score, g.cx() + dx, g.cy(), g.w(), g.h());
    }

    @Test
    void iouOfShiftedBoxes() {
        // Shifted by a quarter of its width: overlap 0.15·0.2, union 2·0.04 − 0.03.
        assertEquals(0.03 / 0.05, at(G1, 1, 0.05).iou(G1), 1e-15);
        assertEquals(1.0, at(G1, 1, 0).iou(G1), 1e-15);
        assertEquals(0.0, at(G1, 1, 0.3).iou(G1));
    }

    /**
     * Detections .9 on g1 (TP), .8 on g1 again (a duplicate: FP), .7 on g2 (TP):
     * recall .5, .5, 1; precision 1, 1/2, 2/3; envelope 1, 2/3, 2/3;
     * AP = .5·1 + 0·(2/3) + .5·(2/3) = 5/6.
     */
    @Test
    void duplicateDetectionIsAFalsePositive() {
        var r = AveragePrecision.evaluate(List.of(List.of(G1, G2)),
                List.of(List.of(at(G1, 0.9, 0), at(G1, 0.8, 0.01), at(G2, 0.7, 0))), 1, 0.5);
        var c = r.perClass().get(0);
        assertArrayEquals(new double[] {0.5, 0.5, 1.0}, c.recall(), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.5, 2.0 / 3}, c.precision(), 1e-15);
        assertEquals(5.0 / 6, c.ap(), 1e-15);
        assertEquals(5.0 / 6, r.map(), 1e-15);
    }

    /**
     * Over two images, ranked .95 (image 1, IoU .6: TP), .9 (image 0, IoU 1/3 &lt; .5: FP),
     * .6 (image 0, on g1: TP), and g2 of image 0 is never found: 3 truths,
     * recall 1/3, 1/3, 2/3; precision 1, 1/2, 2/3; AP = 1/3·1 + 1/3·2/3 = 5/9.
     */
    @Test
    void missesAndPoorOverlapsAcrossImages() {
        GroundTruthBox g3 = new GroundTruthBox(0, 0.5, 0.5, 0.2, 0.2);
        var truths = List.of(List.of(G1, G2), List.of(g3));
        var detections = List.of(
                List.of(at(G1, 0.9, 0.1), at(G1, 0.6, 0)),
                List.of(at(g3, 0.95, 0.05)));
        var c = AveragePrecision.evaluate(truths, detections, 1, 0.5).perClass().get(0);
        assertEquals(3, c.truths());
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 2.0 / 3}, c.recall(), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.5, 2.0 / 3}, c.precision(), 1e-15);
        assertEquals(1.0 / 3 + 2.0 / 9, c.ap(), 1e-15);
        // The IoU of 0.1-shifted boxes is 1/3: at a threshold of 0.3 it becomes a match, and the
        // later, exact detection of g1 becomes the duplicate.
        var loose = AveragePrecision.evaluate(truths, detections, 1, 0.3).perClass().get(0);
        assertArrayEquals(new double[] {1.0, 1.0, 2.0 / 3}, loose.precision(), 1e-15);
    }

    /** Classes are averaged; a wrong class never matches; a class without truth is left out. */
    @Test
    void meanOverClassesWithTruth() {
        GroundTruthBox car = new GroundTruthBox(1, 0.5, 0.5, 0.4, 0.2);
        var truths = List.of(List.of(G1, car));
        var detections = List.of(List.of(
                at(G1, 0.9, 0), // class 0: TP, AP 1
                new Detection(0, 0.8, 0.5, 0.5, 0.4, 0.2), // class 0 on the car: FP
                new Detection(1, 0.3, 0.5, 0.5, 0.4, 0.2))); // class 1: TP, AP 1
        var r = AveragePrecision.evaluate(truths, detections, 3, 0.5);
        assertEquals(1.0, r.perClass().get(0).ap(), 1e-15);
        assertEquals(1.0, r.perClass().get(1).ap(), 1e-15);
        assertTrue(Double.isNaN(r.perClass().get(2).ap()));
        assertEquals(1.0, r.map(), 1e-15);
        // No detection of a class with truth: AP 0, and the mean halves.
        var none = AveragePrecision.evaluate(truths, List.of(List.of(at(G1, 0.9, 0))), 2, 0.5);
        assertEquals(0.0, none.perClass().get(1).ap());
        assertEquals(0.5, none.map(), 1e-15);
    }

    @Test
    void allPointAreaOfAStaircase() {
        // Envelope of (r, p) = (.2, 1), (.4, .5), (.6, .75), (.6, .6), (1, .4):
        // 1, .75, .75, .6, .4 → .2·1 + .2·.75 + .2·.75 + 0 + .4·.4 = .66.
        assertEquals(0.66, AveragePrecision.allPointArea(new double[] {0.2, 0.4, 0.6, 0.6, 1},
                new double[] {1, 0.5, 0.75, 0.6, 0.4}), 1e-15);
    }

    @Test
    void refusesBadInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> AveragePrecision.evaluate(
                List.of(List.of(G1)), List.of(), 1, 0.5));
        assertTrue(e.getMessage().contains("1 and 0 images"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AveragePrecision.evaluate(
                List.of(List.of(G1)), List.of(List.of(new Detection(4, 1, 0.5, 0.5, 0.1, 0.1))),
                2, 0.5));
        assertTrue(e.getMessage().contains("class in [0, 2)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AveragePrecision.evaluate(
                List.of(List.of(G1)), List.of(List.of()), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> AveragePrecision.evaluate(
                List.of(List.of(G1)), List.of(List.of()), 0, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new Detection(0, Double.NaN, 0.5, 0.5, 0.1, 0.1));
        e = assertThrows(IllegalArgumentException.class,
                () -> new Detection(0, 1, 0.5, 0.5, 0, 0.1));
        assertTrue(e.getMessage().contains("w=0.0"), e.getMessage());
    }
}
