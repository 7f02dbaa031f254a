package dev.optim.losses.yolo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optim.core.Reduction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Hand-computed values for a tiny configuration: S = 2, B = 2, C = 3 (prediction depth
 * 2·5 + 3 = 13, target depth 5 + 3 = 8), λcoord = 5, λnoobj = 0.5, two images, mean over the
 * batch (s = 1/2).
 *
 * <pre>
 * Image 0. One object, class 2, centre (0.75, 0.25), size 0.25 × 0.25 → cell (row 0, col 1),
 *   x = 0.75·2 − 1 = 0.5, y = 0.25·2 − 0 = 0.5; truth box [0.625, 0.875] × [0.125, 0.375].
 *   Cell (0, 1):
 *     box 0 = (x 0.6, y 0.5, w 0.09, h 0.16, C 0.8): centre (0.8, 0.25), extent
 *       [0.755, 0.845] × [0.17, 0.33], inside the truth → IoU = 0.09·0.16 / 0.0625 = 0.2304
 *     box 1 = (0.5, 0.5, 0.04, 0.04, 0.3): concentric, inside → IoU = 0.0016/0.0625 = 0.0256
 *     → box 0 is responsible.
 *     xy      = 5·[(0.6 − 0.5)² + 0²]                         = 0.05
 *     wh      = 5·[(√0.09 − √0.25)² + (√0.16 − √0.25)²]
 *             = 5·[(0.3 − 0.5)² + (0.4 − 0.5)²] = 5·0.05      = 0.25
 *     confObj = (0.8 − 0.2304)² = 0.5696²                      = 0.32444416
 *     noobj   = 0.5·0.3²                                       = 0.045
 *     cls     = (0.1 − 0)² + (0.2 − 0)² + (0.6 − 1)²            = 0.21
 *   Cell (0, 0): confidences 0.1, 0.2 → 0.5·(0.01 + 0.04)       = 0.025 (its classes ignored)
 *   Cell (1, 0): confidences 0, −0.4 → 0.5·0.16                 = 0.08
 *   Cell (1, 1): confidences 0.5, 0 → 0.5·0.25                  = 0.125
 *   Image 0: xy 0.05, wh 0.25, confObj 0.32444416, noobj 0.275, cls 0.21.
 *
 * Image 1. One object, class 0, centre (0.3, 0.8), size 0.4 × 0.2 → cell (row 1, col 0),
 *   x = 0.6, y = 0.6.
 *   Cell (1, 0):
 *     box 0 = (0.6, 0.6, w −0.1, 0.2, C 0.5): negative width, an empty box → IoU = 0
 *     box 1 = (0.6, 0.6, 0.2, 0.2, 0.9): concentric, inside → IoU = 0.04/0.08 = 0.5
 *     → box 1 is responsible.
 *     xy      = 0
 *     wh      = 5·[(√0.2 − √0.4)² + 0] = 5·(0.6 − 2√0.08) = 5·(0.6 − 0.4√2) = 3 − 2√2
 *     confObj = (0.9 − 0.5)²                                   = 0.16
 *     noobj   = 0.5·0.5²                                       = 0.125
 *     cls     = (0.5 − 1)² + 0 + 0                              = 0.25
 *   Cell (0, 0): confidences 0.2, 0.2 → 0.5·0.08                = 0.04
 *   Image 1: xy 0, wh 3 − 2√2, confObj 0.16, noobj 0.165, cls 0.25.
 *
 * Mean over the two images:
 *   xy 0.025, wh (3.25 − 2√2)/2, confObj 0.24222208, noobj 0.22, cls 0.23.
 *
 * Gradient (s = 1/2), non-zero entries:
 *   image 0, cell (0, 1), box 0: ∂x = 2·s·5·0.1 = 0.5; ∂y = 0;
 *     ∂w = 2·s·5·(0.3 − 0.5)·1/(2·0.3) = −5/3; ∂h = 2·s·5·(0.4 − 0.5)·1/(2·0.4) = −0.625;
 *     ∂C = 2·s·(0.8 − 0.2304) = 0.5696
 *   image 0, cell (0, 1), box 1: ∂C = 2·s·0.5·0.3 = 0.15; classes 2·s·(0.1, 0.2, −0.4)
 *   image 0, cell (0, 0): ∂C₀ = 2·s·0.5·0.1 = 0.05, ∂C₁ = 0.1; nothing for its classes
 *   image 1, cell (1, 0), box 1: ∂w = 2·s·5·(√0.2 − √0.4)/(2√0.2) = 2.5·(1 − √2); ∂C = 0.4
 *   image 1, cell (1, 0), box 0: ∂C = 2·s·0.5·0.5 = 0.25 (no gradient on its negative width)
 *   image 1, cell (1, 0): classes 2·s·(0.5 − 1, 0, 0) = (−0.5, 0, 0)
 * </pre>
 *
 * <p>The same numbers were cross-checked against the independent PyTorch implementation in
 * tools/fixtures/gen_loss_fixtures.py.
 */
