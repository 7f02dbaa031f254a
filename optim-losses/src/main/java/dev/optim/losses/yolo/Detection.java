package dev.optim.losses.yolo;

/**
 * A detector's answer for one object: a class, a confidence and a box, in the image-relative
 * units of {@link GroundTruthBox} (the image is the unit square). Unlike a ground-truth box, a
 * predicted box may reach outside the image; only its size must be positive.
 *
 * @param classId the predicted class, {@code ≥ 0}
 * @param confidence the score that ranks detections, finite (higher is surer)
 * @param cx the centre's x, finite
 * @param cy the centre's y, finite
 * @param w the width, finite and {@code > 0}
 * @param h the height, finite and {@code > 0}
 */
public record Detection(int classId, double confidence, double cx, double cy, double w,
        double h) {

    /**
     * Validates the detection.
     *
     * @param classId the predicted class, {@code ≥ 0}
     * @param confidence the score, finite
     * @param cx the centre's x, finite
     * @param cy the centre's y, finite
     * @param w the width, finite and {@code > 0}
     * @param h the height, finite and {@code > 0}
     * @throws IllegalArgumentException if a value is out of its range
     */
    public Detection {
        if (classId < 0) {
            throw new IllegalArgumentException("classId must be >= 0, got " + classId);
        }
        if (!Double.isFinite(confidence)) {
            throw new IllegalArgumentException("confidence must be finite, got " + confidence);
        }
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("centre must be finite, got (" + cx + ", " + cy
                    + ")");
        }
        if (!(w > 0) || !(h > 0) || !Double.isFinite(w) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("w and h must be finite and > 0, got w=" + w
                    + ", h=" + h);
        }
    }

    /**
     * The intersection over union of this box with a ground-truth box, in continuous
     * coordinates (no "+1 pixel" as in the VOC development kit's integer boxes).
     *
     * @param truth the ground-truth box
     * @return {@code area(A ∩ B) / area(A ∪ B)}, in {@code [0, 1]}
     */
    public double iou(GroundTruthBox truth) {
        double ix = Math.min(cx + w / 2, truth.cx() + truth.w() / 2)
                - Math.max(cx - w / 2, truth.cx() - truth.w() / 2);
        double iy = Math.min(cy + h / 2, truth.cy() + truth.h() / 2)
                - Math.max(cy - h / 2, truth.cy() - truth.h() / 2);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        double inter = ix * iy;
        return inter / (w * h + truth.area() - inter);
    }
}
