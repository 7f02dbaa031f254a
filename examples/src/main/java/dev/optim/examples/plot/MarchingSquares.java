package dev.optim.examples.plot;

import java.util.Arrays;

/**
 * Contour lines of a {@link GridValues} at a level, by marching squares: each grid cell whose corners
 * lie on both sides of the level contributes one or two straight segments, with end points
 * interpolated linearly along the cell's edges. Saddle cells (two opposite corners above the
 * level, two below) are resolved by the value at the cell's centre, {@link GridValues#centre}:
 * the function's own value where the grid knows its function, else the mean of the four corners.
 * The mean misjudges a narrow valley that crosses the cell diagonally (rosenbrock's: the corners
 * lie up the walls, the centre on the floor), cutting the contour's tip into a stray fragment
 * one cell wide. Cells with a non-finite corner are skipped.
 *
 * <p>The result is a polyline in the form a line chart draws directly: x and y arrays where every
 * segment is two points followed by a NaN separator, so that no line joins two segments.
 */
public final class MarchingSquares {

    private static final int BOTTOM = 0;
    private static final int RIGHT = 1;
    private static final int TOP = 2;
    private static final int LEFT = 3;

    /** Edge pairs per case (corners at or above the level: bl=1, br=2, tr=4, tl=8). */
    private static final int[][] CASES = {
        {},
        {LEFT, BOTTOM},
        {BOTTOM, RIGHT},
        {LEFT, RIGHT},
        {RIGHT, TOP},
        null, // saddle
        {BOTTOM, TOP},
        {LEFT, TOP},
        {LEFT, TOP},
        {BOTTOM, TOP},
        null, // saddle
        {RIGHT, TOP},
        {LEFT, RIGHT},
        {BOTTOM, RIGHT},
        {LEFT, BOTTOM},
        {},
    };

    private MarchingSquares() {}

    /**
     * The contour of {@code grid} at {@code level}.
     *
     * @param grid the grid
     * @param level the level
     * @return {@code {xs, ys}}: three entries per segment (two end points and a NaN separator)
     */
    public static double[][] contour(GridValues grid, double level) {
        double[] xs = new double[64];
        double[] ys = new double[64];
        int n = 0;
        double[] p = new double[2];
        for (int j = 0; j + 1 < grid.ny(); j++) {
            for (int i = 0; i + 1 < grid.nx(); i++) {
                double bl = grid.z(i, j);
                double br = grid.z(i + 1, j);
                double tr = grid.z(i + 1, j + 1);
                double tl = grid.z(i, j + 1);
                if (!Double.isFinite(bl) || !Double.isFinite(br) || !Double.isFinite(tr)
                        || !Double.isFinite(tl)) {
                    continue;
                }
                int c = (bl >= level ? 1 : 0) | (br >= level ? 2 : 0) | (tr >= level ? 4 : 0)
                        | (tl >= level ? 8 : 0);
                int[] edges = CASES[c];
                if (edges == null) {
                    boolean centreAbove = grid.centre(i, j) >= level;
                    if (c == 5) {
                        edges = centreAbove ? new int[] {BOTTOM, RIGHT, LEFT, TOP}
                                : new int[] {LEFT, BOTTOM, RIGHT, TOP};
                    } else {
                        edges = centreAbove ? new int[] {LEFT, BOTTOM, RIGHT, TOP}
                                : new int[] {BOTTOM, RIGHT, LEFT, TOP};
                    }
                }
                for (int e = 0; e < edges.length; e += 2) {
                    if (n + 3 > xs.length) {
                        xs = Arrays.copyOf(xs, xs.length * 2);
                        ys = Arrays.copyOf(ys, ys.length * 2);
                    }
                    crossing(grid, i, j, edges[e], level, p);
                    xs[n] = p[0];
                    ys[n++] = p[1];
                    crossing(grid, i, j, edges[e + 1], level, p);
                    xs[n] = p[0];
                    ys[n++] = p[1];
                    xs[n] = Double.NaN;
                    ys[n++] = Double.NaN;
                }
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    /** Where {@code level} crosses edge {@code edge} of cell (i, j), into {@code out}. */
    private static void crossing(GridValues g, int i, int j, int edge, double level, double[] out) {
        switch (edge) {
            case BOTTOM -> {
                out[0] = lerp(g.x(i), g.x(i + 1), g.z(i, j), g.z(i + 1, j), level);
                out[1] = g.y(j);
            }
            case TOP -> {
                out[0] = lerp(g.x(i), g.x(i + 1), g.z(i, j + 1), g.z(i + 1, j + 1), level);
                out[1] = g.y(j + 1);
            }
            case LEFT -> {
                out[0] = g.x(i);
                out[1] = lerp(g.y(j), g.y(j + 1), g.z(i, j), g.z(i, j + 1), level);
            }
            case RIGHT -> {
                out[0] = g.x(i + 1);
                out[1] = lerp(g.y(j), g.y(j + 1), g.z(i + 1, j), g.z(i + 1, j + 1), level);
            }
            default -> throw new IllegalStateException("edge " + edge);
        }
    }

    private static double lerp(double a, double b, double za, double zb, double level) {
        if (za == zb) {
            return (a + b) / 2;
        }
        double t = (level - za) / (zb - za);
        return a + Math.max(0, Math.min(1, t)) * (b - a);
    }
}
