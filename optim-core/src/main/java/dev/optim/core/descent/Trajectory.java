package dev.optim.core.descent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The table a descent records: one row per recorded step, with the columns
 * {@code step, loss, lr, x0, x1, …}. Row {@code k} holds the parameters after {@code k} updates,
 * the loss there, and the rate that the next update uses ({@code schedule.valueAt(k)}).
 * Immutable once built.
 */
public final class Trajectory {

    private final int dimension;
    private final int rows;
    private final long[] steps;
    private final double[] losses;
    private final double[] rates;
    private final double[] params;

    Trajectory(int dimension, int rows, long[] steps, double[] losses, double[] rates,
            double[] params) {
        this.dimension = dimension;
        this.rows = rows;
        this.steps = steps;
        this.losses = losses;
        this.rates = rates;
        this.params = params;
    }

    /**
     * The number of recorded rows.
     *
     * @return the row count
     */
    public int size() {
        return rows;
    }

    /**
     * The number of parameter columns (0 when parameters were not recorded).
     *
     * @return the parameter column count
     */
    public int dimension() {
        return dimension;
    }

    /**
     * The step of a row: the number of updates done.
     *
     * @param row the row, in {@code [0, size())}
     * @return the step
     */
    public long step(int row) {
        return steps[check(row)];
    }

    /**
     * The loss of a row.
     *
     * @param row the row, in {@code [0, size())}
     * @return the loss at the row's parameters
     */
    public double loss(int row) {
        return losses[check(row)];
    }

    /**
     * The learning rate of a row: the one the next update uses.
     *
     * @param row the row, in {@code [0, size())}
     * @return the learning rate
     */
    public double learningRate(int row) {
        return rates[check(row)];
    }

    /**
     * The parameters of a row, copied.
     *
     * @param row the row, in {@code [0, size())}
     * @return the parameters, of length {@link #dimension()}
     */
    public double[] params(int row) {
        int r = check(row);
        return Arrays.copyOfRange(params, r * dimension, (r + 1) * dimension);
    }

    /**
     * One parameter of a row.
     *
     * @param row the row, in {@code [0, size())}
     * @param i the parameter, in {@code [0, dimension())}
     * @return {@code x_i} at that row
     */
    public double param(int row, int i) {
        int r = check(row);
        if (i < 0 || i >= dimension) {
            throw new IllegalArgumentException("i must be in [0, " + dimension + "), got " + i);
        }
        return params[r * dimension + i];
    }

    /**
     * Writes the table as CSV with the header {@code step,loss,lr,x0,x1,…}; doubles are printed
     * with {@link Double#toString(double)}, which round-trips.
     *
     * @param out where to write
     * @throws UncheckedIOException if writing fails
     */
    public void writeCsv(Appendable out) {
        try {
            out.append("step,loss,lr");
            for (int i = 0; i < dimension; i++) {
                out.append(",x").append(Integer.toString(i));
            }
            out.append('\n');
            for (int r = 0; r < rows; r++) {
                out.append(Long.toString(steps[r])).append(',')
                        .append(Double.toString(losses[r])).append(',')
                        .append(Double.toString(rates[r]));
                for (int i = 0; i < dimension; i++) {
                    out.append(',').append(Double.toString(params[r * dimension + i]));
                }
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int check(int row) {
        if (row < 0 || row >= rows) {
            throw new IllegalArgumentException("row must be in [0, " + rows + "), got " + row);
        }
        return row;
    }

    /** Collects rows during a run. */
    static final class Recorder {
        private final int dimension;
        private int rows;
        private long[] steps = new long[16];
        private double[] losses = new double[16];
        private double[] rates = new double[16];
        private double[] params;

        Recorder(int dimension) {
            this.dimension = dimension;
            this.params = new double[16 * dimension];
        }

        void add(long step, double loss, double rate, double[] x) {
            if (rows == steps.length) {
                int cap = rows * 2;
                steps = Arrays.copyOf(steps, cap);
                losses = Arrays.copyOf(losses, cap);
                rates = Arrays.copyOf(rates, cap);
                params = Arrays.copyOf(params, cap * dimension);
            }
            steps[rows] = step;
            losses[rows] = loss;
            rates[rows] = rate;
            if (dimension > 0) {
                System.arraycopy(x, 0, params, rows * dimension, dimension);
            }
            rows++;
        }

        long lastStep() {
            return rows == 0 ? -1 : steps[rows - 1];
        }

        Trajectory build() {
            return new Trajectory(dimension, rows, Arrays.copyOf(steps, rows),
                    Arrays.copyOf(losses, rows), Arrays.copyOf(rates, rows),
                    Arrays.copyOf(params, rows * dimension));
        }
    }
}
