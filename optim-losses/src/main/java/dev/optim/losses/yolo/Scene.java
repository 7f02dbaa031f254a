package dev.optim.losses.yolo;

import java.util.List;

/**
 * One image with its labelled objects: {@code channels × size × size} pixels in {@code [0, 1]},
 * stored channel-major ({@code pixels[(c·size + y)·size + x]}, the NCHW layout of a convolution's
 * input), and the ground-truth boxes in image-relative units.
 *
 * @param size the image's width and height in pixels
 * @param channels the number of colour channels (3: red, green, blue)
 * @param pixels the pixel values; the record's own array, do not modify it
 * @param objects the labelled objects, unmodifiable
 */
public record Scene(int size, int channels, float[] pixels, List<GroundTruthBox> objects) {

    /**
     * Validates the scene.
     *
     * @param size the width and height, {@code ≥ 1}
     * @param channels the channels, {@code ≥ 1}
     * @param pixels {@code channels·size·size} values
     * @param objects the objects; copied
     * @throws IllegalArgumentException if a size is not positive, the pixel count does not match,
     *     or {@code objects} is null or holds null
     */
    public Scene {
        if (size < 1 || channels < 1) {
            throw new IllegalArgumentException("size and channels must be >= 1, got size=" + size
                    + ", channels=" + channels);
        }
        if (pixels == null || pixels.length != (long) channels * size * size) {
            throw new IllegalArgumentException("pixels must hold channels·size·size = "
                    + ((long) channels * size * size) + " values, got "
                    + (pixels == null ? "null" : pixels.length));
        }
        // Not objects.contains(null): List.of(...) throws a NullPointerException for that.
        if (objects == null || objects.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("objects must not be null or hold null");
        }
        objects = List.copyOf(objects);
    }

    /**
     * The value of one pixel.
     *
     * @param channel the channel
     * @param y the row, from the top
     * @param x the column, from the left
     * @return the value in {@code [0, 1]}
     */
    public float pixel(int channel, int y, int x) {
        return pixels[(channel * size + y) * size + x];
    }
}
