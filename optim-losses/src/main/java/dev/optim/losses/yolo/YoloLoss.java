package dev.optim.losses.yolo;

import dev.optim.core.Checks;
import dev.optim.core.Loss;
import dev.optim.core.Reduction;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The YOLO detection loss (Redmon et al. 2016, equation 3): a sum of squared errors over an
 * {@code S×S} grid with {@code B} predicted boxes per cell and {@code C} classes.
 *
 * <p>Predictions have shape {@code [N, S, S, B·5 + C]} and targets {@code [N, S, S, 5 + C]}
 * (layouts in {@link YoloGrid}; targets from {@link YoloTargetEncoder}). For one image, with
 * {@code 1^obj_i} = 1 when an object's centre lies in cell {@code i}:
 *
 * <pre>
 *   L = λcoord Σ_i Σ_j 1^obj_ij [(x_i − x̂_ij)² + (y_i − ŷ_ij)²]                       xy
 *     + λcoord Σ_i Σ_j 1^obj_ij [(√w_i − √ŵ_ij)² + (√h_i − √ĥ_ij)²]                   wh
 *     +        Σ_i Σ_j 1^obj_ij (C_i − Ĉ_ij)²                                          confObj
 *     + λnoobj Σ_i Σ_j 1^noobj_ij Ĉ_ij²                                                confNoobj
 *     +        Σ_i 1^obj_i Σ_k (p_i(k) − p̂_i(k))²                                      cls
 * </pre>
 *
 * <ul>
 *   <li><b>Responsible predictor.</b> {@code 1^obj_ij = 1} for the one predictor {@code j} of
 *       an object's cell whose box has the highest IoU with the object's box (both in image
 *       units: centre {@code ((c + x)/S, (r + y)/S)}, size {@code (w, h)}); on equal IoU the
 *       lower {@code j}. If no predictor overlaps the object (every IoU is 0), the one whose
 *       {@code (centre, size)} is nearest in squared distance is responsible, as darknet does.
 *       The choice is a function of the predictions but is not differentiated.
 *   <li><b>Confidence target.</b> {@code C_i} is the IoU of the responsible predictor's box
 *       with the object, held constant: no gradient flows through it
 *       ({@link ConfidenceTarget#IOU}, the default, as in the paper), or 1
 *       ({@link ConfidenceTarget#ONE}).
 *   <li><b>No object.</b> {@code 1^noobj_ij = 1 − 1^obj_ij}: every predictor that is not
 *       responsible, in every cell, with or without an object, is pushed to confidence 0 with
 *       weight λnoobj.
 *   <li><b>Classes</b> are scored only in cells that hold an object; the cell's class scores are
 *       compared to the one-hot target by squared error (the paper's form, no softmax).
 *   <li><b>Reduction.</b> The sum over the grid of each image, then the mean over the
 *       {@code N} images ({@link Reduction#MEAN}, the default) or their sum
 *       ({@link Reduction#SUM}).
 * </ul>
 *
 * <p><b>Sizes at or below zero.</b> In the default {@link SizeMode#WIDTH_HEIGHT} the network
 * predicts {@code ŵ, ĥ} and the loss takes their roots. Below the floor ε
 * ({@link #DEFAULT_SIZE_FLOOR} by default) the root is replaced by its tangent at ε,
 *
 * <pre>
 *   ρ(v) = √v                          for v ≥ ε
 *   ρ(v) = √ε + (v − ε) / (2√ε)        for v &lt; ε   (continuous, with a continuous slope)
 * </pre>
 *
 * <p>and {@code ρ} is applied to targets and predictions alike. So the loss and its gradient are
 * finite for every finite size, the slope is at most {@code 1/(2√ε)}, and a negative size is
 * still pulled toward the object's size instead of being stuck. For the IoU a negative size
 * counts as 0 (an empty box). In {@link SizeMode#SQRT_WIDTH_HEIGHT} the network predicts
 * {@code √w, √h} directly (darknet's form): the error is {@code (√w_i − ŝ_ij)²}, the box used
 * for the IoU has size {@code ŝ²}, and no floor is needed.
 *
 * <p><b>Gradient.</b> With {@code s = 1/N} (MEAN) or 1 (SUM), the only non-zero entries are:
 * {@code 2sλcoord(x̂ − x)}, {@code 2sλcoord(ŷ − y)}, {@code 2sλcoord(ρ(ŵ) − ρ(w))·ρ'(ŵ)} and
 * likewise for {@code h}, and {@code 2s(Ĉ − C)} for the responsible predictor;
 * {@code 2sλnoobj·Ĉ} for the confidence of every other predictor; {@code 2s(p̂(k) − p(k))} for
 * the class scores of cells with an object.
 *
 * <p><b>Numerics.</b> For finite predictions the value is never NaN (it may overflow to +∞ for
 * inputs beyond about 1e150), and the gradient is finite whenever the value is. Non-finite
 * predictions are not checked (the descent loop reports divergence). Targets are validated on
 * every call: {@code obj} must be 0 or 1 and, where it is 1, {@code x, y ∈ [0, 1]},
 * {@code w, h ∈ (0, 1]} and the class entries finite. The work is done in {@code double} on
 * host copies of the arrays; float32 and float64 are accepted. Instances are immutable and
 * thread-safe.
 *
 * <pre>{@code
 * YoloLoss loss = YoloLoss.builder(new YoloGrid(7, 2, 20))
 *         .lambdaCoord(5).lambdaNoobj(0.5)
 *         .build();
 * INDArray grad = predictions.like();
 * YoloLossTerms terms = loss.termsAndGradient(predictions, targets, grad);
 * }</pre>
 *
 * <p>Reference: J. Redmon, S. Divvala, R. Girshick, A. Farhadi, "You Only Look Once: Unified,
 * Real-Time Object Detection", CVPR 2016, section 2.2.
 */
public final class YoloLoss implements Loss {

    /** The confidence a responsible predictor is trained toward. */
    public enum ConfidenceTarget {
        /** The IoU of its box with the object's, held constant (the paper's choice). */
        IOU,
        /** 1, whatever its box. */
        ONE
    }

    /** What the size channels {@code [5j + 2]} and {@code [5j + 3]} of the predictions hold. */
    public enum SizeMode {
        /** Width and height (image-relative); the loss takes floored roots (the paper's form). */
        WIDTH_HEIGHT,
        /** The square roots of width and height, compared directly (darknet's form). */
        SQRT_WIDTH_HEIGHT
    }

    /** The default λcoord, 5 (the paper's). */
    public static final double DEFAULT_LAMBDA_COORD = 5.0;
    /** The default λnoobj, 0.5 (the paper's). */
    public static final double DEFAULT_LAMBDA_NOOBJ = 0.5;
    /** The default floor ε of the root in {@link SizeMode#WIDTH_HEIGHT}, 1e-4. */
    public static final double DEFAULT_SIZE_FLOOR = 1e-4;

    private final YoloGrid grid;
    private final double lambdaCoord;
    private final double lambdaNoobj;
    private final ConfidenceTarget confidenceTarget;
    private final SizeMode sizeMode;
    private final double sizeFloor;
    private final double sqrtFloor;
    private final Reduction reduction;

    private YoloLoss(Builder b) {
        this.grid = b.grid;
        this.lambdaCoord = b.lambdaCoord;
        this.lambdaNoobj = b.lambdaNoobj;
        this.confidenceTarget = b.confidenceTarget;
        this.sizeMode = b.sizeMode;
        this.sizeFloor = b.sizeFloor;
        this.sqrtFloor = Math.sqrt(b.sizeFloor);
        this.reduction = b.reduction;
    }

    /**
     * The loss with the paper's settings on the given grid.
     *
     * @param grid the grid geometry
     * @return the loss
     * @throws IllegalArgumentException if {@code grid} is null
     */
    public static YoloLoss of(YoloGrid grid) {
        return builder(grid).build();
    }

    /**
     * A builder with the defaults: {@link YoloGrid#DEFAULT}, λcoord 5, λnoobj 0.5,
     * {@link ConfidenceTarget#IOU}, {@link SizeMode#WIDTH_HEIGHT}, ε = 1e-4,
     * {@link Reduction#MEAN}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(YoloGrid.DEFAULT);
    }

    /**
     * A builder with the defaults on the given grid.
     *
     * @param grid the grid geometry
     * @return a new builder
     * @throws IllegalArgumentException if {@code grid} is null
     */
    public static Builder builder(YoloGrid grid) {
        if (grid == null) {
            throw new IllegalArgumentException("grid must not be null");
        }
        return new Builder(grid);
    }

    /**
     * The grid geometry.
     *
     * @return the grid
     */
    public YoloGrid grid() {
        return grid;
    }

    /**
     * The weight λcoord of the coordinate terms.
     *
     * @return λcoord
     */
    public double lambdaCoord() {
        return lambdaCoord;
    }

    /**
     * The weight λnoobj of the confidence of predictors that are not responsible.
     *
     * @return λnoobj
     */
    public double lambdaNoobj() {
        return lambdaNoobj;
    }

    /**
     * The confidence target of responsible predictors.
     *
     * @return the confidence target
     */
    public ConfidenceTarget confidenceTarget() {
        return confidenceTarget;
    }

    /**
     * What the size channels hold.
     *
     * @return the size mode
     */
    public SizeMode sizeMode() {
        return sizeMode;
    }

    /**
     * The floor ε of the root in {@link SizeMode#WIDTH_HEIGHT}.
     *
     * @return ε
     */
    public double sizeFloor() {
        return sizeFloor;
    }

    @Override
    public Reduction reduction() {
        return reduction;
    }

    /**
     * Computes the loss.
     *
     * @param predictions shape {@code [N, S, S, B·5 + C]}, FLOAT or DOUBLE; not modified
     * @param targets shape {@code [N, S, S, 5 + C]}, FLOAT or DOUBLE; not modified
     * @return the total loss
     * @throws IllegalArgumentException if a shape or data type is wrong (both shapes are named)
     *     or the targets are invalid
     */
    @Override
    public double value(INDArray predictions, INDArray targets) {
        return terms(predictions, targets).total();
    }

    /**
     * Computes the loss and writes {@code ∂L/∂predictions} into {@code gradient}.
     *
     * @param predictions shape {@code [N, S, S, B·5 + C]}, FLOAT or DOUBLE; not modified
     * @param targets shape {@code [N, S, S, 5 + C]}, FLOAT or DOUBLE; not modified
     * @param gradient where the gradient is written; the shape and data type of
     *     {@code predictions}, sharing memory with neither input
     * @return the total loss
     * @throws IllegalArgumentException if a shape or data type is wrong, the targets are
     *     invalid, or {@code gradient} shares memory with an input
     */
    @Override
    public double valueAndGradient(INDArray predictions, INDArray targets, INDArray gradient) {
        return termsAndGradient(predictions, targets, gradient).total();
    }

    /**
     * Computes the five terms of the loss.
     *
     * @param predictions shape {@code [N, S, S, B·5 + C]}, FLOAT or DOUBLE; not modified
     * @param targets shape {@code [N, S, S, 5 + C]}, FLOAT or DOUBLE; not modified
     * @return the terms, which add up to the loss
     * @throws IllegalArgumentException if a shape or data type is wrong or the targets are
     *     invalid
     */
    public YoloLossTerms terms(INDArray predictions, INDArray targets) {
        int n = check(predictions, targets);
        return compute(toDoubles(predictions), toDoubles(targets), n, null);
    }

    /**
     * Computes the five terms of the loss and writes the gradient of their sum into
     * {@code gradient}.
     *
     * @param predictions shape {@code [N, S, S, B·5 + C]}, FLOAT or DOUBLE; not modified
     * @param targets shape {@code [N, S, S, 5 + C]}, FLOAT or DOUBLE; not modified
     * @param gradient where {@code ∂L/∂predictions} is written; the shape and data type of
     *     {@code predictions}, sharing memory with neither input
     * @return the terms, which add up to the loss
     * @throws IllegalArgumentException if a shape or data type is wrong, the targets are
     *     invalid, or {@code gradient} shares memory with an input
     */
    public YoloLossTerms termsAndGradient(INDArray predictions, INDArray targets,
            INDArray gradient) {
        int n = check(predictions, targets);
        Checks.sameShapeAndType("predictions", predictions, "gradient", gradient);
        Checks.disjoint("gradient", gradient, "predictions", predictions);
        Checks.disjoint("gradient", gradient, "targets", targets);
        double[] g = new double[(int) predictions.length()];
        YoloLossTerms terms = compute(toDoubles(predictions), toDoubles(targets), n, g);
        gradient.assign(Nd4j.create(g, predictions.shape(), 'c').castTo(gradient.dataType()));
        return terms;
    }

    private static double[] toDoubles(INDArray a) {
        return a.reshape('c', new long[] {a.length()}).toDoubleVector();
    }

    /** Validates shapes and types; returns N. */
    private int check(INDArray predictions, INDArray targets) {
        Checks.floatingArray("predictions", predictions);
        Checks.floatingArray("targets", targets);
        long[] ps = predictions.shape();
        if (ps.length != 4 || ps[1] != grid.gridSize() || ps[2] != grid.gridSize()
                || ps[3] != grid.predictionDepth()) {
            throw new IllegalArgumentException("predictions must have shape "
                    + grid.predictionShapeText() + ", got " + Arrays.toString(ps));
        }
        long[] expected = grid.targetShape(ps[0]);
        if (!Arrays.equals(targets.shape(), expected)) {
            throw new IllegalArgumentException("targets must have shape "
                    + Arrays.toString(expected) + " for predictions " + Arrays.toString(ps)
                    + " (N, S, S, 5 + C), got " + Arrays.toString(targets.shape()));
        }
        if (predictions.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("predictions must have fewer than 2^31 elements, "
                    + "got shape " + Arrays.toString(ps));
        }
        return (int) ps[0];
    }

    /** ρ, the floored root. */
    private double root(double v) {
        return v >= sizeFloor ? Math.sqrt(v) : sqrtFloor + (v - sizeFloor) / (2 * sqrtFloor);
    }

    /** ρ'. */
    private double rootSlope(double v) {
        return v >= sizeFloor ? 0.5 / Math.sqrt(v) : 0.5 / sqrtFloor;
    }

    /** The size of a predicted box, as used for the IoU. */
    private double boxSize(double channel) {
        return sizeMode == SizeMode.WIDTH_HEIGHT ? Math.max(channel, 0.0) : channel * channel;
    }

    private YoloLossTerms compute(double[] p, double[] t, int n, double[] g) {
        final int s = grid.gridSize();
        final int b = grid.boxesPerCell();
        final int classes = grid.classes();
        final int pd = grid.predictionDepth();
        final int td = grid.targetDepth();
        final int classOffset = b * YoloGrid.BOX_ENTRIES;
        final double scale = reduction == Reduction.MEAN ? 1.0 / n : 1.0;
        double xy = 0;
        double wh = 0;
        double confObj = 0;
        double confNoobj = 0;
        double cls = 0;
        for (int img = 0; img < n; img++) {
            for (int r = 0; r < s; r++) {
                for (int c = 0; c < s; c++) {
                    int cell = (img * s + r) * s + c;
                    int pb = cell * pd;
                    int tb = cell * td;
                    boolean object = checkTarget(t, tb, img, r, c);
                    int resp = -1;
                    double respIou = 0;
                    double tx = 0;
                    double ty = 0;
                    double tw = 0;
                    double th = 0;
                    if (object) {
                        tx = t[tb];
                        ty = t[tb + 1];
                        tw = t[tb + 2];
                        th = t[tb + 3];
                        resp = responsible(p, pb, r, c, (c + tx) / s, (r + ty) / s, tw, th);
                        respIou = iou(p, pb + resp * YoloGrid.BOX_ENTRIES, r, c,
                                (c + tx) / s, (r + ty) / s, tw, th);
                    }
                    for (int j = 0; j < b; j++) {
                        int q = pb + j * YoloGrid.BOX_ENTRIES;
                        if (j == resp) {
                            double dx = p[q] - tx;
                            double dy = p[q + 1] - ty;
                            double dw;
                            double dh;
                            double slopeW;
                            double slopeH;
                            if (sizeMode == SizeMode.WIDTH_HEIGHT) {
                                dw = root(p[q + 2]) - root(tw);
                                dh = root(p[q + 3]) - root(th);
                                slopeW = rootSlope(p[q + 2]);
                                slopeH = rootSlope(p[q + 3]);
                            } else {
                                dw = p[q + 2] - Math.sqrt(tw);
                                dh = p[q + 3] - Math.sqrt(th);
                                slopeW = 1;
                                slopeH = 1;
                            }
                            double target = confidenceTarget == ConfidenceTarget.ONE ? 1 : respIou;
                            double dc = p[q + 4] - target;
                            confObj += dc * dc;
                            // λ = 0 switches a term off entirely (0·∞ would be NaN).
                            if (lambdaCoord > 0) {
                                xy += lambdaCoord * (dx * dx + dy * dy);
                                wh += lambdaCoord * (dw * dw + dh * dh);
                            }
                            if (g != null) {
                                if (lambdaCoord > 0) {
                                    double k = 2 * scale * lambdaCoord;
                                    g[q] = k * dx;
                                    g[q + 1] = k * dy;
                                    g[q + 2] = k * dw * slopeW;
                                    g[q + 3] = k * dh * slopeH;
                                }
                                g[q + 4] = 2 * scale * dc;
                            }
                        } else if (lambdaNoobj > 0) {
                            double conf = p[q + 4];
                            confNoobj += lambdaNoobj * conf * conf;
                            if (g != null) {
                                g[q + 4] = 2 * scale * lambdaNoobj * conf;
                            }
                        }
                    }
                    if (object) {
                        for (int k = 0; k < classes; k++) {
                            double dk = p[pb + classOffset + k] - t[tb + YoloGrid.BOX_ENTRIES + k];
                            cls += dk * dk;
                            if (g != null) {
                                g[pb + classOffset + k] = 2 * scale * dk;
                            }
                        }
                    }
                }
            }
        }
        return new YoloLossTerms(xy * scale, wh * scale, confObj * scale, confNoobj * scale,
                cls * scale);
    }

    /** Validates one target cell; returns whether it holds an object. */
    private boolean checkTarget(double[] t, int tb, int img, int r, int c) {
        double obj = t[tb + 4];
        if (obj == 0) {
            return false;
        }
        if (obj != 1) {
            throw badTarget(img, r, c, 4, "(the object indicator) must be 0 or 1", obj);
        }
        for (int k = 0; k < 2; k++) {
            if (!(t[tb + k] >= 0 && t[tb + k] <= 1)) {
                throw badTarget(img, r, c, k, "(the centre's " + "xy".charAt(k)
                        + ", relative to the cell) must be in [0, 1]", t[tb + k]);
            }
        }
        for (int k = 2; k < 4; k++) {
            if (!(t[tb + k] > 0 && t[tb + k] <= 1)) {
                throw badTarget(img, r, c, k, "(the " + (k == 2 ? "width" : "height")
                        + ", relative to the image) must be in (0, 1]", t[tb + k]);
            }
        }
        for (int k = 0; k < grid.classes(); k++) {
            double v = t[tb + YoloGrid.BOX_ENTRIES + k];
            if (!Double.isFinite(v)) {
                throw badTarget(img, r, c, YoloGrid.BOX_ENTRIES + k,
                        "(the target of class " + k + ") must be finite", v);
            }
        }
        return true;
    }

    private static IllegalArgumentException badTarget(int img, int r, int c, int k, String what,
            double value) {
        return new IllegalArgumentException("targets[" + img + ", " + r + ", " + c + ", " + k
                + "] " + what + ", got " + value);
    }

    /**
     * The responsible predictor of cell (r, c) for the truth box (centre tcx, tcy, size tw, th,
     * image units): the highest IoU, the lowest index among equals; if no IoU is positive, the
     * nearest box.
     */
    private int responsible(double[] p, int pb, int r, int c, double tcx, double tcy,
            double tw, double th) {
        int best = -1;
        double bestIou = 0;
        for (int j = 0; j < grid.boxesPerCell(); j++) {
            double v = iou(p, pb + j * YoloGrid.BOX_ENTRIES, r, c, tcx, tcy, tw, th);
            if (v > bestIou) {
                bestIou = v;
                best = j;
            }
        }
        if (best >= 0) {
            return best;
        }
        best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        int s = grid.gridSize();
        for (int j = 0; j < grid.boxesPerCell(); j++) {
            int q = pb + j * YoloGrid.BOX_ENTRIES;
            double dx = (c + p[q]) / s - tcx;
            double dy = (r + p[q + 1]) / s - tcy;
            double dw = boxSize(p[q + 2]) - tw;
            double dh = boxSize(p[q + 3]) - th;
            double distance = dx * dx + dy * dy + dw * dw + dh * dh;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = j;
            }
        }
        return best;
    }

    /** The IoU of the predicted box at p[q …] in cell (r, c) with the truth box. */
    private double iou(double[] p, int q, int r, int c, double tcx, double tcy, double tw,
            double th) {
        int s = grid.gridSize();
        double cx = (c + p[q]) / s;
        double cy = (r + p[q + 1]) / s;
        double w = boxSize(p[q + 2]);
        double h = boxSize(p[q + 3]);
        double iw = Math.min(cx + w / 2, tcx + tw / 2) - Math.max(cx - w / 2, tcx - tw / 2);
        double ih = Math.min(cy + h / 2, tcy + th / 2) - Math.max(cy - h / 2, tcy - th / 2);
        if (!(iw > 0 && ih > 0)) {
            return 0;
        }
        double inter = iw * ih;
        double union = w * h + tw * th - inter;
        return union > 0 && union < Double.POSITIVE_INFINITY ? inter / union : 0;
    }

    @Override
    public String toString() {
        return "YoloLoss[grid=" + grid + ", lambdaCoord=" + lambdaCoord + ", lambdaNoobj="
                + lambdaNoobj + ", confidenceTarget=" + confidenceTarget + ", sizeMode="
                + sizeMode + ", sizeFloor=" + sizeFloor + ", reduction=" + reduction + "]";
    }

    /** Builds a {@link YoloLoss}; every setter validates its argument. */
    public static final class Builder {
        private final YoloGrid grid;
        private double lambdaCoord = DEFAULT_LAMBDA_COORD;
        private double lambdaNoobj = DEFAULT_LAMBDA_NOOBJ;
        private ConfidenceTarget confidenceTarget = ConfidenceTarget.IOU;
        private SizeMode sizeMode = SizeMode.WIDTH_HEIGHT;
        private double sizeFloor = DEFAULT_SIZE_FLOOR;
        private Reduction reduction = Reduction.MEAN;

        private Builder(YoloGrid grid) {
            this.grid = grid;
        }

        /**
         * The weight of the coordinate terms (default 5).
         *
         * @param lambda λcoord, finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code lambda} is negative or not finite
         */
        public Builder lambdaCoord(double lambda) {
            this.lambdaCoord = Checks.nonNegative("lambdaCoord", lambda);
            return this;
        }

        /**
         * The weight of the confidence of non-responsible predictors (default 0.5).
         *
         * @param lambda λnoobj, finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code lambda} is negative or not finite
         */
        public Builder lambdaNoobj(double lambda) {
            this.lambdaNoobj = Checks.nonNegative("lambdaNoobj", lambda);
            return this;
        }

        /**
         * The confidence target of responsible predictors (default {@link ConfidenceTarget#IOU}).
         *
         * @param target IOU or ONE
         * @return this builder
         * @throws IllegalArgumentException if {@code target} is null
         */
        public Builder confidenceTarget(ConfidenceTarget target) {
            if (target == null) {
                throw new IllegalArgumentException("confidenceTarget must be IOU or ONE, got null");
            }
            this.confidenceTarget = target;
            return this;
        }

        /**
         * What the size channels hold (default {@link SizeMode#WIDTH_HEIGHT}).
         *
         * @param mode WIDTH_HEIGHT or SQRT_WIDTH_HEIGHT
         * @return this builder
         * @throws IllegalArgumentException if {@code mode} is null
         */
        public Builder sizeMode(SizeMode mode) {
            if (mode == null) {
                throw new IllegalArgumentException(
                        "sizeMode must be WIDTH_HEIGHT or SQRT_WIDTH_HEIGHT, got null");
            }
            this.sizeMode = mode;
            return this;
        }

        /**
         * The floor ε of the root in {@link SizeMode#WIDTH_HEIGHT} (default 1e-4); the slope of
         * the root is at most {@code 1/(2√ε)}.
         *
         * @param epsilon ε, in {@code (0, 1]}
         * @return this builder
         * @throws IllegalArgumentException if {@code epsilon} is outside {@code (0, 1]}
         */
        public Builder sizeFloor(double epsilon) {
            if (!(epsilon > 0 && epsilon <= 1)) {
                throw new IllegalArgumentException("sizeFloor must be in (0, 1], got " + epsilon);
            }
            this.sizeFloor = epsilon;
            return this;
        }

        /**
         * How the per-image losses are combined (default {@link Reduction#MEAN}).
         *
         * @param reduction MEAN (average over images) or SUM
         * @return this builder
         * @throws IllegalArgumentException if {@code reduction} is null
         */
        public Builder reduction(Reduction reduction) {
            if (reduction == null) {
                throw new IllegalArgumentException("reduction must be MEAN or SUM, got null");
            }
            this.reduction = reduction;
            return this;
        }

        /**
         * Builds the loss.
         *
         * @return the loss
         */
        public YoloLoss build() {
            return new YoloLoss(this);
        }
    }
}
