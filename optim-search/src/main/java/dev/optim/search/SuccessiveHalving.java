package dev.optim.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Early stopping by asynchronous successive halving (ASHA; Li et al. 2020), on a step budget.
 *
 * <p>Rungs sit at steps {@code r_k = minResource·η^k} ({@code k = 0, 1, …}, below
 * {@code maxResource}). A trial's value at rung {@code k} is the first value it reports at a step
 * {@code ≥ r_k}. It continues past the rung only if that value is among the best
 * {@code max(1, ⌊n/η⌋)} of the {@code n} values recorded at the rung (its own included); otherwise
 * it is pruned. As in Optuna's {@code SuccessiveHalvingPruner}, the first trials at a rung are
 * kept only while they are the best so far.
 *
 * <p>So that a study stays reproducible, the values a trial is compared with are those of the
 * finished trials of earlier batches (a {@link Rungs} snapshot taken when it is asked), never of
 * trials that run beside it: the decisions are the same for any number of workers, on a thread
 * pool or a Spark cluster. Non-finite values rank last.
 *
 * <p>Reference: L. Li, K. Jamieson, A. Rostamizadeh, E. Gonina, J. Ben-Tzur, M. Hardt, B. Recht
 * and A. Talwalkar, "A System for Massively Parallel Hyperparameter Tuning", MLSys 2020.
 *
 * @serial exclude
 */
public final class SuccessiveHalving implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default reduction factor η. */
    public static final int DEFAULT_REDUCTION_FACTOR = 3;

    private final long minResource;
    private final long maxResource;
    private final int reductionFactor;

    /**
     * A successive-halving rule.
     *
     * @param minResource the first rung's step, {@code ≥ 1}
     * @param maxResource a trial's full budget, {@code > minResource}
     * @param reductionFactor η, {@code ≥ 2}: about one trial in η passes each rung
     * @throws IllegalArgumentException if an argument is out of range, naming it
     */
    public SuccessiveHalving(long minResource, long maxResource, int reductionFactor) {
        if (minResource < 1) {
            throw new IllegalArgumentException("minResource must be >= 1, got " + minResource);
        }
        if (maxResource <= minResource) {
            throw new IllegalArgumentException("maxResource must be > minResource (" + minResource
                    + "), got " + maxResource);
        }
        if (reductionFactor < 2) {
            throw new IllegalArgumentException("reductionFactor must be >= 2, got " + reductionFactor);
        }
        this.minResource = minResource;
        this.maxResource = maxResource;
        this.reductionFactor = reductionFactor;
    }

    /**
     * The rungs' steps, {@code minResource·η^k < maxResource}.
     *
     * @return the steps, ascending
     */
    public long[] rungSteps() {
        var steps = new ArrayList<Long>();
        for (long r = minResource; r < maxResource; r = Math.multiplyExact(r, reductionFactor)) {
            steps.add(r);
        }
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The first rung's step.
     *
     * @return the step
     */
    public long minResource() {
        return minResource;
    }

    /**
     * The full budget of a trial.
     *
     * @return the budget in steps
     */
    public long maxResource() {
        return maxResource;
    }

    /**
     * η.
     *
     * @return the reduction factor
     */
    public int reductionFactor() {
        return reductionFactor;
    }

    /**
     * The values that earlier trials recorded at each rung.
     *
     * @param earlier the finished trials a new trial is compared with
     * @return the snapshot
     */
    public Rungs snapshot(List<FinishedTrial> earlier) {
        long[] steps = rungSteps();
        double[][] values = new double[steps.length][];
        for (int k = 0; k < steps.length; k++) {
            var at = new ArrayList<Double>();
            for (FinishedTrial t : earlier) {
                double v = valueAt(t.reports(), steps[k]);
                if (!Double.isNaN(v) || reached(t.reports(), steps[k])) {
                    at.add(v);
                }
            }
            values[k] = at.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new Rungs(steps, values);
    }

    private static boolean reached(List<Report> reports, long step) {
        return reports.stream().anyMatch(r -> r.step() >= step);
    }

    private static double valueAt(List<Report> reports, long step) {
        for (Report r : reports) {
            if (r.step() >= step) {
                return r.value();
            }
        }
        return Double.NaN;
    }

    /**
     * Whether a trial that has just reported should stop.
     *
     * @param reports its reports so far, the last one just made
     * @param rungs the snapshot taken when it was asked
     * @return true if it is pruned
     */
    public boolean shouldPrune(List<Report> reports, Rungs rungs) {
        if (reports.isEmpty()) {
            return false;
        }
        Report last = reports.get(reports.size() - 1);
        long[] steps = rungs.steps();
        for (int k = 0; k < steps.length; k++) {
            // Decide at the report that first reaches rung k.
            boolean firstHere = last.step() >= steps[k]
                    && (reports.size() == 1 || reports.get(reports.size() - 2).step() < steps[k]);
            if (firstHere && !promotable(last.value(), rungs.values()[k])) {
                return true;
            }
        }
        return false;
    }

    private boolean promotable(double value, double[] earlier) {
        double[] all = Arrays.copyOf(earlier, earlier.length + 1);
        all[earlier.length] = value;
        for (int i = 0; i < all.length; i++) {
            if (!Double.isFinite(all[i])) {
                all[i] = Double.POSITIVE_INFINITY;
            }
        }
        Arrays.sort(all);
        int keep = Math.max(1, all.length / reductionFactor);
        double v = Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
        return Double.isFinite(v) && v <= all[keep - 1];
    }

    @Override
    public String toString() {
        return "SuccessiveHalving[minResource=" + minResource + ", maxResource=" + maxResource
                + ", reductionFactor=" + reductionFactor + "]";
    }

    /**
     * The values recorded at each rung by the trials a new trial is compared with.
     *
     * @param steps the rungs' steps
     * @param values per rung, the values recorded there
     * @serial exclude
     */
    public record Rungs(long[] steps, double[][] values) implements Serializable {}
}
