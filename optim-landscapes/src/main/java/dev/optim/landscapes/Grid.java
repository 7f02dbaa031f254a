package dev.optim.landscapes;

import dev.optim.core.Checks;

/**
 * A regular 2-D grid: {@code nx} points from {@code xLo} to {@code xHi} by {@code ny} points from
 * {@code yLo} to {@code yHi}, both ends included (as NumPy's {@code linspace}):
 * {@code xᵢ = xLo + i·(xHi − xLo)/(nx − 1)} for {@code i < nx − 1}, and {@code x_{nx−1} = xHi}.
 *
 * @param xLo the first x coordinate; finite
 * @param xHi the last x coordinate; finite, {@code > xLo}, with {@code xHi − xLo} finite
 * @param nx the number of x coordinates, at least 2
 * @param yLo the first y coordinate; finite
 * @param yHi the last y coordinate; finite, {@code > yLo}, with {@code yHi − yLo} finite
 * @param ny the number of y coordinates, at least 2
 */
public record Grid(double xLo, double xHi, int nx, double yLo, double yHi, int ny) {

    /**
     * Validates the grid.
     *
     * @param xLo the first x coordinate
     * @param xHi the last x coordinate
     * @param nx the number of x coordinates
     * @param yLo the first y coordinate
     * @param yHi the last y coordinate
     * @param ny the number of y coordinates
     * @throws IllegalArgumentException if a bound is not finite, {@code xHi <= xLo} or
     *     {@code yHi <= yLo}, a span {@code xHi − xLo} or {@code yHi − yLo} overflows to
     *     infinity (above {@link Double#MAX_VALUE}), {@code nx} or {@code ny} is below 2, or {@code nx·ny} exceeds
     *     {@code Integer.MAX_VALUE − 8}
     */
    public Grid {
        Checks.finite("xLo", xLo);
        Checks.finite("xHi", xHi);
        Checks.finite("yLo", yLo);
        Checks.finite("yHi", yHi);
        if (!(xHi > xLo)) {
            throw new IllegalArgumentException("xHi must be > xLo = " + xLo + ", got " + xHi);
        }
        if (!(yHi > yLo)) {
            throw new IllegalArgumentException("yHi must be > yLo = " + yLo + ", got " + yHi);
        }
        requireFiniteSpan("x", xLo, xHi);
        requireFiniteSpan("y", yLo, yHi);
        if (nx < 2) {
            throw new IllegalArgumentException("nx must be >= 2, got " + nx);
        }
        if (ny < 2) {
            throw new IllegalArgumentException("ny must be >= 2, got " + ny);
        }
        if ((long) nx * ny > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("nx * ny must be <= " + (Integer.MAX_VALUE - 8)
                    + ", got " + nx + " * " + ny);
        }
    }

    /**
     * A square grid, {@code n × n} points over {@code [lo, hi]²}.
     *
     * @param lo the first coordinate on both axes
     * @param hi the last coordinate on both axes
     * @param n the number of points per axis, at least 2
     * @return the grid
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Grid square(double lo, double hi, int n) {
        return new Grid(lo, hi, n, lo, hi, n);
    }

    /**
     * A grid over a 2-D domain.
     *
     * @param domain a 2-D box
     * @param nx the number of x coordinates, at least 2
     * @param ny the number of y coordinates, at least 2
     * @return the grid over {@code domain}
     * @throws IllegalArgumentException if {@code domain} is null or not 2-D, or as the canonical
     *     constructor
     */
    public static Grid over(Domain domain, int nx, int ny) {
        if (domain == null || domain.dimension() != 2) {
            throw new IllegalArgumentException("domain must be 2-D, got "
                    + (domain == null ? "null" : domain.dimension() + "-D " + domain));
        }
        return new Grid(domain.lo(0), domain.hi(0), nx, domain.lo(1), domain.hi(1), ny);
    }

    /**
     * The number of grid points.
     *
     * @return {@code nx·ny}
     */
    public int size() {
        return nx * ny;
    }

    /**
     * The {@code i}-th x coordinate.
     *
     * @param i the index, in {@code [0, nx)}
     * @return {@code xᵢ}
     * @throws IllegalArgumentException if {@code i} is out of range
     */
    public double x(int i) {
        return coordinate("i", i, xLo, xHi, nx);
    }

    /**
     * The {@code j}-th y coordinate.
     *
     * @param j the index, in {@code [0, ny)}
     * @return {@code yⱼ}
     * @throws IllegalArgumentException if {@code j} is out of range
     */
    public double y(int j) {
        return coordinate("j", j, yLo, yHi, ny);
    }

    /**
     * All x coordinates.
     *
     * @return a new array of {@code nx} coordinates
     */
    public double[] xs() {
        double[] v = new double[nx];
        for (int i = 0; i < nx; i++) {
            v[i] = x(i);
        }
        return v;
    }

    /**
     * All y coordinates.
     *
     * @return a new array of {@code ny} coordinates
     */
    public double[] ys() {
        double[] v = new double[ny];
        for (int j = 0; j < ny; j++) {
            v[j] = y(j);
        }
        return v;
    }

    /** The spacing is {@code (hi − lo)/(n − 1)}: {@code hi − lo} must not overflow to ∞. */
    private static void requireFiniteSpan(String axis, double lo, double hi) {
        if (!Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException(axis + "Hi − " + axis + "Lo must be finite (at most "
                    + Double.MAX_VALUE + ", so that the spacing is), got [" + lo + ", " + hi
                    + "]");
        }
    }

    private static double coordinate(String name, int i, double lo, double hi, int n) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException(name + " must be in [0, " + n + "), got " + i);
        }
        return i == n - 1 ? hi : lo + i * ((hi - lo) / (n - 1));
    }
}
