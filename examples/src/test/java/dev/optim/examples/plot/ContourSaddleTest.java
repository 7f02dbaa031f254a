package dev.optim.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.examples.experiment.Surfaces;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, point 14: the stray contour fragment near (−0.74, 0.55) on the tour's rosenbrock
 * picture. Its cause: a saddle cell of the 150 × 150 grid, where rosenbrock's narrow valley
 * crosses the cell diagonally, was resolved by the mean of its four corners (3.044, above the
 * level 3.028) although the function at the cell's centre lies below it (2.988): the contour's
 * tip was cut off into an island one cell wide. The saddle is now resolved by the function's
 * own value at the centre where the grid knows it.
 */
class ContourSaddleTest {

    @Test
    void aSaddleCellFollowsTheFunctionAtItsCentre() {
        // Corners: low at bottom-left and top-right, high at the other two; the mean (5) is above
        // the level 4, but the function is 0 at the centre: the two low corners are joined.
        GridValues corners = new GridValues(new double[] {0, 1}, new double[] {0, 1},
                new double[][] {{0, 10}, {10, 0}});
        GridValues known = corners.withFunction((x, y) -> 0.0);
        assertEquals(5.0, corners.centre(0, 0));
        assertEquals(0.0, known.centre(0, 0));
        // Joined low corners: the segments cut off the high corners (bottom-right: bottom and
        // right edges; top-left: left and top edges). Separated: they cut off the low ones.
        double[][] joined = MarchingSquares.contour(known, 4);
        double[][] apart = MarchingSquares.contour(corners, 4);
        assertTrue(cutsCorner(joined, 1, 0) && cutsCorner(joined, 0, 1), describe(joined));
        assertTrue(cutsCorner(apart, 0, 0) && cutsCorner(apart, 1, 1), describe(apart));
    }

    @Test
    void theRosenbrockContoursOfTheTourHaveNoIslandOneCellWide() {
        Landscape l = Landscapes.byName("rosenbrock");
        var surface = Surfaces.ofLandscape(l, 150);
        GridValues plain = Surfaces.toGrid(surface);
        GridValues known = Surfaces.toGrid(l, surface);
        double cell = plain.x(1) - plain.x(0);
        int before = 0;
        for (double level : ContourChart.logLevels(plain, 12, 4)) {
            before += tinyComponents(MarchingSquares.contour(plain, level), cell);
            assertEquals(0, tinyComponents(MarchingSquares.contour(known, level), cell),
                    "level " + level);
        }
        // The test can fail: without the function the mean of the corners gives the island.
        assertTrue(before > 0, "expected the old rule to show the artefact");
    }

    /** Whether a segment has both end points on the two edges at corner (cx, cy) of the cell. */
    private static boolean cutsCorner(double[][] line, int cx, int cy) {
        for (int k = 0; k < line[0].length; k += 3) {
            boolean a = line[0][k] == cx || line[1][k] == cy;
            boolean b = line[0][k + 1] == cx || line[1][k + 1] == cy;
            boolean near = Math.hypot(line[0][k] - cx, line[1][k] - cy) < 1
                    && Math.hypot(line[0][k + 1] - cx, line[1][k + 1] - cy) < 1;
            if (a && b && near) {
                return true;
            }
        }
        return false;
    }

    private static String describe(double[][] line) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < line[0].length; k += 3) {
            s.append(String.format("(%.2f,%.2f)-(%.2f,%.2f) ", line[0][k], line[1][k],
                    line[0][k + 1], line[1][k + 1]));
        }
        return s.toString();
    }

    /** Closed components of the contour that fit inside a box of two cells: islands. */
    private static int tinyComponents(double[][] line, double cell) {
        int segments = line[0].length / 3;
        int[] parent = new int[segments];
        for (int i = 0; i < segments; i++) {
            parent[i] = i;
        }
        Map<String, Integer> ends = new HashMap<>();
        for (int s = 0; s < segments; s++) {
            for (int e = 0; e < 2; e++) {
                String key = Math.round(line[0][3 * s + e] * 1e9) + ","
                        + Math.round(line[1][3 * s + e] * 1e9);
                Integer other = ends.putIfAbsent(key, s);
                if (other != null) {
                    parent[find(parent, s)] = find(parent, other);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int s = 0; s < segments; s++) {
            groups.computeIfAbsent(find(parent, s), k -> new ArrayList<>()).add(s);
        }
        int tiny = 0;
        for (List<Integer> g : groups.values()) {
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int s : g) {
                for (int e = 0; e < 2; e++) {
                    minX = Math.min(minX, line[0][3 * s + e]);
                    maxX = Math.max(maxX, line[0][3 * s + e]);
                    minY = Math.min(minY, line[1][3 * s + e]);
                    maxY = Math.max(maxY, line[1][3 * s + e]);
                }
            }
            if (maxX - minX < 2 * cell && maxY - minY < 2 * cell) {
                tiny++;
            }
        }
        return tiny;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
