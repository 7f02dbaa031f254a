package dev.optim.examples.plot;

import java.util.Arrays;
import java.util.function.ToDoubleBiFunction;

/**
 * Values of a function of two variables on a rectangular grid: {@code z[j][i] = f(xs[i], ys[j])}.
 * Immutable; the accessors return copies.
 */
public final class GridValues {

    private final double[] xs;
    private final double[] ys;
    private final double[][] z;
    private final ToDoubleBiFunction<Double, Double> function;

    /**
     * Wraps grid values (copied).
     *
     * @param xs the x coordinates, strictly increasing, at least 2
     * @param ys the y coordinates, strictly increasing, at least 2
     * @param z the values, {@code ys.length} rows of {@code xs.length} columns
     * @throws IllegalArgumentException if the sizes do not fit or the coordinates do not increase
     */
    public GridValues(double[] xs, double[] ys, double[][] z) {
        checkAxis("xs", xs);
        checkAxis("ys", ys);
        if (z.length != ys.length) {
            throw new IllegalArgumentException(
                    "z must have " + ys.length + " rows (one per y), got " + z.length);
        }
        this.z = new double[z.length][];
        for (int j = 0; j < z.length; j++) {
            if (z[j].length != xs.length) {
                throw new IllegalArgumentException("z row " + j + " must have " + xs.length
                        + " values (one per x), got " + z[j].length);
            }
            this.z[j] = z[j].clone();
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.function = null;
    }

    private GridValues(GridValues g, ToDoubleBiFunction<Double, Double> function) {
        this.xs = g.xs;
        this.ys = g.ys;
        this.z = g.z;
        this.function = function;
    }

    /**
     * The same samples, with the function they were sampled from, so that
     * {@link MarchingSquares} can ask it the value at a cell's centre where the four corners
     * leave the contour ambiguous (a saddle cell). Without it, the corners' mean decides, and a
     * narrow diagonal valley (rosenbrock's) can be cut into a stray fragment.
     *
     * @param f the function {@code z = f(x, y)} the samples came from
     * @return a grid that knows its function
     */
    public GridValues withFunction(ToDoubleBiFunction<Double, Double> f) {
        if (f == null) {
            throw new IllegalArgumentException("f must not be null");
        }
        return new GridValues(this, f);
    }

    /**
     * The value at the centre of cell {@code (i, j)} (between columns {@code i, i+1} and rows
     * {@code j, j+1}): the function's, if the grid knows it ({@link #withFunction}), else the
     * mean of the four corners.
     *
     * @param i the cell's column, in {@code [0, nx − 2]}
     * @param j the cell's row, in {@code [0, ny − 2]}
     * @return the value
     */
    public double centre(int i, int j) {
        if (function != null) {
            double v = function.applyAsDouble((xs[i] + xs[i + 1]) / 2, (ys[j] + ys[j + 1]) / 2);
            if (Double.isFinite(v)) {
                return v;
            }
        }
        return (z[j][i] + z[j][i + 1] + z[j + 1][i] + z[j + 1][i + 1]) / 4;
    }

    /**
     * Evaluates {@code f} on an evenly spaced {@code nx × ny} grid over a rectangle.
     *
     * @param f the function {@code (x, y) -> z}
     * @param xLo the left edge
     * @param xHi the right edge, above {@code xLo}
     * @param yLo the bottom edge
     * @param yHi the top edge, above {@code yLo}
     * @param nx the number of x coordinates, at least 2
     * @param ny the number of y coordinates, at least 2
     * @return the grid
     */
    public static GridValues sample(ToDoubleBiFunction<Double, Double> f, double xLo, double xHi,
            double yLo, double yHi, int nx, int ny) {
        double[] xs = linspace(xLo, xHi, nx);
        double[] ys = linspace(yLo, yHi, ny);
        double[][] z = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                z[j][i] = f.applyAsDouble(xs[i], ys[j]);
            }
        }
        return new GridValues(xs, ys, z).withFunction(f);
    }

    /**
     * {@code n} evenly spaced values from {@code lo} to {@code hi}, both included.
     *
     * @param lo the first value
     * @param hi the last value
     * @param n the count, at least 2
     * @return the values
     */
    public static double[] linspace(double lo, double hi, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2, got " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
        }
        return v;
    }

    /**
     * The x coordinates.
     *
     * @return a copy
     */
    public double[] xs() {
        return xs.clone();
    }

    /**
     * The y coordinates.
     *
     * @return a copy
     */
    public double[] ys() {
        return ys.clone();
    }

    /**
     * The number of x coordinates (columns).
     *
     * @return the count
     */
    public int nx() {
        return xs.length;
    }

    /**
     * The number of y coordinates (rows).
     *
     * @return the count
     */
    public int ny() {
        return ys.length;
    }

    /**
     * The x coordinate of column {@code i}.
     *
     * @param i the column
     * @return {@code xs[i]}
     */
    public double x(int i) {
        return xs[i];
    }

    /**
     * The y coordinate of row {@code j}.
     *
     * @param j the row
     * @return {@code ys[j]}
     */
    public double y(int j) {
        return ys[j];
    }

    /**
     * The value at column {@code i}, row {@code j}.
     *
     * @param i the column
     * @param j the row
     * @return {@code f(xs[i], ys[j])}
     */
    public double z(int i, int j) {
        return z[j][i];
    }

    /**
     * The smallest finite value.
     *
     * @return the minimum, or NaN if no value is finite
     */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v) && v < m) {
                    m = v;
                }
            }
        }
        return m == Double.POSITIVE_INFINITY ? Double.NaN : m;
    }

    /**
     * The largest finite value.
     *
     * @return the maximum, or NaN if no value is finite
     */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v) && v > m) {
                    m = v;
                }
            }
        }
        return m == Double.NEGATIVE_INFINITY ? Double.NaN : m;
    }

    private static void checkAxis(String name, double[] axis) {
        if (axis == null || axis.length < 2) {
            throw new IllegalArgumentException(name + " must hold at least 2 coordinates, got "
                    + (axis == null ? "null" : Arrays.toString(axis)));
        }
        for (int i = 1; i < axis.length; i++) {
            if (!(axis[i] > axis[i - 1])) {
                throw new IllegalArgumentException(name + " must increase strictly, but "
                        + name + "[" + i + "] = " + axis[i] + " follows " + axis[i - 1]);
            }
        }
    }
}
