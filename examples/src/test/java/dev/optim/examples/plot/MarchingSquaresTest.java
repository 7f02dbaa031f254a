package dev.optim.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarchingSquaresTest {

    @Test
    void circleContourLiesOnTheCircle() {
        GridValues g = GridValues.sample((x, y) -> x * x + y * y, -2, 2, -2, 2, 81, 81);
        double[][] line = MarchingSquares.contour(g, 1.0);
        assertEquals(line[0].length, line[1].length);
        assertTrue(line[0].length > 3 * 100, "expected many segments, got " + line[0].length / 3);
        assertEquals(0, line[0].length % 3);
        double perimeter = 0;
        for (int k = 0; k < line[0].length; k += 3) {
            for (int e = 0; e < 2; e++) {
                double r = Math.hypot(line[0][k + e], line[1][k + e]);
                // Linear interpolation of x²+y² on a 0.05 grid is off by at most h²/4 in r².
                assertEquals(1.0, r, 1e-3);
            }
            assertTrue(Double.isNaN(line[0][k + 2]) && Double.isNaN(line[1][k + 2]));
            perimeter += Math.hypot(line[0][k + 1] - line[0][k], line[1][k + 1] - line[1][k]);
        }
        assertEquals(2 * Math.PI, perimeter, 1e-2);
    }

    @Test
    void levelOutsideTheRangeGivesNothing() {
        GridValues g = GridValues.sample((x, y) -> x + y, 0, 1, 0, 1, 5, 5);
        assertEquals(0, MarchingSquares.contour(g, 10)[0].length);
        assertEquals(0, MarchingSquares.contour(g, -10)[0].length);
    }

    @Test
    void saddleCellsGiveTwoSegments() {
        // One cell, corners bl=1, br=0, tr=1, tl=0 (case 5), centre 0.5.
        GridValues g = new GridValues(new double[] {0, 1}, new double[] {0, 1},
                new double[][] {{1, 0}, {0, 1}});
        double[][] above = MarchingSquares.contour(g, 0.4);
        double[][] below = MarchingSquares.contour(g, 0.6);
        assertEquals(6, above[0].length);
        assertEquals(6, below[0].length);
    }

    @Test
    void nonFiniteCellsAreSkipped() {
        GridValues g = new GridValues(new double[] {0, 1, 2}, new double[] {0, 1},
                new double[][] {{0, 1, Double.NaN}, {0, 1, 2}});
        double[][] line = MarchingSquares.contour(g, 0.5);
        assertEquals(3, line[0].length);
        assertEquals(0.5, line[0][0], 1e-12);
    }

    @Test
    void gridRefusesBadShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> new GridValues(new double[] {0, 1}, new double[] {0, 1},
                        new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> new GridValues(new double[] {1, 0}, new double[] {0, 1},
                        new double[][] {{1, 2}, {3, 4}}));
    }
}
