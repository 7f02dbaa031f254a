package dev.optim.landscapes;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Checks;
import dev.optim.core.Objective;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A loss surface: the values of a function of two coordinates on a {@link Grid}, for contour
 * plots and heat maps.
 *
 * <p>Three sources:
 * <ul>
 *   <li>a {@link Landscape} of dimension 2 ({@link #of(Landscape, Grid)}), evaluated with
 *       {@link Landscape#evaluateBatch} in blocks of {@value #BLOCK} points: a 1000 × 1000 grid is
 *       a few hundred array operations, not a million calls;
 *   <li>any 2-D {@link Objective} ({@link #of(Objective, Grid)}), point by point;
 *   <li>a 2-D slice of an n-D objective ({@link #slice}): {@code f(θ₀ + a·d₁ + b·d₂)} with
 *       {@code (a, b)} on the grid, for a model's loss along two directions (see
 *       {@link Directions}).
 * </ul>
 *
 * <p>Immutable. Values are stored in float64, row by row: {@code value(i, j)} is at
 * {@code (xᵢ, yⱼ)}, and {@link #values()} returns {@code [ny][nx]} (rows are y), the layout that
 * contour plotting libraries expect.
 */
public final class Surface {

    /** The number of grid points evaluated per batch for a landscape. */
    public static final int BLOCK = 1 << 16;

    private final Grid grid;
    private final double[] values;

    private Surface(Grid grid, double[] values) {
        this.grid = grid;
        this.values = values;
    }

    /**
     * A 2-D landscape on a grid over its own {@link Landscape#domain()}.
     *
     * @param landscape a landscape of dimension 2
     * @param nx the number of x coordinates, at least 2
     * @param ny the number of y coordinates, at least 2
     * @return the surface
     * @throws IllegalArgumentException if {@code landscape} is null or not 2-D, or the grid is
     *     invalid
     */
    public static Surface of(Landscape landscape, int nx, int ny) {
        requireTwoD("landscape", landscape);
        return of(landscape, Grid.over(landscape.domain(), nx, ny));
    }

    /**
     * A 2-D landscape on a grid, evaluated in batches ({@value #BLOCK} points at a time).
     *
     * @param landscape a landscape of dimension 2
     * @param grid the grid
     * @return the surface
     * @throws IllegalArgumentException if {@code landscape} is null or not 2-D, or {@code grid}
     *     is null
     */
    public static Surface of(Landscape landscape, Grid grid) {
        requireTwoD("landscape", landscape);
        requireGrid(grid);
        int size = grid.size();
        double[] xs = grid.xs();
        double[] ys = grid.ys();
        double[] out = new double[size];
        for (int start = 0; start < size; start += BLOCK) {
            int k = Math.min(BLOCK, size - start);
            double[] flat = new double[2 * k];
            for (int r = 0; r < k; r++) {
                int index = start + r;
                flat[2 * r] = xs[index % grid.nx()];
                flat[2 * r + 1] = ys[index / grid.nx()];
            }
            INDArray points = Nd4j.create(flat, new long[] {k, 2}, DataType.DOUBLE);
            INDArray vals = Nd4j.create(DataType.DOUBLE, k);
            INDArray grads = Nd4j.create(DataType.DOUBLE, k, 2);
            landscape.evaluateBatch(points, vals, grads);
            System.arraycopy(vals.toDoubleVector(), 0, out, start, k);
        }
        return new Surface(grid, out);
    }

    /**
     * Any objective of dimension 2 on a grid, point by point (a {@link Landscape} is evaluated in
     * batches, as {@link #of(Landscape, Grid)}).
     *
     * @param objective an objective of dimension 2
     * @param grid the grid
     * @return the surface
     * @throws IllegalArgumentException if {@code objective} is null or not 2-D, or {@code grid}
     *     is null
     */
    public static Surface of(Objective objective, Grid grid) {
        if (objective instanceof Landscape landscape) {
            return of(landscape, grid);
        }
        requireTwoD("objective", objective);
        requireGrid(grid);
        INDArray origin = Nd4j.createFromArray(0.0, 0.0);
        INDArray e1 = Nd4j.createFromArray(1.0, 0.0);
        INDArray e2 = Nd4j.createFromArray(0.0, 1.0);
        return slice(objective, origin, e1, e2, grid);
    }

    /**
     * A 2-D slice of an n-D objective: {@code f(θ₀ + a·d₁ + b·d₂)} for {@code (a, b)} on the grid
     * (the grid's x is {@code a}, its y is {@code b}). An {@link ArrayObjective} is evaluated on
     * {@code double[]} arrays; any other objective on arrays of the data type of {@code theta0}.
     *
     * @param objective the objective, of dimension {@code n}
     * @param theta0 the centre {@code θ₀}, of length {@code n}; not modified
     * @param d1 the first direction, of length {@code n}; not modified
     * @param d2 the second direction, of length {@code n}; not modified
     * @param grid the grid of coefficients {@code (a, b)}
     * @return the surface
     * @throws IllegalArgumentException if an argument is null, an array is not floating point, or
     *     a length differs from the objective's dimension
     */
    public static Surface slice(Objective objective, INDArray theta0, INDArray d1, INDArray d2,
            Grid grid) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        requireGrid(grid);
        long n = objective.dimension();
        Checks.floatingArray("theta0", theta0);
        Checks.floatingArray("d1", d1);
        Checks.floatingArray("d2", d2);
        Checks.length("theta0", theta0, n);
        Checks.length("d1", d1, n);
        Checks.length("d2", d2, n);
        double[] xs = grid.xs();
        double[] ys = grid.ys();
        double[] out = new double[grid.size()];
        if (objective instanceof ArrayObjective array) {
            double[] t0 = theta0.reshape(n).toDoubleVector();
            double[] u = d1.reshape(n).toDoubleVector();
            double[] v = d2.reshape(n).toDoubleVector();
            double[] p = new double[(int) n];
            for (int j = 0; j < ys.length; j++) {
                for (int i = 0; i < xs.length; i++) {
                    for (int k = 0; k < p.length; k++) {
                        p[k] = t0[k] + xs[i] * u[k] + ys[j] * v[k];
                    }
                    out[j * xs.length + i] = array.value(p);
                }
            }
        } else {
            INDArray t0 = theta0.dup();
            INDArray u = d1.castTo(theta0.dataType()).reshape(theta0.shape());
            INDArray v = d2.castTo(theta0.dataType()).reshape(theta0.shape());
            INDArray p = theta0.dup();
            for (int j = 0; j < ys.length; j++) {
                for (int i = 0; i < xs.length; i++) {
                    p.assign(t0).addi(u.mul(xs[i])).addi(v.mul(ys[j]));
                    out[j * xs.length + i] = objective.value(p);
                }
            }
        }
        return new Surface(grid, out);
    }

    /**
     * The grid.
     *
     * @return the grid the values were computed on
     */
    public Grid grid() {
        return grid;
    }

    /**
     * The value at one grid point.
     *
     * @param i the x index, in {@code [0, nx)}
     * @param j the y index, in {@code [0, ny)}
     * @return the value at {@code (xᵢ, yⱼ)}
     * @throws IllegalArgumentException if an index is out of range
     */
    public double value(int i, int j) {
        if (i < 0 || i >= grid.nx()) {
            throw new IllegalArgumentException("i must be in [0, " + grid.nx() + "), got " + i);
        }
        if (j < 0 || j >= grid.ny()) {
            throw new IllegalArgumentException("j must be in [0, " + grid.ny() + "), got " + j);
        }
        return values[j * grid.nx() + i];
    }

    /**
     * All values, rows of constant y.
     *
     * @return a new {@code [ny][nx]} array: {@code values()[j][i] = value(i, j)}
     */
    public double[][] values() {
        double[][] v = new double[grid.ny()][];
        for (int j = 0; j < grid.ny(); j++) {
            v[j] = new double[grid.nx()];
            System.arraycopy(values, j * grid.nx(), v[j], 0, grid.nx());
        }
        return v;
    }

    /**
     * The smallest finite value (NaN and infinite values, as a diverging model's loss may give,
     * are skipped).
     *
     * @return the minimum, or NaN if no value is finite
     */
    public double min() {
        double m = Double.NaN;
        for (double v : values) {
            if (Double.isFinite(v) && !(v >= m)) {
                m = v;
            }
        }
        return m;
    }

    /**
     * The largest finite value (NaN and infinite values are skipped).
     *
     * @return the maximum, or NaN if no value is finite
     */
    public double max() {
        double m = Double.NaN;
        for (double v : values) {
            if (Double.isFinite(v) && !(v <= m)) {
                m = v;
            }
        }
        return m;
    }

    /**
     * The grid point with the smallest finite value (the first one in row order on a tie).
     *
     * @return {@code {x, y}} of that point
     * @throws IllegalStateException if no value is finite
     */
    public double[] argMin() {
        int best = -1;
        for (int k = 0; k < values.length; k++) {
            if (Double.isFinite(values[k]) && (best < 0 || values[k] < values[best])) {
                best = k;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("the surface has no finite value");
        }
        return new double[] {grid.x(best % grid.nx()), grid.y(best / grid.nx())};
    }

    /**
     * Contour levels spaced logarithmically from {@link #min()} to {@link #max()} (both
     * included), dense near the minimum, as the article draws its loss landscapes.
     *
     * <ul>
     *   <li>If {@code min > 0}: {@code level_k = min·(max/min)^(k/(count − 1))}.
     *   <li>If {@code min ≤ 0} (a landscape such as Styblinski–Tang or McCormick, which the article
     *       shifts to be non-negative): the levels are log-spaced in the shifted value
     *       {@code f − min + δ} with {@code δ = 10⁻³·(max − min)}:
     *       {@code level_k = min − δ + δ·((max − min + δ)/δ)^(k/(count − 1))}.
     *   <li>If {@code max = min} (a flat surface): every level is {@code min}.
     * </ul>
     *
     * @param count the number of levels, at least 2
     * @return {@code count} non-decreasing levels, the first {@code min()}, the last {@code max()}
     * @throws IllegalArgumentException if {@code count < 2}
     * @throws IllegalStateException if no value is finite
     */
    public double[] logContourLevels(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("count must be >= 2, got " + count);
        }
        double lo = min();
        double hi = max();
        if (Double.isNaN(lo)) {
            throw new IllegalStateException("the surface has no finite value");
        }
        double[] levels = new double[count];
        if (hi == lo) {
            java.util.Arrays.fill(levels, lo);
            return levels;
        }
        double shift = 0;
        double a = lo;
        double b = hi;
        if (lo <= 0) {
            double delta = 1e-3 * (hi - lo);
            shift = lo - delta;
            a = delta;
            b = hi - shift;
        }
        double logA = Math.log(a);
        double logB = Math.log(b);
        for (int k = 0; k < count; k++) {
            levels[k] = shift + Math.exp(logA + (logB - logA) * k / (count - 1));
        }
        levels[0] = lo;
        levels[count - 1] = hi;
        return levels;
    }

    /**
     * Writes the surface as CSV to a file (UTF-8): a header {@code x,y,loss}, then one row per grid
     * point, x varying fastest; numbers in Java's shortest round-trip form.
     *
     * @param file the file, created or replaced
     * @throws IllegalArgumentException if {@code file} is null
     * @throws UncheckedIOException if the file cannot be written
     */
    public void writeCsv(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the surface as CSV: a header {@code x,y,loss}, then one row per grid point, x
     * varying fastest. The writer is flushed, not closed.
     *
     * @param out where to write
     * @throws IllegalArgumentException if {@code out} is null
     * @throws UncheckedIOException if writing fails
     */
    public void writeCsv(Writer out) {
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        try {
            Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
            w.write("x,y,loss\n");
            double[] xs = grid.xs();
            double[] ys = grid.ys();
            StringBuilder row = new StringBuilder(64);
            for (int j = 0; j < ys.length; j++) {
                for (int i = 0; i < xs.length; i++) {
                    row.setLength(0);
                    row.append(xs[i]).append(',').append(ys[j]).append(',')
                            .append(values[j * xs.length + i]).append('\n');
                    w.write(row.toString());
                }
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the surface: " + e.getMessage(), e);
        }
    }

    private static void requireTwoD(String name, Objective objective) {
        if (objective == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (objective.dimension() != 2) {
            throw new IllegalArgumentException(name + " must have dimension 2, got "
                    + objective.dimension() + " (use Surface.slice for an n-D objective)");
        }
    }

    private static void requireGrid(Grid grid) {
        if (grid == null) {
            throw new IllegalArgumentException("grid must not be null");
        }
    }

    /**
     * A short description.
     *
     * @return the grid and the value range
     */
    @Override
    public String toString() {
        return "Surface[" + grid + ", min=" + min() + ", max=" + max() + "]";
    }
}
