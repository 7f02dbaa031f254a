package dev.optim.core.descent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The table a descent records: one row per recorded step, with the columns
 * {@code step, loss, lr, x0, x1, …}. Row {@code k} holds the parameters after {@code k} updates,
 * the loss there, and the rate that the next update uses ({@code schedule.valueAt(k)}).
 * Immutable once built.
 *
 * <p>A descent keeps at most {@link Descent.Builder#recordLimit(int) recordLimit} rows (10 000 by
 * default): when a run outgrows it, the kept rows are thinned to every second one (of those kept
 * so far), then every fourth, and so on, so memory stays {@code O(limit · (3 + dimension))}
 * whatever the step count. Row 0 (the start), the last row and the row where the run stopped
 * (for a diverged run, the offending one) are always kept, and steps increase strictly from row
 * to row; read a row's step with {@link #step(int)} rather than assuming it equals the row.
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
        return Arrays.copyOfRange(params, r * dimension, r * dimension + dimension);
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
     * @throws IllegalArgumentException if {@code out} is null
     */
    public void writeCsv(Appendable out) {
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
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

    /** Where a recorded row's parameters come from: copies them without allocating. */
    interface RowSource {
        /** Copies the current parameters into {@code dst[offset..offset + dimension)}. */
        void copyTo(double[] dst, int offset);
    }

    /**
     * Collects rows during a run, in memory bounded by a row limit. Rows whose step is a multiple
     * of the stride (at first {@code recordEvery}) are kept; when a row arrives with the table
     * full, the stride doubles and the rows off the new stride are dropped (row 0 stays, being a
     * multiple of every stride), so that the kept rows thin out evenly as the run grows: at most
     * {@code limit} rows, never fewer than about half of them once the limit is reached, in
     * strictly increasing steps. A final row ({@link #addFinal}) is always kept, thinning first if
     * the table is full. Arrays grow by doubling up to the limit and never beyond it, so no size
     * arithmetic can overflow: the limit is lowered, if need be, so that the parameter table fits
     * {@code maxValues} values.
     */
    static final class Recorder {
        /** The most elements of a Java array on common JVMs. */
        static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
        private static final int INITIAL = 16;

        private final int dimension;
        private final int limit;
        private long stride;
        private int rows;
        private long[] steps;
        private double[] losses;
        private double[] rates;
        private double[] params;

        /**
         * A recorder of at most {@code limit} rows of {@code dimension} parameters, keeping the
         * rows whose step is a multiple of {@code every} until the limit thins them.
         */
        Recorder(int dimension, int limit, long every) {
            this(dimension, limit, every, MAX_ARRAY);
        }

        /** As above, with the parameter table bounded by {@code maxValues} values (for tests). */
        Recorder(int dimension, int limit, long every, long maxValues) {
            if (dimension < 0) {
                throw new IllegalArgumentException("dimension must be >= 0, got " + dimension);
            }
            if (every < 1) {
                throw new IllegalArgumentException("recordEvery must be >= 1, got " + every);
            }
            this.dimension = dimension;
            this.limit = rowLimit(dimension, limit, maxValues);
            this.stride = every;
            int cap = Math.min(INITIAL, this.limit);
            steps = new long[cap];
            losses = new double[cap];
            rates = new double[cap];
            params = new double[cap * dimension]; // cap * dimension <= maxValues, checked
        }

        /**
         * The row limit for a table of {@code dimension} parameters: {@code limit}, lowered so
         * that {@code rows · dimension ≤ maxValues} and {@code rows ≤ MAX_ARRAY}.
         *
         * @throws IllegalArgumentException if {@code limit < 2}, or not even two rows fit
         */
        static int rowLimit(int dimension, int limit, long maxValues) {
            if (limit < 2) {
                throw new IllegalArgumentException("recordLimit must be >= 2 (the first and the "
                        + "last row), got " + limit);
            }
            long rowsThatFit = dimension == 0 ? MAX_ARRAY : Math.min(MAX_ARRAY, maxValues / dimension);
            if (rowsThatFit < 2) {
                throw new IllegalArgumentException("cannot record the parameters of " + dimension
                        + " dimensions: two rows exceed " + maxValues + " values; use "
                        + "recordParameters(false)");
            }
            return (int) Math.min(limit, rowsThatFit);
        }

        /** The row limit in force. */
        int limit() {
            return limit;
        }

        /** Whether a regular row of {@code step} is kept at the current stride. */
        boolean wants(long step) {
            return step % stride == 0;
        }

        /** Adds a regular row if the stride keeps it, thinning the table first if it is full. */
        void add(long step, double loss, double rate, RowSource x) {
            if (!wants(step)) {
                return;
            }
            while (rows == limit) {
                thin();
                if (!wants(step)) {
                    return;
                }
            }
            put(step, loss, rate, x);
        }

        /** Adds the row where the run stopped, whatever the stride (thinning if full). */
        void addFinal(long step, double loss, double rate, RowSource x) {
            if (rows > 0 && steps[rows - 1] == step) {
                return;
            }
            while (rows == limit) {
                thin();
            }
            put(step, loss, rate, x);
        }

        private void put(long step, double loss, double rate, RowSource x) {
            if (rows == steps.length) {
                int cap = (int) Math.min(limit, 2L * rows);
                steps = Arrays.copyOf(steps, cap);
                losses = Arrays.copyOf(losses, cap);
                rates = Arrays.copyOf(rates, cap);
                params = Arrays.copyOf(params, cap * dimension); // <= limit * dimension, checked
            }
            steps[rows] = step;
            losses[rows] = loss;
            rates[rows] = rate;
            if (dimension > 0) {
                x.copyTo(params, rows * dimension);
            }
            rows++;
        }

        /** Doubles the stride and drops the rows off it (row 0 stays); callers loop until not full. */
        private void thin() {
            stride = stride > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : stride * 2;
            int kept = 0;
            for (int r = 0; r < rows; r++) {
                if (r == 0 || steps[r] % stride == 0) {
                    steps[kept] = steps[r];
                    losses[kept] = losses[r];
                    rates[kept] = rates[r];
                    if (dimension > 0 && kept != r) {
                        System.arraycopy(params, r * dimension, params, kept * dimension,
                                dimension);
                    }
                    kept++;
                }
            }
            rows = kept;
        }

        int rows() {
            return rows;
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
