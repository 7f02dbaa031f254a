package dev.optim.landscapes.regression;

import dev.optim.core.Checks;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Surface;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The points {@code (xᵢ, yᵢ)} of a line-fit problem, with the ground-truth line when they were
 * generated. Immutable: arrays are copied on the way in and on the way out.
 *
 * <p>It answers the article's questions directly: {@link #leastSquares()} is the line that the
 * optimizers are looking for, and {@code loss(leastSquares()) <= loss(truth().get())} always
 * holds, because the least-squares line minimises the loss on this sample and the true line
 * generally does not ("why can your optimization end up with a cost value lower than the ground
 * truth line?").
 *
 * <pre>{@code
 * RegressionData data = RegressionData.generate(42);          // 300 points, the article's setup
 * RegressionObjective loss = data.objective();                // mean squared error over (w, b)
 * Surface s = data.lossSurface(201, 201);                      // slope, intercept in [-5, 5]
 * }</pre>
 */
public final class RegressionData {

    /** The article's loss-landscape axes: slope and intercept in {@code [−5, 5]}. */
    public static final double SURFACE_BOUND = 5.0;

    private final double[] x;
    private final double[] y;
    private final Line truth;

    private RegressionData(double[] x, double[] y, Line truth) {
        this.x = x;
        this.y = y;
        this.truth = truth;
    }

    /**
     * Data from arrays (copied), without a ground truth.
     *
     * @param x the inputs
     * @param y the targets, as many as {@code x}
     * @return the data
     * @throws IllegalArgumentException if an array is null or empty, the lengths differ, or a
     *     value is not finite
     */
    public static RegressionData of(double[] x, double[] y) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("x must hold at least 1 point, got "
                    + (x == null ? "null" : "0"));
        }
        Checks.length("y", y, x.length);
        for (int i = 0; i < x.length; i++) {
            Checks.finite("x[" + i + "]", x[i]);
            Checks.finite("y[" + i + "]", y[i]);
        }
        return new RegressionData(x.clone(), y.clone(), null);
    }

    static RegressionData generated(double[] x, double[] y, Line truth) {
        return new RegressionData(x, y, truth);
    }

    /**
     * Samples data as {@code problem} says.
     *
     * @param problem the generator's settings
     * @return the data, with its ground truth
     * @throws IllegalArgumentException if {@code problem} is null
     */
    public static RegressionData generate(RegressionProblem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        return problem.generate();
    }

    /**
     * Samples the article's data ({@value RegressionProblem#DEFAULT_POINTS} points, see
     * {@link RegressionProblem}) with a seed.
     *
     * @param seed the seed
     * @return the data, with its ground truth
     */
    public static RegressionData generate(long seed) {
        return RegressionProblem.withSeed(seed).generate();
    }

    /**
     * Reads points from a CSV file (UTF-8) whose header names the columns {@code x} and {@code y}
     * (in any order and case, among other columns). Fields are separated by commas, without
     * quoting; blank lines are skipped.
     *
     * @param file the file
     * @return the data, without a ground truth
     * @throws IllegalArgumentException if {@code file} is null, does not exist or is not a regular
     *     file; if the header lacks {@code x} or {@code y}; if a row has the wrong number of
     *     fields or a value that is not a finite number (the message gives the line number); or if
     *     there are no rows
     * @throws UncheckedIOException if reading fails
     */
    public static RegressionData fromCsv(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file is not a regular file: " + file);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fromCsv(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads points from CSV text, as {@link #fromCsv(Path)}.
     *
     * @param in the text; read to the end, not closed
     * @param source a name for the messages (a file name)
     * @return the data, without a ground truth
     * @throws IllegalArgumentException as {@link #fromCsv(Path)} for the content
     * @throws UncheckedIOException if reading fails
     */
    public static RegressionData fromCsv(Reader in, String source) {
        if (in == null) {
            throw new IllegalArgumentException("in must not be null");
        }
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            String line;
            int lineNo = 0;
            int xCol = -1;
            int yCol = -1;
            int fields = 0;
            List<double[]> rows = new ArrayList<>();
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",", -1);
                if (xCol < 0) {
                    fields = parts.length;
                    for (int c = 0; c < parts.length; c++) {
                        String name = parts[c].trim().toLowerCase(Locale.ROOT);
                        if (name.equals("x") || name.equals("y")) {
                            if ((name.equals("x") ? xCol : yCol) >= 0) {
                                throw new IllegalArgumentException(source + ":" + lineNo
                                        + ": the header names column " + name + " twice");
                            }
                            if (name.equals("x")) {
                                xCol = c;
                            } else {
                                yCol = c;
                            }
                        }
                    }
                    if (xCol < 0 || yCol < 0) {
                        throw new IllegalArgumentException(source + ":" + lineNo
                                + ": the header must name the columns x and y, got "
                                + Arrays.toString(parts));
                    }
                    continue;
                }
                if (parts.length != fields) {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": expected "
                            + fields + " fields as in the header, got " + parts.length);
                }
                rows.add(new double[] {parse(parts[xCol], "x", source, lineNo),
                    parse(parts[yCol], "y", source, lineNo)});
            }
            if (xCol < 0) {
                throw new IllegalArgumentException(source + ": empty, expected a header x,y");
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(source + ": no data rows after the header");
            }
            double[] xs = new double[rows.size()];
            double[] ys = new double[rows.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = rows.get(i)[0];
                ys[i] = rows.get(i)[1];
            }
            return new RegressionData(xs, ys, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static double parse(String field, String column, String source, int lineNo) {
        String s = field.trim();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ":" + lineNo + ": column " + column
                    + ": '" + s + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(source + ":" + lineNo + ": column " + column
                    + " must be finite, got " + s);
        }
        return v;
    }

    /**
     * The number of points.
     *
     * @return {@code N}, at least 1
     */
    public int size() {
        return x.length;
    }

    /**
     * The inputs.
     *
     * @return a copy of {@code x}
     */
    public double[] xs() {
        return x.clone();
    }

    /**
     * The targets.
     *
     * @return a copy of {@code y}
     */
    public double[] ys() {
        return y.clone();
    }

    /**
     * One input.
     *
     * @param i the index, in {@code [0, size())}
     * @return {@code xᵢ}
     * @throws IllegalArgumentException if {@code i} is out of range
     */
    public double x(int i) {
        return x[index(i)];
    }

    /**
     * One target.
     *
     * @param i the index, in {@code [0, size())}
     * @return {@code yᵢ}
     * @throws IllegalArgumentException if {@code i} is out of range
     */
    public double y(int i) {
        return y[index(i)];
    }

    private int index(int i) {
        if (i < 0 || i >= x.length) {
            throw new IllegalArgumentException("i must be in [0, " + x.length + "), got " + i);
        }
        return i;
    }

    /**
     * The line the points were generated around (the article's blue dot), if they were generated.
     *
     * @return the ground truth, or empty for data from arrays or a file
     */
    public Optional<Line> truth() {
        return Optional.ofNullable(truth);
    }

    /**
     * The least-squares line, in closed form:
     * {@code w = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)²}, {@code b = ȳ − w·x̄}. It minimises
     * {@link #loss(Line)} over all lines.
     *
     * @return the fitted line
     * @throws IllegalStateException if there are fewer than 2 points or all {@code x} are equal
     *     (the line is not determined)
     */
    public Line leastSquares() {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            sxx += dx * dx;
            sxy += dx * (y[i] - my);
        }
        if (n < 2 || sxx == 0) {
            throw new IllegalStateException("the least-squares line needs at least 2 distinct x"
                    + " values, got " + n + " point(s) with x all equal to " + x[0]);
        }
        double w = sxy / sxx;
        return new Line(w, my - w * mx);
    }

    /**
     * The article's L2 loss of a line on all points: {@code (1/N)·Σ(w·xᵢ + b − yᵢ)²}.
     *
     * @param line the line
     * @return the mean squared error
     * @throws IllegalArgumentException if {@code line} is null
     */
    public double loss(Line line) {
        if (line == null) {
            throw new IllegalArgumentException("line must not be null");
        }
        return objective().value(line.toArray());
    }

    /**
     * The L2 objective over {@code θ = (w, b)}, full batch or mini-batch.
     *
     * @return a new objective on these points
     */
    public RegressionObjective objective() {
        return new RegressionObjective(this);
    }

    /**
     * The loss surface over the article's axes, slope and intercept in {@code [−5, 5]}.
     *
     * @param nSlope the number of slope values, at least 2
     * @param nIntercept the number of intercept values, at least 2
     * @return the surface (x = slope, y = intercept)
     * @throws IllegalArgumentException if a count is below 2
     */
    public Surface lossSurface(int nSlope, int nIntercept) {
        return lossSurface(new Grid(-SURFACE_BOUND, SURFACE_BOUND, nSlope,
                -SURFACE_BOUND, SURFACE_BOUND, nIntercept));
    }

    /**
     * The loss surface on a grid of (slope, intercept).
     *
     * @param grid the grid, x = slope, y = intercept
     * @return the surface
     * @throws IllegalArgumentException if {@code grid} is null
     */
    public Surface lossSurface(Grid grid) {
        return Surface.of(objective(), grid);
    }

    double[] xRef() {
        return x;
    }

    double[] yRef() {
        return y;
    }

    /**
     * A short description.
     *
     * @return the size and the truth
     */
    @Override
    public String toString() {
        return "RegressionData[n=" + x.length + (truth == null ? "" : ", truth=" + truth) + "]";
    }
}
