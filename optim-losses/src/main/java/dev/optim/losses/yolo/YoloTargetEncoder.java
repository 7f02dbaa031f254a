package dev.optim.losses.yolo;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns the labelled boxes of each image into YOLO's target tensor, of shape
 * {@code [N, S, S, 5 + C]} (layout in {@link YoloGrid}).
 *
 * <p>A box whose centre is {@code (cx, cy)} belongs to the cell in row
 * {@code r = min(⌊cy·S⌋, S − 1)} and column {@code c = min(⌊cx·S⌋, S − 1)}, and is stored there
 * as {@code x = cx·S − c}, {@code y = cy·S − r} (the centre relative to the cell, in
 * {@code [0, 1]}; 1 only for a centre on the image's right or bottom edge), {@code w}, {@code h}
 * (relative to the image), {@code obj = 1} and a one-hot class vector. All other cells are
 * zero; an image without boxes gives an all-zero slice.
 *
 * <p><b>Two boxes in one cell.</b> The paper's grid holds one object per cell. What happens when
 * two centres fall in the same cell is chosen by {@link SameCellPolicy}: by default
 * ({@link SameCellPolicy#REJECT}) the encoder refuses with a message naming both boxes and the
 * cell, rather than drop an object silently; {@link SameCellPolicy#KEEP_FIRST} keeps the box
 * listed first (as darknet's label loader does) and {@link SameCellPolicy#KEEP_LARGEST} the one
 * with the largest area (the first of equals).
 *
 * <p>Boxes outside the image and non-positive sizes are refused by {@link GroundTruthBox}
 * itself; class indices {@code ≥ C} are refused here. Immutable and thread-safe.
 *
 * <pre>{@code
 * YoloTargetEncoder encoder = new YoloTargetEncoder(new YoloGrid(7, 2, 20));
 * INDArray targets = encoder.encode(List.of(
 *         List.of(new GroundTruthBox(14, 0.5, 0.5, 0.2, 0.6)),   // image 0: a person
 *         List.of()));                                           // image 1: empty
 * }</pre>
 */
public final class YoloTargetEncoder {

    /** The most values of one target tensor: the largest Java array. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** What to do when two boxes of one image have their centres in the same cell. */
    public enum SameCellPolicy {
        /** Refuse the input with an {@link IllegalArgumentException} (the default). */
        REJECT,
        /** Keep the box that comes first in the image's list; ignore the others. */
        KEEP_FIRST,
        /** Keep the box with the largest area {@code w·h} (the first of equal areas). */
        KEEP_LARGEST
    }

    private final YoloGrid grid;
    private final SameCellPolicy policy;

    /**
     * An encoder that refuses two boxes in one cell ({@link SameCellPolicy#REJECT}).
     *
     * @param grid the grid geometry
     * @throws IllegalArgumentException if {@code grid} is null
     */
    public YoloTargetEncoder(YoloGrid grid) {
        this(grid, SameCellPolicy.REJECT);
    }

    /**
     * An encoder with the given policy for two boxes in one cell.
     *
     * @param grid the grid geometry
     * @param policy what to do with two boxes in one cell
     * @throws IllegalArgumentException if an argument is null
     */
    public YoloTargetEncoder(YoloGrid grid, SameCellPolicy policy) {
        if (grid == null) {
            throw new IllegalArgumentException("grid must not be null");
        }
        if (policy == null) {
            throw new IllegalArgumentException(
                    "policy must be REJECT, KEEP_FIRST or KEEP_LARGEST, got null");
        }
        this.grid = grid;
        this.policy = policy;
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
     * The policy for two boxes in one cell.
     *
     * @return the policy
     */
    public SameCellPolicy policy() {
        return policy;
    }

    /**
     * The grid row of a box's centre, {@code min(⌊cy·S⌋, S − 1)}.
     *
     * @param box the box
     * @return the row, in {@code [0, S)}
     * @throws IllegalArgumentException if {@code box} is null
     */
    public int row(GroundTruthBox box) {
        return cell(requireBox(box).cy());
    }

    /**
     * The grid column of a box's centre, {@code min(⌊cx·S⌋, S − 1)}.
     *
     * @param box the box
     * @return the column, in {@code [0, S)}
     * @throws IllegalArgumentException if {@code box} is null
     */
    public int column(GroundTruthBox box) {
        return cell(requireBox(box).cx());
    }

    private int cell(double v) {
        return Math.min((int) Math.floor(v * grid.gridSize()), grid.gridSize() - 1);
    }

    private static GroundTruthBox requireBox(GroundTruthBox box) {
        if (box == null) {
            throw new IllegalArgumentException("box must not be null");
        }
        return box;
    }

    /**
     * Encodes the boxes of {@code N} images as a DOUBLE target tensor.
     *
     * @param images one list of boxes per image (an empty list for an image without objects);
     *     at least one image
     * @return the targets, shape {@code [N, S, S, 5 + C]}, DOUBLE
     * @throws IllegalArgumentException if {@code images} is null or empty, holds a null list or
     *     box, a box has a class index {@code ≥ C}, two boxes share a cell under
     *     {@link SameCellPolicy#REJECT}, or the tensor would exceed {@code 2^31 − 9} values
     */
    public INDArray encode(List<? extends List<GroundTruthBox>> images) {
        return encode(images, DataType.DOUBLE);
    }

    /**
     * Encodes the boxes of {@code N} images as a target tensor of the given data type.
     *
     * @param images one list of boxes per image; at least one image
     * @param type FLOAT or DOUBLE
     * @return the targets, shape {@code [N, S, S, 5 + C]}
     * @throws IllegalArgumentException as {@link #encode(List)}, or if {@code type} is not FLOAT
     *     or DOUBLE
     */
    public INDArray encode(List<? extends List<GroundTruthBox>> images, DataType type) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("type must be FLOAT or DOUBLE, got " + type);
        }
        if (images == null || images.isEmpty()) {
            throw new IllegalArgumentException("images must hold at least one image, got "
                    + (images == null ? "null" : "an empty list"));
        }
        int s = grid.gridSize();
        int depth = grid.targetDepth();
        int n = images.size();
        long size = (long) n * s * s * depth;
        if (size > MAX_ELEMENTS) {
            throw new IllegalArgumentException("images: " + n + " images of " + s + "·" + s + "·"
                    + depth + " target values make " + size + ", more than one array holds ("
                    + MAX_ELEMENTS + "); encode at most " + MAX_ELEMENTS / ((long) s * s * depth)
                    + " images at a time");
        }
        double[] t = new double[(int) size];
        int[] owner = new int[s * s];
        for (int img = 0; img < n; img++) {
            List<GroundTruthBox> boxes = images.get(img);
            if (boxes == null) {
                throw new IllegalArgumentException("images[" + img + "] must be a list of boxes "
                        + "(empty for an image without objects), got null");
            }
            java.util.Arrays.fill(owner, -1);
            for (int k = 0; k < boxes.size(); k++) {
                GroundTruthBox box = boxes.get(k);
                if (box == null) {
                    throw new IllegalArgumentException(
                            "images[" + img + "] box " + k + " must not be null");
                }
                if (box.classId() >= grid.classes()) {
                    throw new IllegalArgumentException("images[" + img + "] box " + k
                            + ": classId must be in [0, " + grid.classes() + "), got "
                            + box.classId());
                }
                int r = row(box);
                int c = column(box);
                int prev = owner[r * s + c];
                if (prev >= 0 && !replaces(boxes.get(prev), box, img, prev, k, r, c)) {
                    continue;
                }
                owner[r * s + c] = k;
            }
            for (int r = 0; r < s; r++) {
                for (int c = 0; c < s; c++) {
                    int k = owner[r * s + c];
                    if (k < 0) {
                        continue;
                    }
                    GroundTruthBox box = boxes.get(k);
                    int base = ((img * s + r) * s + c) * depth;
                    t[base] = box.cx() * s - c;
                    t[base + 1] = box.cy() * s - r;
                    t[base + 2] = box.w();
                    t[base + 3] = box.h();
                    t[base + 4] = 1.0;
                    t[base + YoloGrid.BOX_ENTRIES + box.classId()] = 1.0;
                }
            }
        }
        return Nd4j.create(t, grid.targetShape(n), 'c').castTo(type);
    }

    /** Whether {@code box} (number k) replaces {@code kept} (number prev) in cell (r, c). */
    private boolean replaces(GroundTruthBox kept, GroundTruthBox box, int img, int prev, int k,
            int r, int c) {
        switch (policy) {
            case KEEP_FIRST:
                return false;
            case KEEP_LARGEST:
                return box.area() > kept.area();
            default:
                throw new IllegalArgumentException("images[" + img + "]: boxes " + prev + " "
                        + kept + " and " + k + " " + box + " both have their centre in grid cell "
                        + "(row " + r + ", column " + c + "), and a cell holds one object; use "
                        + "SameCellPolicy.KEEP_FIRST or KEEP_LARGEST, or a finer grid");
        }
    }

    @Override
    public String toString() {
        return "YoloTargetEncoder[grid=" + grid + ", policy=" + policy + "]";
    }
}
