package dev.optim.losses.yolo;

/**
 * The geometry of a YOLO detector's output: an {@code S×S} grid over the image, {@code B}
 * predicted boxes per cell and {@code C} classes, and the tensor layouts that follow from it.
 *
 * <p><b>Prediction layout</b>, shape {@code [N, S, S, B·5 + C]}: for image {@code n}, grid row
 * {@code r} (top to bottom) and column {@code c} (left to right), the last dimension holds
 *
 * <pre>
 *   [5j + 0] x_j     box j's centre, relative to the cell: image x = (c + x_j)/S
 *   [5j + 1] y_j     box j's centre, relative to the cell: image y = (r + y_j)/S
 *   [5j + 2] w_j     box j's width,  relative to the image (or √width, see YoloLoss.SizeMode)
 *   [5j + 3] h_j     box j's height, relative to the image (or √height)
 *   [5j + 4] C_j     box j's confidence
 *   [5B + k] p_k     the cell's score for class k, k = 0 … C−1
 * </pre>
 *
 * <p>for {@code j = 0 … B−1}: the {@code B} boxes first, then the classes, as in the paper's
 * {@code S×S×(B·5 + C)} output.
 *
 * <p><b>Target layout</b> (made by {@link YoloTargetEncoder}), shape {@code [N, S, S, 5 + C]}:
 *
 * <pre>
 *   [0] x, [1] y     the object's centre, relative to the cell, in [0, 1]
 *   [2] w, [3] h     the object's size, relative to the image, in (0, 1]
 *   [4]  obj         1 if an object's centre falls in this cell, else 0
 *   [5 + k]          the class target, one-hot: 1 for the object's class, 0 for the others
 * </pre>
 *
 * <p>In a cell with {@code obj = 0} the other entries are ignored (the encoder writes zeros).
 *
 * @param gridSize {@code S}, the number of cells along each side, in {@code [1, 1024]}
 * @param boxesPerCell {@code B}, the boxes predicted per cell, in {@code [1, 64]}
 * @param classes {@code C}, the number of classes, in {@code [1, 100000]}, with the prediction
 *     slice of one image, {@code S·S·(B·5 + C)} values, at most {@link #MAX_IMAGE_ELEMENTS}
 */
public record YoloGrid(int gridSize, int boxesPerCell, int classes) {

    /** The paper's configuration for PASCAL VOC: {@code S = 7, B = 2, C = 20}. */
    public static final YoloGrid DEFAULT = new YoloGrid(7, 2, 20);

    /**
     * The most values one image's prediction slice may hold, {@code S·S·(B·5 + C) ≤ 2^24}
     * (16 777 216; 128 MB as doubles), so that tensors of many images stay addressable. The
     * largest S, B and C allowed one by one would give 10^11.
     */
    public static final long MAX_IMAGE_ELEMENTS = 1L << 24;

    /** The entries per box: x, y, w, h, confidence. */
    public static final int BOX_ENTRIES = 5;

    /**
     * Validates the geometry.
     *
     * @param gridSize {@code S}, in {@code [1, 1024]}
     * @param boxesPerCell {@code B}, in {@code [1, 64]}
     * @param classes {@code C}, in {@code [1, 100000]}
     * @throws IllegalArgumentException if a value is outside its range, or one image's
     *     prediction slice {@code S·S·(B·5 + C)} exceeds {@link #MAX_IMAGE_ELEMENTS}
     */
    public YoloGrid {
        require("gridSize", gridSize, 1024);
        require("boxesPerCell", boxesPerCell, 64);
        require("classes", classes, 100_000);
        long perImage = (long) gridSize * gridSize * (boxesPerCell * BOX_ENTRIES + classes);
        if (perImage > MAX_IMAGE_ELEMENTS) {
            throw new IllegalArgumentException("S·S·(B·5 + C), the prediction values of one image, "
                    + "must be <= " + MAX_IMAGE_ELEMENTS + ", got " + gridSize + "·" + gridSize
                    + "·(" + boxesPerCell + "·5 + " + classes + ") = " + perImage);
        }
    }

    private static void require(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(
                    name + " must be in [1, " + max + "], got " + value);
        }
    }

    /**
     * The length of a cell's prediction vector, {@code B·5 + C}.
     *
     * @return {@code B·5 + C}
     */
    public int predictionDepth() {
        return boxesPerCell * BOX_ENTRIES + classes;
    }

    /**
     * The length of a cell's target vector, {@code 5 + C}.
     *
     * @return {@code 5 + C}
     */
    public int targetDepth() {
        return BOX_ENTRIES + classes;
    }

    /**
     * The shape of the predictions for {@code n} images, {@code [n, S, S, B·5 + C]}.
     *
     * @param n the number of images, at least 1
     * @return the shape
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public long[] predictionShape(long n) {
        requireImages(n);
        return new long[] {n, gridSize, gridSize, predictionDepth()};
    }

    /**
     * The shape of the targets for {@code n} images, {@code [n, S, S, 5 + C]}.
     *
     * @param n the number of images, at least 1
     * @return the shape
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public long[] targetShape(long n) {
        requireImages(n);
        return new long[] {n, gridSize, gridSize, targetDepth()};
    }

    /**
     * The prediction shape in words, for messages:
     * {@code "[N, S, S, B·5 + C] (S = 2, B·5 + C = 2·5 + 3)"} with the numbers filled in.
     */
    String predictionShapeText() {
        return "[N, " + gridSize + ", " + gridSize + ", " + predictionDepth() + "] (S = "
                + gridSize + ", B·5 + C = " + boxesPerCell + "·5 + " + classes + ")";
    }

    /**
     * The target shape in words, for messages: {@code "[N, 2, 2, 8] (S = 2, 5 + C = 5 + 3)"}.
     */
    String targetShapeText() {
        return "[N, " + gridSize + ", " + gridSize + ", " + targetDepth() + "] (S = " + gridSize
                + ", 5 + C = 5 + " + classes + ")";
    }

    private static void requireImages(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
    }
}
