package dev.optim.losses.yolo;

/**
 * A labelled object in an image: its class and its box, in image-relative units (the image is
 * the unit square, x to the right, y downward).
 *
 * <p>A box must lie inside the image: its centre in {@code [0, 1]²}, its width and height in
 * {@code (0, 1]}, and its edges within the image up to {@value #EDGE_TOLERANCE} (so that boxes
 * computed in float32 from pixel coordinates are not refused for rounding). Whether
 * {@code classId} is a known class depends on the detector and is checked by
 * {@link YoloTargetEncoder}.
 *
 * <pre>{@code
 * GroundTruthBox dog = new GroundTruthBox(11, 0.52, 0.40, 0.30, 0.55);
 * }</pre>
 *
 * @param classId the class index, {@code ≥ 0}
 * @param cx the centre's x, in {@code [0, 1]}
 * @param cy the centre's y, in {@code [0, 1]}
 * @param w the width, in {@code (0, 1]}
 * @param h the height, in {@code (0, 1]}
 */
public record GroundTruthBox(int classId, double cx, double cy, double w, double h) {

    /** How far, in image units, a box's edge may lie outside the image. */
    public static final double EDGE_TOLERANCE = 1e-6;

    /**
     * Validates the box.
     *
     * @param classId the class index, {@code ≥ 0}
     * @param cx the centre's x, in {@code [0, 1]}
     * @param cy the centre's y, in {@code [0, 1]}
     * @param w the width, in {@code (0, 1]}
     * @param h the height, in {@code (0, 1]}
     * @throws IllegalArgumentException if {@code classId} is negative, a coordinate is not
     *     finite, the centre is outside the image, a size is not in {@code (0, 1]}, or the box
     *     extends beyond the image
     */
    public GroundTruthBox {
        if (classId < 0) {
            throw new IllegalArgumentException("classId must be >= 0, got " + classId);
        }
        requireUnit("cx", cx, true);
        requireUnit("cy", cy, true);
        requireUnit("w", w, false);
        requireUnit("h", h, false);
        if (cx - w / 2 < -EDGE_TOLERANCE || cx + w / 2 > 1 + EDGE_TOLERANCE) {
            throw new IllegalArgumentException("box must lie inside the image: x range [cx - w/2, "
                    + "cx + w/2] = [" + (cx - w / 2) + ", " + (cx + w / 2) + "] is not within "
                    + "[0, 1] (cx " + cx + ", w " + w + ")");
        }
        if (cy - h / 2 < -EDGE_TOLERANCE || cy + h / 2 > 1 + EDGE_TOLERANCE) {
            throw new IllegalArgumentException("box must lie inside the image: y range [cy - h/2, "
                    + "cy + h/2] = [" + (cy - h / 2) + ", " + (cy + h / 2) + "] is not within "
                    + "[0, 1] (cy " + cy + ", h " + h + ")");
        }
    }

    private static void requireUnit(String name, double v, boolean closedAtZero) {
        boolean ok = closedAtZero ? v >= 0 && v <= 1 : v > 0 && v <= 1;
        if (!ok) {
            throw new IllegalArgumentException(name + " must be in " + (closedAtZero ? "[" : "(")
                    + "0, 1], got " + v);
        }
    }

    /**
     * The box's area, {@code w·h}.
     *
     * @return the area, in {@code (0, 1]}
     */
    public double area() {
        return w * h;
    }
}
