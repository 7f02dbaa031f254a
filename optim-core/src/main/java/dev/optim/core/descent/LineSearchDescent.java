package dev.optim.core.descent;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Checks;
import dev.optim.core.LineSearchOptimizer;
import dev.optim.core.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The descent loop for a {@link LineSearchOptimizer} (L-BFGS): one trajectory row per iteration,
 * the same stop rules and result as {@link Descent}. Made by
 * {@link Descent#lineSearch(LineSearchOptimizer)}; immutable and reusable.
 *
 * <pre>
 * run = optimizer.start(f, θ₀)                         (evaluates f(θ₀)); record row 0
 * for k = 0, 1, …:
 *     stop if ‖g_k‖ ≤ gradientTolerance, or k = maxSteps, or cancelled
 *     one iteration of the optimizer (its line search evaluates f as often as it needs)
 *     record row k+1: θ_{k+1}, f(θ_{k+1}), and the initial step of the next line search
 *     stop if |f_{k+1} − f_k| ≤ lossTolerance · max(|f_k|, 1), or the caller's condition holds
 * </pre>
 *
 * <p>The optimizer's own rules also end the run: its tolerances as
 * {@link StopReason#LOSS_TOLERANCE} (or {@link StopReason#GRADIENT_TOLERANCE} when its gradient
 * has reached this loop's tolerance), its iteration and evaluation budgets as
 * {@link StopReason#MAX_STEPS}, a non-finite value as {@link StopReason#DIVERGED} with the last
 * finite point. The listeners' {@code gradientNorm} is Euclidean. The evaluations made are not
 * in the result: advance the optimizer's own run ({@link LineSearchOptimizer#start}) when they
 * matter.
 */
public final class LineSearchDescent {

    private final LineSearchOptimizer optimizer;
    private final long maxSteps;
    private final double gradientTolerance;
    private final double lossTolerance;
    private final StopCondition stopCondition;
    private final int recordEvery;
    private final Boolean recordParameters;
    private final List<DescentListener> listeners;
    private final BooleanSupplier cancelled;

    private LineSearchDescent(Builder b) {
        this.optimizer = b.optimizer;
        this.maxSteps = b.maxSteps;
        this.gradientTolerance = b.gradientTolerance;
        this.lossTolerance = b.lossTolerance;
        this.stopCondition = b.stopCondition;
        this.recordEvery = b.recordEvery;
        this.recordParameters = b.recordParameters;
        this.listeners = List.copyOf(b.listeners);
        this.cancelled = b.cancelled;
    }

    static Builder builder(LineSearchOptimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        return new Builder(optimizer);
    }

    /**
     * The optimizer.
     *
     * @return the optimizer
     */
    public LineSearchOptimizer optimizer() {
        return optimizer;
    }

    /**
     * Runs from {@code start} on plain arrays. {@code start} is not modified.
     *
     * @param objective the objective
     * @param start the start point, of length {@code objective.dimension()}
     * @return the result
     * @throws IllegalArgumentException if an argument is null or the lengths differ
     */
    public DescentResult run(ArrayObjective objective, double[] start) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        Checks.length("start", start, objective.dimension());
        return loop(optimizer.start(objective, start));
    }

    /**
     * Runs from {@code start}, evaluating the objective in its data type. {@code start} is not
     * modified.
     *
     * @param objective the objective
     * @param start the start point, FLOAT or DOUBLE, of length {@code objective.dimension()}
     * @return the result
     * @throws IllegalArgumentException if an argument is null, the lengths differ or the start
     *     is not floating point
     */
    public DescentResult run(Objective objective, INDArray start) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        return loop(optimizer.start(objective, start));
    }

    private DescentResult loop(LineSearchOptimizer.Run run) {
        double[] x = run.point();
        int dim = x.length;
        boolean withParams = recordParameters != null ? recordParameters : dim <= 1024;
        Trajectory.Recorder rec = new Trajectory.Recorder(withParams ? dim : 0,
                Descent.DEFAULT_RECORD_LIMIT, recordEvery);
        double rate = optimizer.learningRate();
        double f = run.value();
        double gn = run.gradientNorm();
        rec.add(0, f, rate, rows(x));
        if (run.failed()) {
            return finish(new DescentResult(x, f, StopReason.DIVERGED, 0, 0, rec.build()));
        }
        long k = 0;
        StopReason reason;
        boolean more = !run.converged();
        while (true) {
            if (gradientTolerance > 0 && gn <= gradientTolerance) {
                reason = StopReason.GRADIENT_TOLERANCE;
                break;
            }
            if (!more) {
                reason = ownReason(run, gn);
                break;
            }
            if (k >= maxSteps) {
                reason = StopReason.MAX_STEPS;
                break;
            }
            if ((cancelled != null && cancelled.getAsBoolean())
                    || Thread.currentThread().isInterrupted()) {
                reason = StopReason.CANCELLED;
                break;
            }
            int before = run.iterations();
            more = run.advance();
            if (run.failed()) {
                long at = k + 1;
                return finish(new DescentResult(run.point(), run.value(), StopReason.DIVERGED, k,
                        at, rec.build()));
            }
            if (run.iterations() == before || !moved(run, x)) {
                // The method stopped before moving: nothing to record.
                continue;
            }
            k++;
            double next = run.value();
            gn = run.gradientNorm();
            x = run.point();
            rec.add(k, next, rate, rows(x));
            for (DescentListener l : listeners) {
                l.onStep(k, next, rate, gn);
            }
            double previous = f;
            f = next;
            if (lossTolerance > 0
                    && Math.abs(next - previous) <= lossTolerance * Math.max(Math.abs(previous), 1.0)) {
                reason = StopReason.LOSS_TOLERANCE;
                break;
            }
            if (stopCondition != null && stopCondition.shouldStop(k, next, gn)) {
                reason = StopReason.STOP_CONDITION;
                break;
            }
        }
        rec.addFinal(k, f, rate, rows(x));
        return finish(new DescentResult(x, f, reason, k, -1, rec.build()));
    }

    /** The parameters {@code x} as a row source of the recorder (which copies them). */
    private static Trajectory.RowSource rows(double[] x) {
        return (dst, offset) -> System.arraycopy(x, 0, dst, offset, x.length);
    }

    private static boolean moved(LineSearchOptimizer.Run run, double[] x) {
        return !java.util.Arrays.equals(run.point(), x);
    }

    private StopReason ownReason(LineSearchOptimizer.Run run, double gn) {
        if (run.converged()) {
            return gradientTolerance > 0 && gn <= gradientTolerance
                    ? StopReason.GRADIENT_TOLERANCE : StopReason.LOSS_TOLERANCE;
        }
        return StopReason.MAX_STEPS;
    }

    private DescentResult finish(DescentResult result) {
        for (DescentListener l : listeners) {
            l.onFinish(result);
        }
        return result;
    }

    @Override
    public String toString() {
        return "LineSearchDescent{optimizer=" + optimizer + ", maxSteps=" + maxSteps
                + ", gradientTolerance=" + gradientTolerance + ", lossTolerance=" + lossTolerance
                + ", recordEvery=" + recordEvery + "}";
    }

    /**
     * Builds a {@link LineSearchDescent}: the options of {@link Descent.Builder} that apply to a
     * line-search optimizer. Defaults: 1000 iterations, no tolerances.
     */
    public static final class Builder {
        private final LineSearchOptimizer optimizer;
        private long maxSteps = 1000;
        private double gradientTolerance;
        private double lossTolerance;
        private StopCondition stopCondition;
        private int recordEvery = 1;
        private Boolean recordParameters;
        private final List<DescentListener> listeners = new ArrayList<>();
        private BooleanSupplier cancelled;

        private Builder(LineSearchOptimizer optimizer) {
            this.optimizer = optimizer;
        }

        /**
         * The iteration budget of the loop (the optimizer's own budgets also apply).
         *
         * @param steps at least 0 (default 1000)
         * @return this builder
         * @throws IllegalArgumentException if {@code steps} is negative
         */
        public Builder maxSteps(long steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("maxSteps must be >= 0, got " + steps);
            }
            this.maxSteps = steps;
            return this;
        }

        /**
         * Stop when {@code ‖∇f‖₂ ≤ tolerance}; 0 turns the rule off (the default).
         *
         * @param tolerance finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
         */
        public Builder gradientTolerance(double tolerance) {
            this.gradientTolerance = Checks.nonNegative("gradientTolerance", tolerance);
            return this;
        }

        /**
         * Stop when {@code |f_{k+1} − f_k| ≤ tolerance · max(|f_k|, 1)}; 0 turns the rule off.
         *
         * @param tolerance finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
         */
        public Builder lossTolerance(double tolerance) {
            this.lossTolerance = Checks.nonNegative("lossTolerance", tolerance);
            return this;
        }

        /**
         * The caller's stop rule, asked after every iteration.
         *
         * @param condition the condition, or null for none
         * @return this builder
         */
        public Builder stopWhen(StopCondition condition) {
            this.stopCondition = condition;
            return this;
        }

        /**
         * Record every {@code every}-th row (row 0 and the last row are always recorded).
         *
         * @param every at least 1 (default 1)
         * @return this builder
         * @throws IllegalArgumentException if {@code every} is below 1
         */
        public Builder recordEvery(int every) {
            if (every < 1) {
                throw new IllegalArgumentException("recordEvery must be >= 1, got " + every);
            }
            this.recordEvery = every;
            return this;
        }

        /**
         * Whether rows hold the parameters. By default they do for up to 1024 parameters.
         *
         * @param record true to record them
         * @return this builder
         */
        public Builder recordParameters(boolean record) {
            this.recordParameters = record;
            return this;
        }

        /**
         * Adds a progress listener, told after every iteration.
         *
         * @param listener the listener
         * @return this builder
         * @throws IllegalArgumentException if {@code listener} is null
         */
        public Builder listener(DescentListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("listener must not be null");
            }
            listeners.add(listener);
            return this;
        }

        /**
         * A cancellation signal, polled before every iteration.
         *
         * @param signal returns true to cancel, or null for none
         * @return this builder
         */
        public Builder cancelWhen(BooleanSupplier signal) {
            this.cancelled = signal;
            return this;
        }

        /**
         * Builds the loop.
         *
         * @return the loop
         */
        public LineSearchDescent build() {
            return new LineSearchDescent(this);
        }
    }
}