class YoloLossHandTest {

    static final YoloGrid GRID = new YoloGrid(2, 2, 3);

    static INDArray predictions() {
        INDArray p = Nd4j.zeros(DataType.DOUBLE, 2, 2, 2, 13);
        put(p, 0, 0, 1, 0.6, 0.5, 0.09, 0.16, 0.8, 0.5, 0.5, 0.04, 0.04, 0.3, 0.1, 0.2, 0.6);
        put(p, 0, 0, 0, 0.3, 0.3, 0.5, 0.5, 0.1, 0, 0, 0, 0, 0.2, 0.7, 0.7, 0.7);
        put(p, 0, 1, 0, 0.1, 0.9, 0.3, 0.3, 0.0, 0.2, 0.2, 0.2, 0.2, -0.4, 0.3, 0.3, 0.3);
        put(p, 0, 1, 1, 0.5, 0.5, 0.1, 0.1, 0.5, 0.4, 0.4, 0.4, 0.4, 0.0, -1, 2, 0);
        put(p, 1, 1, 0, 0.6, 0.6, -0.1, 0.2, 0.5, 0.6, 0.6, 0.2, 0.2, 0.9, 0.5, 0, 0);
        put(p, 1, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.2, 0.5, 0.5, 0.5, 0.5, 0.2, 1, 1, 1);
        return p;
    }

    static INDArray targets() {
        return new YoloTargetEncoder(GRID).encode(List.of(
                List.of(new GroundTruthBox(2, 0.75, 0.25, 0.25, 0.25)),
                List.of(new GroundTruthBox(0, 0.3, 0.8, 0.4, 0.2))));
    }

    private static void put(INDArray a, int n, int r, int c, double... values) {
        for (int k = 0; k < values.length; k++) {
            a.putScalar(new long[] {n, r, c, k}, values[k]);
        }
    }

    @Test
    void termsByHand() {
        YoloLoss loss = YoloLoss.of(GRID);
        YoloLossTerms t = loss.terms(predictions(), targets());
        assertEquals(0.025, t.xy(), 1e-15);
        assertEquals((3.25 - 2 * Math.sqrt(2)) / 2, t.wh(), 1e-15);
        assertEquals(0.24222208, t.confObj(), 1e-15);
        assertEquals(0.22, t.confNoobj(), 1e-15);
        assertEquals(0.23, t.cls(), 1e-15);
        assertEquals(0.025 + (3.25 - 2 * Math.sqrt(2)) / 2, t.coord(), 1e-15);
        double total = 0.025 + (3.25 - 2 * Math.sqrt(2)) / 2 + 0.24222208 + 0.22 + 0.23;
        assertEquals(total, t.total(), 1e-15);
        assertEquals(total, loss.value(predictions(), targets()), 1e-15);
    }

