package dev.optim.examples.sharpness;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What {@link BatchSizeExperiment#run} measured: one row per seed for the small-batch (SB) and
 * the large-batch (LB) solution, the mean and the sample standard deviation over the seeds, and
 * the interpolation between the first seed's two solutions.
 *
 * @param experiment the configuration
 * @param rows one row per seed
 * @param interpolation the losses on {@code (1 − α)·θ_SB + α·θ_LB}
 */
public record SharpnessReport(BatchSizeExperiment experiment, List<SeedRow> rows,
        NetworkSharpness.Interpolation interpolation) {

    /** The measured columns, in table order. */
    public static final String[] COLUMNS = {"train_loss", "test_loss", "test_accuracy",
        "updates", "epochs", "eps_sharpness_full", "eps_sharpness_subspace", "top_eigenvalue"};

    /**
     * Copies the rows.
     *
     * @param experiment the configuration
     * @param rows the rows
     * @param interpolation the line
     */
    public SharpnessReport {
        rows = List.copyOf(rows);
    }

    /**
     * One solution's measures.
     *
     * @param solution the training run's result
     * @param sharpnessFull ε-sharpness in the full space, percent
     * @param sharpnessSubspace ε-sharpness in the random subspace, percent
     * @param topEigenvalue the largest Hessian eigenvalue found
     */
    public record Measured(Training.Trained solution, double sharpnessFull,
            double sharpnessSubspace, double topEigenvalue) {

        /**
         * The value of a column of {@link #COLUMNS}.
         *
         * @param column the column's index
         * @return the value
         */
        public double column(int column) {
            return switch (column) {
                case 0 -> solution.trainLoss();
                case 1 -> solution.testLoss();
                case 2 -> solution.testAccuracy();
                case 3 -> solution.updates();
                case 4 -> solution.epochs();
                case 5 -> sharpnessFull;
                case 6 -> sharpnessSubspace;
                case 7 -> topEigenvalue;
                default -> throw new IllegalArgumentException("column must be in [0, "
                        + COLUMNS.length + "), got " + column);
            };
        }
    }

    /**
     * One seed's two solutions.
     *
     * @param seed the seed of the initial weights
     * @param small the small-batch solution
     * @param large the large-batch solution
     */
    public record SeedRow(long seed, Measured small, Measured large) {}

    /**
     * The mean over the seeds of a column.
     *
     * @param large true for the large-batch solutions
     * @param column the column's index in {@link #COLUMNS}
     * @return the mean
     */
    public double mean(boolean large, int column) {
        return mean(values(large, column));
    }

    /**
     * The sample standard deviation over the seeds of a column (0 for one seed).
     *
     * @param large true for the large-batch solutions
     * @param column the column's index in {@link #COLUMNS}
     * @return {@code √(Σ (x − x̄)² / (S − 1))}
     */
    public double sd(boolean large, int column) {
        double[] v = values(large, column);
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /**
     * How many seeds where the large-batch solution is larger in a column than the small-batch
     * one.
     *
     * @param column the column's index
     * @return the count
     */
    public int largeAbove(int column) {
        int k = 0;
        for (SeedRow r : rows) {
            if (r.large().column(column) > r.small().column(column)) {
                k++;
            }
        }
        return k;
    }

    private double[] values(boolean large, int column) {
        ToDoubleFunction<SeedRow> f = r -> (large ? r.large() : r.small()).column(column);
        return rows.stream().mapToDouble(f).toArray();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * One CSV line per seed and solution, then the means and standard deviations:
     * {@code seed,batch,train_loss,…,top_eigenvalue} with {@code seed} "mean" or "sd".
     *
     * @return the CSV text
     */
    public String csv() {
        StringBuilder s = new StringBuilder("seed,batch,").append(String.join(",", COLUMNS))
                .append(",reached_target\n");
        for (SeedRow r : rows) {
            for (Measured m : new Measured[] {r.small(), r.large()}) {
                s.append(r.seed()).append(',').append(m.solution().batch());
                for (int c = 0; c < COLUMNS.length; c++) {
                    s.append(',').append(format(m.column(c)));
                }
                s.append(',').append(m.solution().reachedTarget()).append('\n');
            }
        }
        for (String stat : new String[] {"mean", "sd"}) {
            for (boolean large : new boolean[] {false, true}) {
                s.append(stat).append(',').append(large ? experiment.largeBatch()
                        : experiment.smallBatch());
                for (int c = 0; c < COLUMNS.length; c++) {
                    s.append(',').append(format(stat.equals("mean") ? mean(large, c)
                            : sd(large, c)));
                }
                s.append(",\n");
            }
        }
        return s.toString();
    }

    /**
     * The summary table: per batch size, mean ± sd over the seeds of each column, in how many
     * seeds the large batch's value is above the small batch's, and how many runs reached the
     * target loss within their budget.
     *
     * @return aligned text
     */
    public String table() {
        BatchSizeExperiment e = experiment;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s, MLP %s tanh float64, Adam lr %g, trained to"
                + " train loss <= %g; %d seeds; eps = %g, subspace %d, Lanczos %d products%n",
                e.task(), java.util.Arrays.toString(e.hidden()), e.learningRate(),
                e.targetLoss(), rows.size(), e.epsilon(), e.subspace(), e.lanczosIterations()));
        s.append(String.format(Locale.ROOT, "%-24s %22s %22s %8s%n", "measure (mean ± sd)",
                "SB batch " + e.smallBatch(), "LB batch " + e.largeBatch(), "LB > SB"));
        for (int c = 0; c < COLUMNS.length; c++) {
            s.append(String.format(Locale.ROOT, "%-24s %22s %22s %8s%n", COLUMNS[c],
                    pm(mean(false, c), sd(false, c)), pm(mean(true, c), sd(true, c)),
                    largeAbove(c) + "/" + rows.size()));
        }
        s.append(String.format(Locale.ROOT, "%-24s %22s %22s%n", "reached the target loss",
                reached(false) + "/" + rows.size(), reached(true) + "/" + rows.size()));
        return s.toString();
    }

    private int reached(boolean large) {
        int k = 0;
        for (SeedRow r : rows) {
            if ((large ? r.large() : r.small()).solution().reachedTarget()) {
                k++;
            }
        }
        return k;
    }

    private static String pm(double m, double sd) {
        return format(m) + " ± " + format(sd);
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
