package dev.optim.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A trial handed out by {@link Study#ask()}: its index, its values, and where to report
 * intermediate values. Run it however you like (on this thread, a pool, a Spark executor; it is
 * {@link Serializable}), then {@link Study#tell(Trial, double) tell} the study its value or its
 * {@link Failure}.
 *
 * <pre>{@code
 * Trial trial = study.ask();
 * double lr = trial.params().getDouble("lr");
 * for (int step = 1; step <= 100; step++) {
 *     double loss = train(lr, step);
 *     trial.report(step, loss);
 *     if (trial.shouldPrune()) break;
 * }
 * study.tell(trial, loss);
 * }</pre>
 *
 * <p>A trial is used by one thread at a time.
 *
 * @serial exclude
 */
public final class Trial implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String studyId;
    private final long index;
    private final double[] unit;
    private final Params params;
    private final SuccessiveHalving pruner;
    private final SuccessiveHalving.Rungs rungs;
    private final List<Report> reports = new ArrayList<>();
    private boolean pruned;

    Trial(String studyId, long index, double[] unit, Params params, SuccessiveHalving pruner,
            SuccessiveHalving.Rungs rungs) {
        this.studyId = studyId;
        this.index = index;
        this.unit = unit.clone();
        this.params = params;
        this.pruner = pruner;
        this.rungs = rungs;
    }

    /**
     * The trial's index in its study, from 0.
     *
     * @return the index
     */
    public long index() {
        return index;
    }

    /**
     * The values to try.
     *
     * @return the parameters
     */
    public Params params() {
        return params;
    }

    /**
     * The unit point the sampler proposed.
     *
     * @return a copy
     */
    public double[] unit() {
        return unit.clone();
    }

    String studyId() {
        return studyId;
    }

    /**
     * Records an intermediate value; with a {@link SuccessiveHalving} rule, decides whether the
     * trial should stop (see {@link #shouldPrune()}).
     *
     * @param step the step (resource spent), greater than the previous report's
     * @param value the value there; a non-finite value is recorded as it is
     * @throws IllegalArgumentException if {@code step} does not increase
     * @throws IllegalStateException if the trial was already pruned
     */
    public void report(long step, double value) {
        if (pruned) {
            throw new IllegalStateException("trial " + index + " was pruned at step "
                    + reports.get(reports.size() - 1).step() + "; stop it and tell the study");
        }
        if (!reports.isEmpty() && step <= reports.get(reports.size() - 1).step()) {
            throw new IllegalArgumentException("trial " + index + ": report step must increase, got "
                    + step + " after " + reports.get(reports.size() - 1).step());
        }
        reports.add(new Report(step, value));
        if (pruner != null && pruner.shouldPrune(reports, rungs)) {
            pruned = true;
        }
    }

    /**
     * Whether the study's early-stopping rule stopped this trial at its last report. Always
     * false without a rule.
     *
     * @return true if the trial should stop now
     */
    public boolean shouldPrune() {
        return pruned;
    }

    /**
     * The reports so far.
     *
     * @return a copy, in order
     */
    public List<Report> reports() {
        return List.copyOf(reports);
    }

    @Override
    public String toString() {
        return "trial " + index + " [" + params + "]";
    }
}
