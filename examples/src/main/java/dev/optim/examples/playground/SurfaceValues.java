package dev.optim.examples.playground;

import dev.optim.core.ArrayObjective;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Surface;

/**
 * A loss on a grid, computed point by point through the objective's own
 * {@link ArrayObjective#evaluate(double[], double[])}, the path the descent itself takes, so the
 * page's surface holds the very values the trajectories see. (The library's {@link Surface}
 * evaluates in ND4J batches: on a 200 × 200 grid of himmelblau that took hundreds of
 * milliseconds where this loop takes a fraction of one, and the two agree to rounding; the tests
 * compare them.) The contour levels follow
 * {@link Surface#logContourLevels(int)}'s formula, also compared in the tests.
 */
final class SurfaceValues {

    private final Grid grid;
    private final double[][] values;
    private final double min;
    private final double max;

    private SurfaceValues(Grid grid, double[][] values, double min, double max) {
        this.grid = grid;
        this.values = values;
        this.min = min;
        this.max = max;
    }

    /**
     * The objective's values on the grid.
     *
     * @param objective a 2-parameter objective
     * @param grid the grid
     * @param deadline checked once per row
     * @return the values, {@code [ny][nx]} as {@link Surface#values()}
     */
    static SurfaceValues of(ArrayObjective objective, Grid grid, PlaygroundApi.Deadline deadline) {
        double[][] v = new double[grid.ny()][grid.nx()];
        double[] p = new double[2];
        double[] g = new double[2];
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (int j = 0; j < grid.ny(); j++) {
            deadline.check();
            p[1] = grid.y(j);
            for (int i = 0; i < grid.nx(); i++) {
                p[0] = grid.x(i);
                double f = objective.evaluate(p, g);
                v[j][i] = f;
                if (Double.isFinite(f)) {
                    if (!(f >= lo)) {
                        lo = f;
                    }
                    if (!(f <= hi)) {
                        hi = f;
                    }
                }
            }
        }
        return new SurfaceValues(grid, v, lo, hi);
    }

    Grid grid() {
        return grid;
    }

    double[][] values() {
        return values;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    /** As {@link Surface#logContourLevels(int)}: log-spaced from min to max, shifted if min ≤ 0. */
    double[] logContourLevels(int count) {
        if (Double.isNaN(min)) {
            throw new ApiException(422, null, "the surface has no finite value on this grid");
        }
        double[] levels = new double[count];
        if (max == min) {
            java.util.Arrays.fill(levels, min);
            return levels;
        }
        double shift = 0;
        double a = min;
        double b = max;
        if (min <= 0) {
            double delta = 1e-3 * (max - min);
            shift = min - delta;
            a = delta;
            b = max - shift;
        }
        double logA = Math.log(a);
        double logB = Math.log(b);
        for (int k = 0; k < count; k++) {
            levels[k] = shift + Math.exp(logA + (logB - logA) * k / (count - 1));
        }
        levels[0] = min;
        levels[count - 1] = max;
        return levels;
    }
}
