package dev.optim.examples.detect;

import dev.optim.losses.yolo.Scene;
import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Pixel-exact drawing of a scene and of boxes on it, the building blocks of
 * {@link DetectionPictures#detectionGrid}.
 *
 * <p>A scene is scaled up by an integer factor {@code k}, nearest-neighbour: image pixel
 * {@code (x, y)} becomes the {@code k × k} block {@code [k·x, k·x + k) × [k·y, k·y + k)}, with
 * colour {@code round(255·v)} per channel (channels 0, 1, 2 as red, green, blue; a one-channel
 * scene is grey).
 *
 * <p>A box in image-relative units ({@code cx, cy, w, h}, the image the unit square) covers, on
 * a picture of {@code side} pixels, the pixel columns {@code [x0, x1)} and rows {@code [y0, y1)}
 * with
 *
 * <pre>
 *   x0 = round((cx − w/2)·side),  x1 = round((cx + w/2)·side),
 *   y0 = round((cy − h/2)·side),  y1 = round((cy + h/2)·side),
 * </pre>
 *
 * (at least one pixel wide and high), and its border of thickness {@code t} is the pixels of that
 * rectangle within {@code t} of its edge: {@code x < x0 + t}, {@code x ≥ x1 − t}, {@code y < y0 + t}
 * or {@code y ≥ y1 − t}. Pixels outside the picture are not drawn (a predicted box may reach
 * beyond the image). A dashed border alternates {@link #DASH} pixels of the colour with
 * {@link #DASH} pixels of a second colour, counted along each edge from the rectangle's
 * top-left corner: by {@code x − x0} on the top and bottom edges (corners included), by
 * {@code y − y0} on the left and right ones.
 */
public final class BoxPicture {

    /** The length, in pixels, of a dash and of a gap in a dashed border. */
    public static final int DASH = 4;

    private BoxPicture() {}

    /**
     * A scene as an RGB picture, scaled up {@code scale} times, nearest-neighbour.
     *
     * @param scene the scene, with 1 or at least 3 channels (the first three are used)
     * @param scale the factor, in {@code [1, 64]}
     * @return a new {@code TYPE_INT_RGB} picture of {@code scale·size} pixels a side
     * @throws IllegalArgumentException if {@code scene} is null, has 2 channels, or
     *     {@code scale} is out of range
     */
    public static BufferedImage scene(Scene scene, int scale) {
        if (scene == null) {
            throw new IllegalArgumentException("scene must not be null");
        }
        if (scene.channels() == 2) {
            throw new IllegalArgumentException("scene must have 1 or at least 3 channels, got 2");
        }
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("scale must be in [1, 64], got " + scale);
        }
        int n = scene.size();
        BufferedImage img = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_INT_RGB);
        boolean grey = scene.channels() == 1;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int r = level(scene.pixel(0, y, x));
                int g = grey ? r : level(scene.pixel(1, y, x));
                int b = grey ? r : level(scene.pixel(2, y, x));
                int rgb = (r << 16) | (g << 8) | b;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.setRGB(x * scale + dx, y * scale + dy, rgb);
                    }
                }
            }
        }
        return img;
    }

    /** {@code round(255·v)}, clamped to {@code [0, 255]} (NaN as 0). */
    static int level(float v) {
        if (!(v > 0)) {
            return 0;
        }
        return v >= 1 ? 255 : Math.round(255 * v);
    }

    /**
     * The pixel rectangle {@code {x0, y0, x1, y1}} (end exclusive) that a box covers on a
     * picture of {@code side} pixels, before clipping, as the class documents.
     *
     * @param cx the centre's x, image-relative
     * @param cy the centre's y, image-relative
     * @param w the width, image-relative
     * @param h the height, image-relative
     * @param side the picture's side in pixels
     * @return {@code {x0, y0, x1, y1}} with {@code x1 > x0} and {@code y1 > y0}
     */
    public static int[] pixels(double cx, double cy, double w, double h, int side) {
        int x0 = (int) Math.round((cx - w / 2) * side);
        int x1 = Math.max(x0 + 1, (int) Math.round((cx + w / 2) * side));
        int y0 = (int) Math.round((cy - h / 2) * side);
        int y1 = Math.max(y0 + 1, (int) Math.round((cy + h / 2) * side));
        return new int[] {x0, y0, x1, y1};
    }

    /**
     * Draws a box's border in one colour.
     *
     * @param img the picture, square; a tile at {@code (left, top)} of {@code side} pixels is
     *     drawn into
     * @param left the tile's left edge in {@code img}
     * @param top the tile's top edge in {@code img}
     * @param side the tile's side in pixels
     * @param box {@code {cx, cy, w, h}}, image-relative
     * @param colour the colour
     * @param thickness the border's thickness in pixels, at least 1
     * @throws IllegalArgumentException if an argument is null or out of range
     */
    public static void solid(BufferedImage img, int left, int top, int side, double[] box,
            Color colour, int thickness) {
        draw(img, left, top, side, box, colour, colour, thickness);
    }

    /**
     * Draws a box's border dashed: {@link #DASH} pixels of {@code colour}, then {@link #DASH}
     * of {@code gap}, along each edge.
     *
     * @param img the picture
     * @param left the tile's left edge in {@code img}
     * @param top the tile's top edge in {@code img}
     * @param side the tile's side in pixels
     * @param box {@code {cx, cy, w, h}}, image-relative
     * @param colour the dashes' colour
     * @param gap the gaps' colour
     * @param thickness the border's thickness in pixels, at least 1
     * @throws IllegalArgumentException if an argument is null or out of range
     */
    public static void dashed(BufferedImage img, int left, int top, int side, double[] box,
            Color colour, Color gap, int thickness) {
        if (gap == null) {
            throw new IllegalArgumentException("gap colour must not be null");
        }
        draw(img, left, top, side, box, colour, gap, thickness);
    }

    private static void draw(BufferedImage img, int left, int top, int side, double[] box,
            Color colour, Color gap, int thickness) {
        if (img == null || box == null || colour == null) {
            throw new IllegalArgumentException("img, box and colour must not be null");
        }
        if (box.length != 4) {
            throw new IllegalArgumentException("box must be {cx, cy, w, h}, got "
                    + box.length + " values");
        }
        if (side < 1 || thickness < 1) {
            throw new IllegalArgumentException("side and thickness must be >= 1, got side="
                    + side + ", thickness=" + thickness);
        }
        for (double v : box) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("box values must be finite, got "
                        + java.util.Arrays.toString(box));
            }
        }
        int[] r = pixels(box[0], box[1], box[2], box[3], side);
        int on = colour.getRGB();
        int off = gap.getRGB();
        for (int y = r[1]; y < r[3]; y++) {
            for (int x = r[0]; x < r[2]; x++) {
                boolean vertical = x < r[0] + thickness || x >= r[2] - thickness;
                boolean horizontal = y < r[1] + thickness || y >= r[3] - thickness;
                if (!vertical && !horizontal || x < 0 || y < 0 || x >= side || y >= side) {
                    continue;
                }
                // Horizontal edges count dashes along x, vertical ones along y.
                int along = horizontal ? x - r[0] : y - r[1];
                boolean dash = (along / DASH) % 2 == 0;
                int px = left + x;
                int py = top + y;
                if (px < img.getWidth() && py < img.getHeight() && px >= 0 && py >= 0) {
                    img.setRGB(px, py, dash ? on : off);
                }
            }
        }
    }
}