    @Test
    void gradientByHand() {
        INDArray g = Nd4j.create(DataType.DOUBLE, 2, 2, 2, 13);
        g.assign(Double.NaN); // every entry must be written
        YoloLoss.of(GRID).valueAndGradient(predictions(), targets(), g);
        double[][][][] e = new double[2][2][2][13];
        e[0][0][1] = new double[] {0.5, 0, -5.0 / 3, -0.625, 0.5696, 0, 0, 0, 0, 0.15, 0.1, 0.2, -0.4};
        e[0][0][0][4] = 0.05;
        e[0][0][0][9] = 0.1;
        e[0][1][0][9] = -0.2; // 2·s·0.5·(−0.4)
        e[0][1][1][4] = 0.25; // 2·s·0.5·0.5
        e[1][1][0] = new double[] {0, 0, 0, 0, 0.25, 0, 0, 2.5 * (1 - Math.sqrt(2)), 0, 0.4, -0.5, 0, 0};
        e[1][0][0][4] = 0.1; // 2·s·0.5·0.2
        e[1][0][0][9] = 0.1;
        for (int n = 0; n < 2; n++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    for (int k = 0; k < 13; k++) {
                        assertEquals(e[n][r][c][k], g.getDouble(n, r, c, k), 1e-15,
                                "gradient[" + n + ", " + r + ", " + c + ", " + k + "]");
                    }
                }
            }
        }
    }

    @Test
    void optionsByHand() {
        // Confidence target 1: (0.8 − 1)² and (0.9 − 1)², mean 0.025; its gradient 2·s·(−0.2)
        YoloLoss one = YoloLoss.builder(GRID).confidenceTarget(YoloLoss.ConfidenceTarget.ONE).build();
        INDArray g = predictions().like();
        YoloLossTerms t = one.termsAndGradient(predictions(), targets(), g);
        assertEquals(0.025, t.confObj(), 1e-15);
        assertEquals(-0.2, g.getDouble(0, 0, 1, 4), 1e-15);
        assertEquals(0.22, t.confNoobj(), 1e-15);
        // Sum over the batch: twice the mean
        YoloLoss sum = YoloLoss.builder(GRID).reduction(Reduction.SUM).build();
        YoloLossTerms s = sum.terms(predictions(), targets());
        assertEquals(0.44, s.confNoobj(), 1e-15);
        assertEquals(0.05, s.xy(), 1e-15);
        // Other weights: λcoord 1 and λnoobj 2 scale their terms only
        YoloLoss weights = YoloLoss.builder(GRID).lambdaCoord(1).lambdaNoobj(2).build();
        YoloLossTerms w = weights.terms(predictions(), targets());
        assertEquals(0.005, w.xy(), 1e-15);
        assertEquals(0.88, w.confNoobj(), 1e-15);
        assertEquals(0.23, w.cls(), 1e-15);
        // λ = 0 switches terms off
        YoloLossTerms z = YoloLoss.builder(GRID).lambdaCoord(0).lambdaNoobj(0).build().terms(predictions(), targets());
        assertEquals(0, z.coord(), 0);
        assertEquals(0, z.confNoobj(), 0);
    }

    /**
     * No predictor overlaps the object: the nearest one (centre and size, image units) is
     * responsible. One image, object class 1, centre (0.25, 0.25), size 0.1 × 0.1 → cell (0, 0),
     * x = y = 0.5.
     *
     * <pre>
     * box 0 = (0.5, 0.5, w 0, h 0.1, C 0.3): zero width, IoU 0; squared distance 0.1² = 0.01
     * box 1 = (0.95, 0.95, 0.1, 0.1, C 0.6): centre (0.475, 0.475), extent [0.425, 0.525]²,
     *   disjoint from [0.2, 0.3]², IoU 0; squared distance 2·0.225² = 0.10125
     * → box 0 is responsible, with confidence target IoU = 0.
     * ε = 1e-4: ρ(0) = √ε + (0 − ε)/(2√ε) = 0.01 − 0.005 = 0.005, ρ'(0) = 1/(2√ε) = 50
     * wh      = 5·(0.005 − √0.1)²
     * ∂w      = 2·5·(0.005 − √0.1)·50 (N = 1)
     * confObj = 0.3² = 0.09; noobj = 0.5·0.6² = 0.18
     * </pre>
     */
    @Test
    void nearestBoxIsResponsibleWhenNoneOverlaps() {
        INDArray targets = new YoloTargetEncoder(GRID).encode(List.of(List.of(new GroundTruthBox(1, 0.25, 0.25, 0.1, 0.1))));
        INDArray p = Nd4j.zeros(DataType.DOUBLE, 1, 2, 2, 13);
        put(p, 0, 0, 0, 0.5, 0.5, 0, 0.1, 0.3, 0.95, 0.95, 0.1, 0.1, 0.6, 0, 1, 0);
        INDArray g = p.like();
        YoloLossTerms t = YoloLoss.of(GRID).termsAndGradient(p, targets, g);
        double rw = 0.005 - Math.sqrt(0.1);
        assertEquals(5 * rw * rw, t.wh(), 1e-15);
        assertEquals(0, t.xy(), 0);
        assertEquals(0.09, t.confObj(), 1e-15);
        assertEquals(0.18, t.confNoobj(), 1e-15);
        assertEquals(0, t.cls(), 0);
        assertEquals(2 * 5 * rw * 50, g.getDouble(0, 0, 0, 2), 1e-12);
        assertEquals(0.6, g.getDouble(0, 0, 0, 9), 1e-15);
        // move box 1 next to the object (still disjoint): now it is the nearest
        put(p, 0, 0, 0, 0.5, 0.5, 0, 0.1, 0.3, 0.5, 0.85, 0.1, 0.1, 0.6);
        // box 1: centre (0.25, 0.425), extent y [0.375, 0.475], disjoint; distance 0.175² ≈ 0.0306
        // box 0: distance 0.01 — still box 0. Make box 0 far instead:
        put(p, 0, 0, 0, 0.0, 0.0, 0, 0.1, 0.3, 0.5, 0.85, 0.1, 0.1, 0.6);
        // box 0: centre (0, 0), distance 2·0.25² + 0.1² = 0.135 > 0.030625
        YoloLoss.of(GRID).valueAndGradient(p, targets, g);
        assertEquals(1.2, g.getDouble(0, 0, 0, 9), 1e-15);     // 2·(0.6 − 0), responsible
        assertEquals(0.3, g.getDouble(0, 0, 0, 4), 1e-15);     // 2·0.5·0.3, not responsible
        assertEquals(2 * 5 * 0.35, g.getDouble(0, 0, 0, 6), 1e-15); // ∂y of box 1: 0.85 − 0.5
    }

    @Test
    void equalIouGoesToTheLowerIndex() {
        INDArray targets = new YoloTargetEncoder(GRID).encode(List.of(List.of(new GroundTruthBox(0, 0.25, 0.75, 0.2, 0.2))));
        INDArray p = Nd4j.zeros(DataType.DOUBLE, 1, 2, 2, 13);
        put(p, 0, 1, 0, 0.5, 0.5, 0.1, 0.1, 0.7, 0.5, 0.5, 0.1, 0.1, 0.7, 1, 0, 0);
        INDArray g = p.like();
        YoloLoss.of(GRID).valueAndGradient(p, targets, g);
        // box 0 responsible: IoU = 0.01/0.04 = 0.25, ∂C = 2·(0.7 − 0.25); box 1: 2·0.5·0.7
        assertEquals(0.9, g.getDouble(0, 1, 0, 4), 1e-15);
        assertEquals(0.7, g.getDouble(0, 1, 0, 9), 1e-15);
    }

    /** darknet's form: the size channels hold √w and √h. */
    @Test
    void sqrtSizeModeByHand() {
        INDArray targets = new YoloTargetEncoder(GRID).encode(List.of(List.of(new GroundTruthBox(0, 0.25, 0.25, 0.16, 0.36))));
        INDArray p = Nd4j.zeros(DataType.DOUBLE, 1, 2, 2, 13);
        // box 0: ŝw = −0.4 (size 0.16), ŝh = 0.5 (size 0.25), concentric: IoU = 0.16·0.25/(0.16·0.36) = 25/36
        // box 1: tiny, IoU 0.0001/0.0576
        put(p, 0, 0, 0, 0.5, 0.5, -0.4, 0.5, 1.0, 0.5, 0.5, 0.1, 0.1, 0.0, 1, 0, 0);
        YoloLoss loss = YoloLoss.builder(GRID).sizeMode(YoloLoss.SizeMode.SQRT_WIDTH_HEIGHT).build();
        INDArray g = p.like();
        YoloLossTerms t = loss.termsAndGradient(p, targets, g);
        // wh = 5·[(−0.4 − 0.4)² + (0.5 − 0.6)²] = 5·0.65
        assertEquals(3.25, t.wh(), 1e-14);
        assertEquals((1 - 25.0 / 36) * (1 - 25.0 / 36), t.confObj(), 1e-15);
        assertEquals(2 * 5 * -0.8, g.getDouble(0, 0, 0, 2), 1e-14);
        assertEquals(2 * 5 * -0.1, g.getDouble(0, 0, 0, 3), 1e-14);
        assertArrayEquals(new double[] {0, 0, 0}, new double[] {t.xy(), t.cls(), t.confNoobj()}, 0);
    }
}
