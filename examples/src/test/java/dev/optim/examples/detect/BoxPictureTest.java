package dev.optim.examples.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.optim.losses.yolo.Scene;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Boxes land on exactly the pixels worked out by hand; scenes scale up block by block. */
class BoxPictureTest {

    private static final int WHITE = 0xFFFFFFFF;
    private static final Color RED = new Color(0xD55E00);

    private static BufferedImage white(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, WHITE);
            }
        }
        return img;
    }

    /** Every pixel is the colour if it is in {@code border}, white otherwise. */
    private static void assertOnly(BufferedImage img, Set<Long> border, int colour) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int expected = border.contains(key(x, y)) ? colour : WHITE;
                assertEquals(Integer.toHexString(expected), Integer.toHexString(img.getRGB(x, y)),
                        "pixel (" + x + ", " + y + ")");
            }
        }
    }

    private static long key(int x, int y) {
        return ((long) x << 32) | y;
    }

    @Test
    void aOnePixelBorderLiesOnTheRoundedEdges() {
        // cx 0.5, w 0.5 on 20 px: columns [5, 15); cy 0.5, h 0.3: rows [7, 13).
        assertArrayEquals(new int[] {5, 7, 15, 13},
                BoxPicture.pixels(0.5, 0.5, 0.5, 0.3, 20));
        BufferedImage img = white(20, 20);
        BoxPicture.solid(img, 0, 0, 20, new double[] {0.5, 0.5, 0.5, 0.3}, RED, 1);
        Set<Long> border = new HashSet<>();
        for (int x = 5; x <= 14; x++) {
            border.add(key(x, 7));
            border.add(key(x, 12));
        }
        for (int y = 8; y <= 11; y++) {
            border.add(key(5, y));
            border.add(key(14, y));
        }
        assertEquals(28, border.size());
        assertOnly(img, border, RED.getRGB());
    }

    @Test
    void aThickBorderInAnOffsetTileIsTwoPixelsInsideTheEdges() {
        // A 10-pixel tile at (3, 2) of a 16×14 picture; box columns [2, 8), rows [1, 9).
        BufferedImage img = white(16, 14);
        assertArrayEquals(new int[] {2, 1, 8, 9}, BoxPicture.pixels(0.5, 0.5, 0.6, 0.8, 10));
        BoxPicture.solid(img, 3, 2, 10, new double[] {0.5, 0.5, 0.6, 0.8}, RED, 2);
        Set<Long> border = new HashSet<>();
        for (int y = 1; y <= 8; y++) {
            for (int x = 2; x <= 7; x++) {
                boolean inner = x >= 4 && x <= 5 && y >= 3 && y <= 6;
                if (!inner) {
                    border.add(key(3 + x, 2 + y));
                }
            }
        }
        assertEquals(6 * 8 - 2 * 4, border.size());
        assertOnly(img, border, RED.getRGB());
    }

    @Test
    void aBoxBeyondTheImageIsClippedToItsTile() {
        // cx 0.05, w 0.3 on 20 px: columns [-2, 4); rows [8, 12). A tile at (10, 0) of 40×20.
        BufferedImage img = white(40, 20);
        BoxPicture.solid(img, 10, 0, 20, new double[] {0.05, 0.5, 0.3, 0.2}, RED, 1);
        Set<Long> border = new HashSet<>();
        for (int x = 0; x <= 3; x++) {
            border.add(key(10 + x, 8));
            border.add(key(10 + x, 11));
        }
        border.add(key(13, 9));
        border.add(key(13, 10));
        assertOnly(img, border, RED.getRGB()); // nothing left of the tile (x < 10)
    }

    @Test
    void aDashedBorderAlternatesFourPixelsOfEachColour() {
        BufferedImage img = white(16, 16);
        BoxPicture.dashed(img, 0, 0, 16, new double[] {0.5, 0.5, 1, 1}, Color.WHITE,
                Color.BLACK, 1);
        int[] top = new int[16];
        int[] left = new int[16];
        for (int k = 0; k < 16; k++) {
            top[k] = img.getRGB(k, 0);
            left[k] = img.getRGB(0, k);
        }
        int w = Color.WHITE.getRGB();
        int b = Color.BLACK.getRGB();
        assertArrayEquals(new int[] {w, w, w, w, b, b, b, b, w, w, w, w, b, b, b, b}, top);
        // Down the left edge by y; the corner (0, 15) belongs to the bottom edge: x = 0, a dash.
        assertArrayEquals(new int[] {w, w, w, w, b, b, b, b, w, w, w, w, b, b, b, w}, left);
        assertEquals(b, img.getRGB(15, 13), "right edge, 13 along y: a gap");
        assertEquals(w, img.getRGB(5, 5), "inside: untouched");
    }

    @Test
    void aSceneScalesUpNearestNeighbour() {
        // 2×2, channel-major: red, green, blue planes.
        float[] px = {
            1f, 0f, 0.5f, 0.2f, // red
            0f, 1f, 0.5f, 0.4f, // green
            0f, 0f, 0.5f, 1f};  // blue
        Scene s = new Scene(2, 3, px, List.of());
        BufferedImage img = BoxPicture.scene(s, 3);
        assertEquals(6, img.getWidth());
        assertEquals(6, img.getHeight());
        int[][] expected = {{0xFF0000, 0x00FF00}, {0x808080, 0x3366FF}};
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(Integer.toHexString(expected[y / 3][x / 3]),
                        Integer.toHexString(img.getRGB(x, y) & 0xFFFFFF), "(" + x + ", " + y + ")");
            }
        }
        BufferedImage grey = BoxPicture.scene(new Scene(1, 1, new float[] {0.2f}, List.of()), 2);
        assertEquals(0x333333, grey.getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void badArgumentsAreRefusedNamingTheValue() {
        Scene s = new Scene(1, 1, new float[] {0f}, List.of());
        assertEquals("scale must be in [1, 64], got 0",
                assertThrows(IllegalArgumentException.class, () -> BoxPicture.scene(s, 0))
                        .getMessage());
        assertEquals("scene must have 1 or at least 3 channels, got 2",
                assertThrows(IllegalArgumentException.class, () -> BoxPicture.scene(
                        new Scene(1, 2, new float[2], List.of()), 1)).getMessage());
        BufferedImage img = white(4, 4);
        assertEquals("box must be {cx, cy, w, h}, got 3 values",
                assertThrows(IllegalArgumentException.class, () -> BoxPicture.solid(img, 0, 0, 4,
                        new double[] {0.5, 0.5, 0.5}, RED, 1)).getMessage());
        assertEquals("side and thickness must be >= 1, got side=4, thickness=0",
                assertThrows(IllegalArgumentException.class, () -> BoxPicture.solid(img, 0, 0, 4,
                        new double[] {0.5, 0.5, 0.5, 0.5}, RED, 0)).getMessage());
        assertEquals("box values must be finite, got [0.5, NaN, 0.5, 0.5]",
                assertThrows(IllegalArgumentException.class, () -> BoxPicture.solid(img, 0, 0, 4,
                        new double[] {0.5, Double.NaN, 0.5, 0.5}, RED, 1)).getMessage());
    }
}
