package dev.optim.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SobolSequenceTest {

    private static List<double[]> scipy() throws IOException {
        try (InputStream in = SobolSequenceTest.class.getResourceAsStream("/fixtures/sobol-unscrambled.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#"))
                    .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toList();
        }
    }

    @Test
    void unscrambledEqualsScipyExactly() throws IOException {
        List<double[]> expected = scipy();
        assertEquals(512, expected.size());
        SobolSequence s = SobolSequence.unscrambled(40);
        for (int n = 0; n < expected.size(); n++) {
            assertArrayEquals(expected.get(n), s.point(n), 0.0, "point " + n);
        }
    }

    @Test
    void scrambledPointsKeepTheNetProperty() {
        for (long seed : new long[] {1, 2, 3}) {
            SobolSequence s = SobolSequence.scrambled(40, seed);
            double[][] pts = new double[1024][];
            for (int n = 0; n < pts.length; n++) {
                pts[n] = s.point(n);
            }
            for (int m = 1; m <= 10; m++) {
                int size = 1 << m;
                for (int j = 0; j < 40; j++) {
                    boolean[] hit = new boolean[size];
                    for (int n = 0; n < size; n++) {
                        double x = pts[n][j];
                        assertTrue(x >= 0 && x < 1);
                        int cell = (int) (x * size);
                        assertFalse(hit[cell], "seed " + seed + " m " + m + " dim " + j + " cell " + cell);
                        hit[cell] = true;
                    }
                }
            }
            // Dimensions 1 and 2 form a (0, m, 2)-net: one point in every elementary box.
            for (int m = 2; m <= 10; m++) {
                int size = 1 << m;
                for (int a = 0; a <= m; a++) {
                    boolean[] hit = new boolean[size];
                    for (int n = 0; n < size; n++) {
                        int cell = (int) (pts[n][0] * (1 << a)) * (1 << (m - a)) + (int) (pts[n][1] * (1 << (m - a)));
                        assertFalse(hit[cell], "elementary box, m " + m + " a " + a);
                        hit[cell] = true;
                    }
                }
            }
        }
    }

    @Test
    void scramblesDifferBySeedAndAreReproducible() {
        assertArrayEquals(SobolSequence.scrambled(5, 7).point(3), SobolSequence.scrambled(5, 7).point(3));
        assertFalse(Arrays.equals(SobolSequence.scrambled(5, 7).point(3), SobolSequence.scrambled(5, 8).point(3)));
        assertFalse(Arrays.equals(SobolSequence.scrambled(5, 7).point(0), new double[5]));
    }

    @Test
    void refusesDimensionsAndIndicesOutOfRange() {
        assertEquals("Sobol dimension must be in [1, 40], got 41",
                assertThrows(IllegalArgumentException.class, () -> SobolSequence.unscrambled(41)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SobolSequence.unscrambled(0));
        assertThrows(IllegalArgumentException.class, () -> SobolSequence.unscrambled(2).point(-1));
    }
}
