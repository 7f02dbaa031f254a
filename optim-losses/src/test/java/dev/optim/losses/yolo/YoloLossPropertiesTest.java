package dev.optim.losses.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Reduction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class YoloLossPropertiesTest {

    /** A random problem: the grid, N images, encoded targets and predictions (c order). */
    record Problem(YoloGrid grid, int n, INDArray targets, double[] pred, YoloLoss.SizeMode mode) {
        INDArray predictions() {
            return Nd4j.create(pred.clone(), grid.predictionShape(n), 'c');
        }
    }

    /** Random labelled boxes for N images; about a quarter of the images are empty. */
    static INDArray randomTargets(Random r, YoloGrid grid, int n, double minSize) {
        List<List<GroundTruthBox>> images = new ArrayList<>();
        for (int img = 0; img < n; img++) {
            List<GroundTruthBox> boxes = new ArrayList<>();
            int count = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(grid.gridSize() * grid.gridSize() + 1);
            for (int k = 0; k < count; k++) {
                double w = minSize + (0.6 - minSize) * r.nextDouble();
                double h = minSize + (0.6 - minSize) * r.nextDouble();
                double cx = w / 2 + (1 - w) * r.nextDouble();
                double cy = h / 2 + (1 - h) * r.nextDouble();
                boxes.add(new GroundTruthBox(r.nextInt(grid.classes()), cx, cy, w, h));
            }
            images.add(boxes);
        }
        return new YoloTargetEncoder(grid, YoloTargetEncoder.SameCellPolicy.KEEP_FIRST).encode(images);
    }

    static YoloGrid randomGrid(Random r) {
        return new YoloGrid(1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(3));
    }

    // ---- an independent IoU for choosing inputs away from the responsible-box switch ----

    static double iou(double[] a, double[] b) {
        double iw = Math.min(a[0] + a[2] / 2, b[0] + b[2] / 2) - Math.max(a[0] - a[2] / 2, b[0] - b[2] / 2);
        double ih = Math.min(a[1] + a[3] / 2, b[1] + b[3] / 2) - Math.max(a[1] - a[3] / 2, b[1] - b[3] / 2);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        return iw * ih / (a[2] * a[3] + b[2] * b[3] - iw * ih);
    }

    /**
     * Predictions scattered around the objects, redrawn per cell until the best IoU is at least
     * 1e-3 and exceeds the runner-up by 1e-3: a 1e-6 step then cannot switch the responsible
     * box. Sizes stay out of (0, 0.02), where the root's curvature spoils central differences.
     */
    static Problem smoothProblem(Random r, YoloLoss.SizeMode mode) {
        return smoothProblem(r, mode, false);
    }

    /**
     * As {@link #smoothProblem(Random, YoloLoss.SizeMode)}; with {@code emptyBoxes} (width-height
     * mode only), every predictor of an object's cell has a negative width (at most −0.01), so
     * no IoU is positive and the nearest box is responsible: redrawn until the nearest is nearer
     * than the runner-up by 1e-3 in squared distance. The responsible box then sits on the
     * root's tangent below ε.
     */
    static Problem smoothProblem(Random r, YoloLoss.SizeMode mode, boolean emptyBoxes) {
        YoloGrid grid = randomGrid(r);
        int n = 1 + r.nextInt(2);
        INDArray targets = randomTargets(r, grid, n, 0.05);
        int s = grid.gridSize();
        int b = grid.boxesPerCell();
        int pd = grid.predictionDepth();
        double[] p = new double[n * s * s * pd];
        for (int img = 0; img < n; img++) {
            for (int row = 0; row < s; row++) {
                for (int col = 0; col < s; col++) {
                    double[] t = new double[4];
                    boolean object = targets.getDouble(img, row, col, 4) == 1;
                    for (int k = 0; k < 4; k++) {
                        t[k] = targets.getDouble(img, row, col, k);
                    }
                    double[] truth = {(col + t[0]) / s, (row + t[1]) / s, t[2], t[3]};
                    int base = ((img * s + row) * s + col) * pd;
                    for (int attempt = 0; ; attempt++) {
                        double[] ious = new double[b];
                        for (int j = 0; j < b; j++) {
                            int q = base + 5 * j;
                            double w;
                            double h;
                            if (object && emptyBoxes) {
                                p[q] = t[0] + 0.3 * r.nextGaussian();
                                p[q + 1] = t[1] + 0.3 * r.nextGaussian();
                                w = -0.01 - 0.5 * r.nextDouble();
                                h = 0.05 + 0.75 * r.nextDouble();
                            } else if (object && r.nextDouble() < 0.8) {
                                p[q] = t[0] + 0.1 * r.nextGaussian();
                                p[q + 1] = t[1] + 0.1 * r.nextGaussian();
                                w = t[2] * (0.5 + r.nextDouble());
                                h = t[3] * (0.5 + r.nextDouble());
                            } else {
                                p[q] = -0.2 + 1.4 * r.nextDouble();
                                p[q + 1] = -0.2 + 1.4 * r.nextDouble();
                                w = 0.02 + 0.8 * r.nextDouble();
                                h = 0.02 + 0.8 * r.nextDouble();
                                if (r.nextInt(4) == 0) {
                                    w = -0.5 * r.nextDouble() - 0.001; // a negative width
                                }
                            }
                            double boxW = Math.max(w, 0);
                            double boxH = h;
                            if (mode == YoloLoss.SizeMode.SQRT_WIDTH_HEIGHT) {
                                boxW = Math.abs(w);
                                w = (r.nextBoolean() ? 1 : -1) * Math.sqrt(Math.abs(w));
                                h = Math.sqrt(h);
                            }
                            p[q + 2] = w;
                            p[q + 3] = h;
                            p[q + 4] = -0.5 + 2 * r.nextDouble();
                            double[] box = {(col + p[q]) / s, (row + p[q + 1]) / s, boxW, boxH};
                            ious[j] = iou(box, truth);
                            if (emptyBoxes) {
                                // the documented nearest-box distance, negated so that larger is better
                                double dd = 0;
                                for (int k = 0; k < 4; k++) {
                                    dd += (box[k] - truth[k]) * (box[k] - truth[k]);
                                }
                                ious[j] = 10 - dd;
                            }
                        }
                        double best = 0;
                        double second = 0;
                        for (double v : ious) {
                            if (v > best) {
                                second = best;
                                best = v;
                            } else if (v > second) {
                                second = v;
                            }
                        }
                        if (!object || (best >= 1e-3 && best - second >= 1e-3) || attempt > 200) {
                            break;
                        }
                    }
                    for (int k = 0; k < grid.classes(); k++) {
                        p[base + 5 * b + k] = -0.5 + 2 * r.nextDouble();
                    }
                }
            }
        }
        return new Problem(grid, n, targets, p, mode);
    }

    private static YoloLoss.SizeMode mode(Random r) {
        return r.nextBoolean() ? YoloLoss.SizeMode.WIDTH_HEIGHT : YoloLoss.SizeMode.SQRT_WIDTH_HEIGHT;
    }

    /** Central differences (float64) of every entry, with the confidence target 1. */
    @Property(tries = 120)
    void gradientMatchesCentralDifferences(@ForAll long seed) {
        Random r = new Random(seed);
        Problem pr = smoothProblem(r, mode(r));
        YoloLoss loss = YoloLoss.builder(pr.grid())
                .sizeMode(pr.mode())
                .confidenceTarget(YoloLoss.ConfidenceTarget.ONE)
                .reduction(r.nextBoolean() ? Reduction.MEAN : Reduction.SUM)
                .lambdaCoord(5 * r.nextDouble())
                .lambdaNoobj(r.nextDouble())
                .build();
        checkCentralDifferences(loss, pr, null);
    }

    /**
     * With the IoU target (held constant), central differences hold for the confidences and
     * class scores, which do not move the IoU; the coordinate gradient is that of the target-1
     * loss, checked above, because the target enters only the confidence term.
     */
    @Property(tries = 100)
    void gradientWithTheIouTargetHoldsTheTargetConstant(@ForAll long seed) {
        Random r = new Random(seed);
        Problem pr = smoothProblem(r, mode(r));
        YoloLoss.Builder builder = YoloLoss.builder(pr.grid()).sizeMode(pr.mode());
        YoloLoss iou = builder.build();
        YoloLoss one = builder.confidenceTarget(YoloLoss.ConfidenceTarget.ONE).build();
        boolean[] coordinate = checkCentralDifferences(iou, pr, "skip coordinates");
        INDArray gIou = pr.predictions().like();
        INDArray gOne = pr.predictions().like();
        iou.valueAndGradient(pr.predictions(), pr.targets(), gIou);
        one.valueAndGradient(pr.predictions(), pr.targets(), gOne);
        double[] a = gIou.reshape(gIou.length()).toDoubleVector();
        double[] b = gOne.reshape(gOne.length()).toDoubleVector();
        for (int i = 0; i < a.length; i++) {
            if (coordinate[i]) {
                assertEquals(b[i], a[i], 0, "coordinate entry " + i);
            }
        }
    }

    /**
     * No predictor overlaps its object (all widths negative): the nearest box is responsible,
     * its IoU target is the constant 0, and its width is on the root's tangent below ε.
     * Central differences of every entry, with either confidence target.
     */
    @Property(tries = 100)
    void gradientWhenNoPredictorOverlaps(@ForAll long seed) {
        Random r = new Random(seed);
        Problem pr = smoothProblem(r, YoloLoss.SizeMode.WIDTH_HEIGHT, true);
        YoloLoss loss = YoloLoss.builder(pr.grid())
                .confidenceTarget(r.nextBoolean() ? YoloLoss.ConfidenceTarget.IOU : YoloLoss.ConfidenceTarget.ONE)
                .reduction(r.nextBoolean() ? Reduction.MEAN : Reduction.SUM)
                .build();
        checkCentralDifferences(loss, pr, null);
    }

    /** Checks ∂L/∂p against central differences; returns which entries are box coordinates. */
    private static boolean[] checkCentralDifferences(YoloLoss loss, Problem pr, String skipCoordinates) {
        INDArray p = pr.predictions();
        INDArray g = p.like();
        loss.valueAndGradient(p, pr.targets(), g);
        int pd = pr.grid().predictionDepth();
        int boxEntries = 5 * pr.grid().boxesPerCell();
        boolean[] coordinate = new boolean[pr.pred().length];
        double h = 1e-6;
        for (int i = 0; i < pr.pred().length; i++) {
            int k = i % pd;
            coordinate[i] = k < boxEntries && k % 5 != 4;
            if (skipCoordinates != null && coordinate[i]) {
                continue;
            }
            double orig = pr.pred()[i];
            p.putScalar(i, orig + h);
            double up = loss.value(p, pr.targets());
            p.putScalar(i, orig - h);
            double down = loss.value(p, pr.targets());
            p.putScalar(i, orig);
            double fd = (up - down) / (2 * h);
            assertEquals(fd, g.getDouble(i), 2e-6 * Math.max(1, Math.abs(fd)), "entry " + i + " (depth index " + k + ")");
        }
        return coordinate;
    }

    /**
     * Predictions equal to the encoded targets give zero loss: in each object's cell one random
     * predictor carries the object's box (or its roots) with confidence 1 (its IoU is 1), the
     * other predictors anywhere with confidence 0, and the class scores are the one-hot targets.
     */
    @Property(tries = 200)
    void lossIsZeroWhenPredictionsEqualTheTargets(@ForAll long seed) {
        Random r = new Random(seed);
        YoloGrid grid = randomGrid(r);
        int n = 1 + r.nextInt(3);
        INDArray targets = randomTargets(r, grid, n, 1e-5);
        YoloLoss.SizeMode mode = mode(r);
        int s = grid.gridSize();
        INDArray p = Nd4j.zeros(DataType.DOUBLE, grid.predictionShape(n));
        for (int img = 0; img < n; img++) {
            for (int row = 0; row < s; row++) {
                for (int col = 0; col < s; col++) {
                    boolean object = targets.getDouble(img, row, col, 4) == 1;
                    int chosen = r.nextInt(grid.boxesPerCell());
                    for (int j = 0; j < grid.boxesPerCell(); j++) {
                        long[] at = {img, row, col, 5L * j};
                        for (int k = 0; k < 4; k++) {
                            at[3] = 5L * j + k;
                            double v;
                            if (object && j == chosen) {
                                v = targets.getDouble(img, row, col, k);
                                if (k >= 2 && mode == YoloLoss.SizeMode.SQRT_WIDTH_HEIGHT) {
                                    v = Math.sqrt(v);
                                }
                            } else {
                                v = r.nextDouble() * 2 - 0.5;
                            }
                            p.putScalar(at, v);
                        }
                        at[3] = 5L * j + 4;
                        p.putScalar(at, object && j == chosen ? 1.0 : 0.0);
                    }
                    for (int k = 0; k < grid.classes(); k++) {
                        p.putScalar(new long[] {img, row, col, 5L * grid.boxesPerCell() + k},
                                object ? targets.getDouble(img, row, col, 5 + k) : r.nextDouble());
                    }
                }
            }
        }
        for (YoloLoss.ConfidenceTarget target : YoloLoss.ConfidenceTarget.values()) {
            YoloLoss loss = YoloLoss.builder(grid).sizeMode(mode).confidenceTarget(target).build();
            INDArray g = p.like();
            YoloLossTerms t = loss.termsAndGradient(p, targets, g);
            assertEquals(0, t.total(), 1e-20, t.toString());
            assertEquals(0, g.norm2Number().doubleValue(), 1e-9);
        }
    }

    private static final double[] EXTREMES = {0, -0.0, Double.MIN_VALUE, 1e-300, 1e-8, 0.5, 1, 1e8, 1e150,
        1e200, 1e300, Double.MAX_VALUE};

    /** Finite predictions, however extreme, never give NaN; a finite value has a finite gradient. */
    @Property(tries = 250)
    void neverNaNForFiniteInput(@ForAll long seed) {
        Random r = new Random(seed);
        YoloGrid grid = randomGrid(r);
        int n = 1 + r.nextInt(2);
        INDArray targets = randomTargets(r, grid, n, 1e-4);
        double[] p = new double[(int) (n * grid.gridSize() * grid.gridSize() * grid.predictionDepth())];
        double extremeShare = r.nextDouble();
        for (int i = 0; i < p.length; i++) {
            if (r.nextDouble() < extremeShare) {
                p[i] = EXTREMES[r.nextInt(EXTREMES.length)] * (r.nextBoolean() ? 1 : -1);
            } else {
                p[i] = -2 + 4 * r.nextDouble();
            }
        }
        YoloLoss loss = YoloLoss.builder(grid)
                .sizeMode(mode(r))
                .confidenceTarget(r.nextBoolean() ? YoloLoss.ConfidenceTarget.IOU : YoloLoss.ConfidenceTarget.ONE)
                .lambdaCoord(r.nextInt(4) == 0 ? 0 : 5)
                .lambdaNoobj(r.nextInt(4) == 0 ? 0 : 0.5)
                .sizeFloor(r.nextBoolean() ? 1e-4 : 1e-12)
                .build();
        INDArray pa = Nd4j.create(p, grid.predictionShape(n), 'c');
        INDArray g = pa.like();
        YoloLossTerms t = loss.termsAndGradient(pa, targets, g);
        double[] terms = {t.xy(), t.wh(), t.confObj(), t.confNoobj(), t.cls(), t.total()};
        for (double v : terms) {
            assertFalse(Double.isNaN(v), t.toString());
            assertTrue(v >= 0, t.toString());
        }
        boolean finite = Double.isFinite(t.total());
        for (double v : g.reshape(g.length()).toDoubleVector()) {
            assertFalse(Double.isNaN(v));
            if (finite) {
                assertTrue(Double.isFinite(v), "gradient " + v + " with finite loss " + t);
            }
        }
    }

    /** Widths and heights at or below zero, in the usual range: finite values and gradients. */
    @Property(tries = 150)
    void sizesAtOrBelowZeroHaveFiniteGradients(@ForAll long seed) {
        Random r = new Random(seed);
        YoloGrid grid = randomGrid(r);
        int n = 1 + r.nextInt(2);
        INDArray targets = randomTargets(r, grid, n, 0.01);
        INDArray p = Nd4j.rand(DataType.DOUBLE, grid.predictionShape(n));
        for (int img = 0; img < n; img++) {
            for (int row = 0; row < grid.gridSize(); row++) {
                for (int col = 0; col < grid.gridSize(); col++) {
                    for (int j = 0; j < grid.boxesPerCell(); j++) {
                        double v = r.nextInt(3) == 0 ? 0.0 : -3 * r.nextDouble();
                        p.putScalar(new long[] {img, row, col, 5L * j + 2}, v);
                        p.putScalar(new long[] {img, row, col, 5L * j + 3}, r.nextBoolean() ? v : -1e-9);
                    }
                }
            }
        }
        YoloLoss loss = YoloLoss.of(grid);
        INDArray g = p.like();
        double v = loss.valueAndGradient(p, targets, g);
        assertTrue(Double.isFinite(v));
        double bound = 2 * 5 * (Math.sqrt(YoloLoss.DEFAULT_SIZE_FLOOR) + 3 / (2 * Math.sqrt(YoloLoss.DEFAULT_SIZE_FLOOR)) + 1)
                / (2 * Math.sqrt(YoloLoss.DEFAULT_SIZE_FLOOR));
        for (double x : g.reshape(g.length()).toDoubleVector()) {
            assertTrue(Double.isFinite(x) && Math.abs(x) <= bound, "gradient " + x);
        }
    }

    /** SUM is N times MEAN, term by term. */
    @Property(tries = 100)
    void sumIsNTimesMean(@ForAll long seed) {
        Random r = new Random(seed);
        Problem pr = smoothProblem(r, mode(r));
        YoloLossTerms mean = YoloLoss.builder(pr.grid()).sizeMode(pr.mode()).build().terms(pr.predictions(), pr.targets());
        YoloLossTerms sum = YoloLoss.builder(pr.grid()).sizeMode(pr.mode()).reduction(Reduction.SUM).build()
                .terms(pr.predictions(), pr.targets());
        assertEquals(pr.n() * mean.total(), sum.total(), 1e-12 * Math.max(1, sum.total()));
        assertEquals(pr.n() * mean.confNoobj(), sum.confNoobj(), 1e-12 * Math.max(1, sum.confNoobj()));
    }
}
