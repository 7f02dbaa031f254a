package dev.optim.losses.yolo;

import dev.optim.core.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a YOLO detector's output into detections, as the paper does at test time (Redmon et al.
 * 2016, section 2): each predicted box {@code j} of cell {@code (r, c)} gets the class
 * {@code k* = argmax_k p̂_k} of its cell (the first of equals) and the class-specific score
 * {@code Ĉ_j · p̂_{k*}}; boxes scoring below the threshold, or with a size at or below zero, are
 * dropped; then non-maximum suppression, per class: in order of decreasing score (ties in cell
 * and box order), a box is kept unless it overlaps a kept box of its class by more than the NMS
 * IoU.
 *
 * <p>Coordinates follow {@link YoloGrid}: centre {@code ((c + x̂)/S, (r + ŷ)/S)}, size
 * {@code (ŵ, ĥ)} in {@link YoloLoss.SizeMode#WIDTH_HEIGHT} or {@code (ŝ_w², ŝ_h²)} in
 * {@link YoloLoss.SizeMode#SQRT_WIDTH_HEIGHT}. Immutable and thread-safe.
 *
 * @param grid the grid geometry
 * @param sizeMode what the size channels hold
 * @param scoreThreshold the lowest score kept, finite
 * @param nmsIou the overlap above which a lower-scoring box of the same class is suppressed, in
 *     {@code (0, 1]} (1 keeps every box)
 */
public record YoloDecoder(YoloGrid grid, YoloLoss.SizeMode sizeMode, double scoreThreshold,
        double nmsIou) {

    /**
     * Validates the configuration.
     *
     * @param grid the grid, not null
     * @param sizeMode the size mode, not null
     * @param scoreThreshold finite
     * @param nmsIou in {@code (0, 1]}
     * @throws IllegalArgumentException if a value is out of range
     */
    public YoloDecoder {
        if (grid == null || sizeMode == null) {
            throw new IllegalArgumentException("grid and sizeMode must not be null");
        }
        Checks.finite("scoreThreshold", scoreThreshold);
        if (!(nmsIou > 0 && nmsIou <= 1)) {
            throw new IllegalArgumentException("nmsIou must be in (0, 1], got " + nmsIou);
        }
    }

    /**
     * Decodes a batch of predictions.
     *
     * @param predictions shape {@code [N, S, S, B·5 + C]}, FLOAT or DOUBLE; not modified
     * @return the detections of each image, in decreasing score
     * @throws IllegalArgumentException if the shape does not fit the grid
     */
    public List<List<Detection>> decode(INDArray predictions) {
        Checks.floatingArray("predictions", predictions);
        long[] shape = predictions.shape();
        int s = grid.gridSize();
        int depth = grid.predictionDepth();
        if (shape.length != 4 || shape[1] != s || shape[2] != s || shape[3] != depth) {
            throw new IllegalArgumentException("predictions must have shape "
                    + grid.predictionShapeText() + ", got " + Arrays.toString(shape));
        }
        int n = (int) shape[0];
        double[] p = predictions.reshape('c', new long[] {predictions.length()}).toDoubleVector();
        List<List<Detection>> out = new ArrayList<>(n);
        for (int img = 0; img < n; img++) {
            out.add(decodeImage(p, img));
        }
        return out;
    }

    private List<Detection> decodeImage(double[] p, int img) {
        int s = grid.gridSize();
        int b = grid.boxesPerCell();
        int classes = grid.classes();
        int depth = grid.predictionDepth();
        List<Detection> candidates = new ArrayList<>();
        for (int r = 0; r < s; r++) {
            for (int c = 0; c < s; c++) {
                int base = ((img * s + r) * s + c) * depth;
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (p[base + b * YoloGrid.BOX_ENTRIES + k]
                            > p[base + b * YoloGrid.BOX_ENTRIES + best]) {
                        best = k;
                    }
                }
                double classScore = p[base + b * YoloGrid.BOX_ENTRIES + best];
                for (int j = 0; j < b; j++) {
                    int q = base + j * YoloGrid.BOX_ENTRIES;
                    double score = p[q + 4] * classScore;
                    double w = sizeMode == YoloLoss.SizeMode.WIDTH_HEIGHT ? p[q + 2]
                            : p[q + 2] * p[q + 2];
                    double h = sizeMode == YoloLoss.SizeMode.WIDTH_HEIGHT ? p[q + 3]
                            : p[q + 3] * p[q + 3];
                    if (!(score >= scoreThreshold) || !(w > 0) || !(h > 0)
                            || !Double.isFinite(score) || !Double.isFinite(w)
                            || !Double.isFinite(h) || !Double.isFinite(p[q])
                            || !Double.isFinite(p[q + 1])) {
                        continue;
                    }
                    candidates.add(new Detection(best, score, (c + p[q]) / s, (r + p[q + 1]) / s,
                            w, h));
                }
            }
        }
        // Stable: equal scores keep cell and box order.
        candidates.sort((x, y) -> Double.compare(y.confidence(), x.confidence()));
        List<Detection> kept = new ArrayList<>();
        for (Detection d : candidates) {
            boolean suppressed = false;
            for (Detection k : kept) {
                if (k.classId() == d.classId() && overlap(k, d) > nmsIou) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(d);
            }
        }
        return kept;
    }

    /** The IoU of two detections' boxes. */
    static double overlap(Detection a, Detection b) {
        double ix = Math.min(a.cx() + a.w() / 2, b.cx() + b.w() / 2)
                - Math.max(a.cx() - a.w() / 2, b.cx() - b.w() / 2);
        double iy = Math.min(a.cy() + a.h() / 2, b.cy() + b.h() / 2)
                - Math.max(a.cy() - a.h() / 2, b.cy() - b.h() / 2);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        double inter = ix * iy;
        return inter / (a.w() * a.h() + b.w() * b.h() - inter);
    }
}
