package dev.optim.core.descent;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Checks;
import dev.optim.core.MetricDriven;
import dev.optim.core.Objective;
import dev.optim.core.Optimizer;
import dev.optim.core.StochasticObjective;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.batch.MiniBatches;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Norm2;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The descent loop: runs an {@link Optimizer} on an {@link Objective} from a start point until a
 * stop rule holds. Immutable and reusable; each {@code run} is independent.
 *
 * <p>One run, with {@code θ₀} the start, {@code f} the objective and {@code η_k} the rate:
 *
 * <pre>
 * f₀ = f(θ₀), g₀ = ∇f(θ₀); record row 0
 * for k = 0, 1, …:
 *     stop if ‖g_k‖ ≤ gradientTolerance, or k = maxSteps, or cancelled
 *     g ← ∇f_B(θ_k) for the next mini-batch B (stochastic objectives with a batch plan), else g_k
 *     θ_{k+1} ← optimizer.step(θ_k, g)
 *     f_{k+1} = f(θ_{k+1}), g_{k+1} = ∇f(θ_{k+1}); record row k+1 (every recordEvery rows)
 *     diverged if f_{k+1} or ‖g_{k+1}‖ is not finite, or f_{k+1} &gt; divergenceFactor · max(|f₀|, 1)
 *     stop if |f_{k+1} − f_k| ≤ lossTolerance · max(|f_k|, 1), or the caller's condition holds
 * </pre>
 *
 * <p>Row {@code k} of the trajectory holds the parameters after {@code k} updates, the loss there
 * (over the whole objective, also for mini-batch runs, as the article's cost) and the rate the
 * next update uses, {@code η_k}. A {@link MetricDriven} optimizer
 * ({@link dev.optim.core.optimizer.OnPlateau}) is fed the loss {@code f_{k+1}} after every update,
 * and the row holds the rate it then gives. A diverged run records the offending row (its loss may be
 * infinite or NaN) and returns the last finite parameters with reason {@link StopReason#DIVERGED}.
 *
 * <p>A {@code double[]} start with an {@link ArrayObjective}, or a float64 {@link INDArray} start
 * with one, runs on plain Java arrays (no ND4J call per step). Any other INDArray start runs on
 * its own data type; on the CPU backend through views of its host memory (no ND4J op per step
 * but the objective's own, none at all for an {@link ArrayObjective}), elsewhere through ND4J
 * ops. A warm step allocates nothing on the plain and host paths. Progress is logged through
 * SLF4J at INFO at most once a second.
 *
 * <p>The start must be finite (a NaN or infinite value is refused, naming its index). A finite
 * start where the objective's value or gradient is not finite ends the run at once with
 * {@link StopReason#DIVERGED}, {@code steps() = 0} and {@code divergedAtStep() = 0} (no update
 * was made): the result holds the start and its non-finite loss, and the trajectory row 0.
 *
 * <p>Memory is bounded: the trajectory keeps at most {@link Builder#recordLimit(int)} rows,
 * thinning a long run's rows evenly (see {@link Trajectory}).
 *
 * <pre>{@code
 * DescentResult r = Descent.builder(Adam.builder().learningRate(0.01).build())
 *         .maxSteps(5000).gradientTolerance(1e-8).build()
 *         .run(rosenbrock, new double[] {0, 0});
 * }</pre>
 */
public final class Descent {

    private static final Logger LOG = LoggerFactory.getLogger(Descent.class);
    private static final int AUTO_RECORD_LIMIT = 1024;
    /** The default most rows a trajectory keeps; see {@link Builder#recordLimit(int)}. */
    public static final int DEFAULT_RECORD_LIMIT = 10_000;

    private final Optimizer optimizer;
    private final long maxSteps;
    private final double gradientTolerance;
    private final double lossTolerance;
    private final double divergenceFactor;
    private final StopCondition stopCondition;
    private final int recordEvery;
    private final int recordLimit;
    private final Boolean recordParameters;
    private final List<DescentListener> listeners;
    private final BatchPlan batchPlan;
    private final BooleanSupplier cancelled;

    private Descent(Builder b) {
        this.optimizer = b.optimizer;
        this.maxSteps = b.maxSteps;
        this.gradientTolerance = b.gradientTolerance;
        this.lossTolerance = b.lossTolerance;
        this.divergenceFactor = b.divergenceFactor;
        this.stopCondition = b.stopCondition;
        this.recordEvery = b.recordEvery;
        this.recordLimit = b.recordLimit;
        this.recordParameters = b.recordParameters;
        this.listeners = List.copyOf(b.listeners);
        this.batchPlan = b.batchPlan;
        this.cancelled = b.cancelled;
    }

    /**
     * A builder for a descent with {@code optimizer}.
     *
     * @param optimizer the optimizer
     * @return a new builder
     * @throws IllegalArgumentException if {@code optimizer} is null
     */
    public static Builder builder(Optimizer optimizer) {
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
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Runs from {@code start} on plain arrays. {@code start} is not modified.
     *
     * @param objective the objective
     * @param start the start point, of length {@code objective.dimension()}, every value finite
     * @return the result
     * @throws IllegalArgumentException if an argument is null, the lengths differ, or a value of
     *     {@code start} is NaN or infinite (the message names its index)
     */
    public DescentResult run(ArrayObjective objective, double[] start) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        Checks.length("start", start, objective.dimension());
        requireFinite(start);
        if (batchPlan != null) {
            return run((Objective) objective, Nd4j.createFromArray(start.clone()));
        }
        return loop(new PlainRun(objective, start.clone(), optimizer));
    }

    /**
     * Runs from {@code start}, in its data type. {@code start} is not modified.
     *
     * @param objective the objective
     * @param start the start point, FLOAT or DOUBLE, of length {@code objective.dimension()},
     *     every value finite
     * @return the result
     * @throws IllegalArgumentException if an argument is null or the lengths differ, if a value
     *     of {@code start} is NaN or infinite (the message names its index), or if a batch plan
     *     is set for an objective that is not a {@link StochasticObjective}
     */
    public DescentResult run(Objective objective, INDArray start) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        Checks.floatingArray("start", start);
        Checks.length("start", start, objective.dimension());
        if (batchPlan != null && !(objective instanceof StochasticObjective)) {
            throw new IllegalArgumentException("a batch plan needs a StochasticObjective, got "
                    + objective.getClass().getName());
        }
        double[] values = start.dup('c').data().asDouble();
        requireFinite(values);
        if (batchPlan == null && objective instanceof ArrayObjective a
                && start.dataType() == DataType.DOUBLE) {
            return loop(new PlainRun(a, values, optimizer));
        }
        if (Nd4j.getEnvironment().isCPU() && start.length() <= HostRun.MAX_LENGTH) {
            return loop(new HostRun(objective, start, optimizer));
        }
        return loop(new ArrayRun(objective, start, optimizer));
    }

    /** Refuses a start with a NaN or infinite value, naming the first such index. */
    private static void requireFinite(double[] start) {
        for (int i = 0; i < start.length; i++) {
            if (!Double.isFinite(start[i])) {
                throw new IllegalArgumentException("start[" + i + "] must be finite, got "
                        + start[i]);
            }
        }
    }

    private DescentResult loop(Run run) {
        int dim = run.dimension();
        boolean withParams = recordParameters != null ? recordParameters : dim <= AUTO_RECORD_LIMIT;
        Trajectory.Recorder rec = new Trajectory.Recorder(withParams ? dim : 0, recordLimit,
                recordEvery);
        DescentListener[] hear = listeners.toArray(new DescentListener[0]);
        MiniBatches batches = null;
        if (batchPlan != null) {
            batches = new MiniBatches(batchPlan, ((StochasticObjective) run.objective()).size());
        }
        double f = run.evaluate();
        double gn = run.gradientNorm();
        rec.add(0, f, currentRate(run, 0), run);
        if (!Double.isFinite(f) || !Double.isFinite(gn)) {
            // No update was made: divergedAtStep 0, and the start (finite, checked) is returned
            // with its non-finite loss, as DescentResult documents.
            LOG.warn("descent: objective not finite at the start point (loss {}, gradient norm {})",
                    f, gn);
            return finish(new DescentResult(run.current(), f, StopReason.DIVERGED, 0, 0,
                    rec.build()), hear);
        }
        double limit = divergenceFactor > 0
                ? divergenceFactor * Math.max(Math.abs(f), 1.0) : Double.POSITIVE_INFINITY;
        long k = 0;
        long lastLog = System.nanoTime();
        StopReason reason;
        while (true) {
            if (gradientTolerance > 0 && gn <= gradientTolerance) {
                reason = StopReason.GRADIENT_TOLERANCE;
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
            if (batches != null) {
                run.evaluateBatch(batches.next());
            }
            run.remember();
            run.update();
            k++;
            double next = run.evaluate();
            gn = run.gradientNorm();
            double rate = rateAfter(run, next, k);
            if (!Double.isFinite(next) || !Double.isFinite(gn) || next > limit) {
                rec.addFinal(k, next, rate, run);
                LOG.warn("descent diverged at step {}: loss {}, gradient norm {}", k, next, gn);
                return finish(new DescentResult(run.previous(), f, StopReason.DIVERGED, k - 1, k,
                        rec.build()), hear);
            }
            rec.add(k, next, rate, run);
            for (DescentListener l : hear) {
                l.onStep(k, next, rate, gn);
            }
            double previous = f;
            f = next;
            if (lossTolerance > 0 && Math.abs(next - previous) <= lossTolerance * Math.max(Math.abs(previous), 1.0)) {
                reason = StopReason.LOSS_TOLERANCE;
                break;
            }
            if (stopCondition != null && stopCondition.shouldStop(k, next, gn)) {
                reason = StopReason.STOP_CONDITION;
                break;
            }
            if ((k & 1023) == 0) {
                long now = System.nanoTime();
                if (now - lastLog > 1_000_000_000L) {
                    lastLog = now;
                    LOG.info("descent: step {} of {}, loss {}, lr {}", k, maxSteps, next, rate);
                }
            }
        }
        rec.addFinal(k, f, currentRate(run, k), run);
        return finish(new DescentResult(run.current(), f, reason, k, -1, rec.build()), hear);
    }

    /**
     * The rate of update {@code k + 1}: a {@link MetricDriven} optimizer is fed the loss after
     * update {@code k} first (its controller may reduce the rate); otherwise the schedule's.
     */
    private double rateAfter(Run run, double loss, long k) {
        if (optimizer instanceof MetricDriven md) {
            return md.observe(run.state(), loss);
        }
        return optimizer.learningRate().valueAt(k);
    }

    private double currentRate(Run run, long k) {
        if (optimizer instanceof MetricDriven md) {
            return md.currentLearningRate(run.state());
        }
        return optimizer.learningRate().valueAt(k);
    }

    private static DescentResult finish(DescentResult result, DescentListener[] hear) {
        for (DescentListener l : hear) {
            l.onFinish(result);
        }
        return result;
    }

    @Override
    public String toString() {
        return "Descent{optimizer=" + optimizer + ", maxSteps=" + maxSteps
                + ", gradientTolerance=" + gradientTolerance + ", lossTolerance=" + lossTolerance
                + ", divergenceFactor=" + divergenceFactor + ", recordEvery=" + recordEvery
                + ", recordLimit=" + recordLimit
                + ", batchPlan=" + batchPlan + "}";
    }

    /** One run's moving parts: parameters, gradient, optimizer state. */
    private interface Run extends Trajectory.RowSource {
        Objective objective();

        int dimension();

        double evaluate();

        void evaluateBatch(int[] batch);

        double gradientNorm();

        void remember();

        void update();

        /** The optimizer's state of this run. */
        dev.optim.core.OptimizerState state();

        /** A copy of the current parameters, as doubles. */
        double[] current();

        /** A copy of the parameters before the last update, as doubles. */
        double[] previous();
    }

    /** A run on plain {@code double[]} arrays. */
    private static final class PlainRun implements Run {
        private final ArrayObjective objective;
        private final Optimizer optimizer;
        private final double[] theta;
        private final double[] grad;
        private final double[] prev;
        private final dev.optim.core.OptimizerState state;

        PlainRun(ArrayObjective objective, double[] theta, Optimizer optimizer) {
            this.objective = objective;
            this.optimizer = optimizer;
            this.theta = theta;
            this.grad = new double[theta.length];
            this.prev = new double[theta.length];
            this.state = optimizer.init(theta);
        }

        @Override
        public Objective objective() {
            return objective;
        }

        @Override
        public int dimension() {
            return theta.length;
        }

        @Override
        public double evaluate() {
            return objective.evaluate(theta, grad);
        }

        @Override
        public void evaluateBatch(int[] batch) {
            throw new IllegalStateException("mini-batches run on the INDArray path");
        }

        @Override
        public double gradientNorm() {
            double s = 0;
            for (double v : grad) {
                s += v * v;
            }
            return Math.sqrt(s);
        }

        @Override
        public void remember() {
            System.arraycopy(theta, 0, prev, 0, theta.length);
        }

        @Override
        public void update() {
            optimizer.step(theta, grad, state);
        }

        @Override
        public void copyTo(double[] dst, int offset) {
            System.arraycopy(theta, 0, dst, offset, theta.length);
        }

        @Override
        public dev.optim.core.OptimizerState state() {
            return state;
        }

        @Override
        public double[] current() {
            return theta.clone();
        }

        @Override
        public double[] previous() {
            return prev.clone();
        }
    }

    /** A run on INDArrays, in their data type, through ND4J ops (memory possibly off the host). */
    private static final class ArrayRun implements Run {
        private final Objective objective;
        private final Optimizer optimizer;
        private final INDArray theta;
        private final INDArray grad;
        private final INDArray prev;
        private final INDArray norm;
        private final dev.optim.core.OptimizerState state;

        ArrayRun(Objective objective, INDArray start, Optimizer optimizer) {
            this.objective = objective;
            this.optimizer = optimizer;
            this.theta = start.dup('c');
            this.grad = theta.ulike().assign(0);
            this.prev = theta.ulike();
            this.norm = Nd4j.scalar(theta.dataType(), 0.0);
            this.state = optimizer.init(theta);
        }

        @Override
        public Objective objective() {
            return objective;
        }

        @Override
        public int dimension() {
            return Math.toIntExact(theta.length());
        }

        @Override
        public double evaluate() {
            return objective.evaluate(theta, grad);
        }

        @Override
        public void evaluateBatch(int[] batch) {
            ((StochasticObjective) objective).evaluate(theta, batch, grad);
        }

        @Override
        public double gradientNorm() {
            // Into a preallocated scalar: no INDArray per step.
            Nd4j.getExecutioner().exec(new Norm2(grad, norm));
            return norm.getDouble(0);
        }

        @Override
        public void remember() {
            prev.assign(theta);
        }

        @Override
        public void update() {
            optimizer.step(theta, grad, state);
        }

        @Override
        public void copyTo(double[] dst, int offset) {
            double[] x = current();
            System.arraycopy(x, 0, dst, offset, x.length);
        }

        @Override
        public dev.optim.core.OptimizerState state() {
            return state;
        }

        @Override
        public double[] current() {
            return theta.dup('c').data().asDouble();
        }

        @Override
        public double[] previous() {
            return prev.dup('c').data().asDouble();
        }
    }

    /**
     * A run on INDArrays in host memory (the CPU backend), in their data type, with no ND4J op
     * per step: the parameters and the gradient are read and written through byte views of
     * their memory made once, the gradient norm and the copy before the update are plain loops,
     * and an {@link ArrayObjective} is evaluated on {@code double[]} scratch (its float64
     * gradient rounded into the gradient's data type, as its INDArray form does). The optimizer
     * steps the INDArrays themselves, so a float32 run keeps float32 parameters and state.
     * Nothing is allocated per step.
     */
    private static final class HostRun implements Run {
        /** The most elements whose byte offsets fit an {@code int}. */
        static final long MAX_LENGTH = (Integer.MAX_VALUE - 8) / 8;

        private final Objective objective;
        private final ArrayObjective arrays;
        private final Optimizer optimizer;
        private final INDArray theta;
        private final INDArray grad;
        private final ByteBuffer thetaBytes;
        private final ByteBuffer gradBytes;
        private final boolean isFloat;
        private final int n;
        private final double[] x;
        private final double[] g;
        private final double[] prev;
        private final dev.optim.core.OptimizerState state;

        HostRun(Objective objective, INDArray start, Optimizer optimizer) {
            this.objective = objective;
            this.arrays = objective instanceof ArrayObjective a ? a : null;
            this.optimizer = optimizer;
            this.theta = start.dup('c');
            this.grad = theta.ulike().assign(0);
            this.n = (int) theta.length();
            this.isFloat = theta.dataType() == DataType.FLOAT;
            this.thetaBytes = bytes(theta);
            this.gradBytes = bytes(grad);
            this.x = arrays != null ? new double[n] : null;
            this.g = arrays != null ? new double[n] : null;
            this.prev = new double[n];
            this.state = optimizer.init(theta);
        }

        /** The array's elements as bytes in native order (a fresh 'c' array: offset 0). */
        private ByteBuffer bytes(INDArray a) {
            int width = isFloat ? 4 : 8;
            return a.data().asNio().order(ByteOrder.nativeOrder())
                    .slice((int) a.offset() * width, n * width).order(ByteOrder.nativeOrder());
        }

        private double read(ByteBuffer b, int i) {
            return isFloat ? b.getFloat(i << 2) : b.getDouble(i << 3);
        }

        @Override
        public Objective objective() {
            return objective;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double evaluate() {
            if (arrays == null) {
                return objective.evaluate(theta, grad);
            }
            for (int i = 0; i < n; i++) {
                x[i] = read(thetaBytes, i);
            }
            double f = arrays.evaluate(x, g);
            if (isFloat) {
                for (int i = 0; i < n; i++) {
                    gradBytes.putFloat(i << 2, (float) g[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    gradBytes.putDouble(i << 3, g[i]);
                }
            }
            return f;
        }

        @Override
        public void evaluateBatch(int[] batch) {
            ((StochasticObjective) objective).evaluate(theta, batch, grad);
        }

        @Override
        public double gradientNorm() {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double v = read(gradBytes, i);
                s += v * v;
            }
            return Math.sqrt(s);
        }

        @Override
        public void remember() {
            copyTo(prev, 0);
        }

        @Override
        public void update() {
            optimizer.step(theta, grad, state);
        }

        @Override
        public void copyTo(double[] dst, int offset) {
            for (int i = 0; i < n; i++) {
                dst[offset + i] = read(thetaBytes, i);
            }
        }

        @Override
        public double[] current() {
            double[] c = new double[n];
            copyTo(c, 0);
            return c;
        }

        @Override
        public double[] previous() {
            return prev.clone();
        }

        @Override
        public dev.optim.core.OptimizerState state() {
            return state;
        }
    }

    /**
     * A builder for the descent loop of a line-search optimizer (L-BFGS), which evaluates the
     * objective itself: one trajectory row per iteration, the stop rules of this class. See
     * {@link LineSearchDescent}.
     *
     * @param optimizer the optimizer
     * @return a new builder
     * @throws IllegalArgumentException if {@code optimizer} is null
     */
    public static LineSearchDescent.Builder lineSearch(dev.optim.core.LineSearchOptimizer optimizer) {
        return LineSearchDescent.builder(optimizer);
    }

    /**
     * Builds a {@link Descent}. Defaults: 1000 steps, no tolerances, divergence factor 1e6, every
     * row recorded up to {@value Descent#DEFAULT_RECORD_LIMIT} rows.
     */
    public static final class Builder {
        private final Optimizer optimizer;
        private long maxSteps = 1000;
        private double gradientTolerance;
        private double lossTolerance;
        private double divergenceFactor = 1e6;
        private StopCondition stopCondition;
        private int recordEvery = 1;
        private int recordLimit = DEFAULT_RECORD_LIMIT;
        private Boolean recordParameters;
        private final List<DescentListener> listeners = new ArrayList<>();
        private BatchPlan batchPlan;
        private BooleanSupplier cancelled;

        private Builder(Optimizer optimizer) {
            this.optimizer = optimizer;
        }

        /**
         * The step budget.
         *
         * @param steps the most updates to make, at least 0 (default 1000)
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
         * @param tolerance the tolerance, finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
         */
        public Builder gradientTolerance(double tolerance) {
            this.gradientTolerance = Checks.nonNegative("gradientTolerance", tolerance);
            return this;
        }

        /**
         * Stop when {@code |f_{k+1} − f_k| ≤ tolerance · max(|f_k|, 1)}; 0 turns the rule off
         * (the default).
         *
         * @param tolerance the tolerance, finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
         */
        public Builder lossTolerance(double tolerance) {
            this.lossTolerance = Checks.nonNegative("lossTolerance", tolerance);
            return this;
        }

        /**
         * Diverged when {@code f_k > factor · max(|f₀|, 1)}; 0 turns this rule off (non-finite
         * values still count as divergence). Default 1e6.
         *
         * @param factor the factor, finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code factor} is negative or not finite
         */
        public Builder divergenceFactor(double factor) {
            this.divergenceFactor = Checks.nonNegative("divergenceFactor", factor);
            return this;
        }

        /**
         * The caller's stop rule, asked after every update.
         *
         * @param condition the condition, or null for none
         * @return this builder
         */
        public Builder stopWhen(StopCondition condition) {
            this.stopCondition = condition;
            return this;
        }

        /**
         * Record every {@code every}-th row (row 0 and the last row are always recorded); see
         * also {@link #recordLimit(int)}, which thins the rows of a long run.
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
         * The most rows the trajectory keeps (default {@value Descent#DEFAULT_RECORD_LIMIT}), so
         * that memory is bounded whatever the step count: about {@code limit · (3 + d) · 8}
         * bytes for {@code d} recorded parameters (0.4 MB for the default on 2 parameters, 80 MB
         * at the 1024 parameters recorded by default). When a run outgrows it, the kept rows
         * thin to every second one of those kept, then every fourth, and so on (steps that are
         * multiples of {@code recordEvery · 2^j}); row 0, the last row and the row where the
         * run stopped are always kept. The limit is lowered if the parameter table would
         * exceed the largest Java array ({@code 2^31 − 9} values).
         *
         * @param rows at least 2 (the first and the last row)
         * @return this builder
         * @throws IllegalArgumentException if {@code rows} is below 2
         */
        public Builder recordLimit(int rows) {
            if (rows < 2) {
                throw new IllegalArgumentException("recordLimit must be >= 2 (the first and the "
                        + "last row), got " + rows);
            }
            this.recordLimit = rows;
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
         * Adds a progress listener.
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
         * Mini-batches for a {@link StochasticObjective}: each update follows the gradient of
         * the next batch. Without a plan, every update uses the full gradient.
         *
         * @param plan the plan, or null for full-batch updates
         * @return this builder
         */
        public Builder batches(BatchPlan plan) {
            this.batchPlan = plan;
            return this;
        }

        /**
         * A cancellation signal, polled before every update (the thread's interrupt flag is
         * polled too).
         *
         * @param signal returns true to cancel, or null for none
         * @return this builder
         */
        public Builder cancelWhen(BooleanSupplier signal) {
            this.cancelled = signal;
            return this;
        }

        /**
         * Builds the descent.
         *
         * @return the descent
         */
        public Descent build() {
            return new Descent(this);
        }
    }
}
