package dev.optim.core;

import dev.optim.core.kernel.Kernel;
import dev.optim.core.kernel.Kernels;
import dev.optim.core.kernel.UpdateRule;
import java.io.IOException;
import java.io.InputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shared part of Optim's optimizers: the learning-rate schedule, weight decay, gradient
 * clipping, validation, and the choice of update kernel. A subclass supplies its configuration
 * and its element-wise {@link UpdateRule} ({@link #newRule()}); the state's {@link Kernel} runs
 * that rule as one fused pass over the parameters, in float64 or float32, on its tier. Adding an
 * optimizer touches no shared class: see {@code docs/adding-an-optimizer.md}.
 *
 * <p>Per update {@code t} (1 for the first), with {@code η = learningRate().valueAt(t − 1)}, each
 * element is first prepared, in this order (PyTorch's order when clipping precedes
 * {@code optimizer.step()}), and then goes through the subclass's rule:
 *
 * <ol>
 *   <li>decoupled weight decay: {@code θ ← θ·(1 − η·λ)} (AdamW);
 *   <li>clipping by value: {@code g ← clamp(g, −c, c)};
 *   <li>clipping by global norm: {@code g ← g · s}, {@code s = c / max(‖g‖₂, c)} (or PyTorch's
 *       form, {@link Clipping#byGlobalNormPyTorch(double)}), the norm taken
 *       over the whole gradient before the update pass;
 *   <li>coupled weight decay: {@code g ← g + λ·θ} (PyTorch's {@code weight_decay}).
 * </ol>
 *
 * <p>Non-finite values. By default a step applies whatever it computes: a NaN or infinite
 * gradient (after preparation) propagates into the parameters and the state, so that the
 * descent loop sees a non-finite loss or gradient and reports the run as diverged with the last
 * finite parameters. With {@link Builder#skipNonFinite(int) skipNonFinite(n)} (Optax's
 * {@code apply_if_finite}), a step whose prepared gradient, new parameters or new state would
 * hold a NaN or an infinity is skipped instead: parameters and state are left untouched, the
 * step counter does not advance (as Optax leaves the inner state's count), and the skip is
 * counted ({@link OptimizerState#skippedSteps()}, {@link OptimizerState#consecutiveSkippedSteps()},
 * saved and restored with the state). Up to {@code n} steps in a row are skipped; the next
 * non-finite one throws an {@link IllegalStateException} naming {@code n}, leaving everything
 * untouched. The check computes each chunk's update in scratch memory before the real pass, so
 * a step costs about two passes over the memory.
 *
 * <p>A step allocates nothing once the state has seen
 * the same parameter and gradient arrays (the kernel keeps its views of their memory), and the
 * caller's gradient array is never written.
 *
 * <p>Kernels come in tiers (see {@link Kernels}): SIMD loops over host memory on JDK 25 with
 * {@code jdk.incubator.vector}, plain Java loops otherwise, and ND4J ops on backends whose data
 * may live on a GPU. All tiers give the same results bit for bit.
 *
 * <p>Parameters must be dense (their elements one run of memory in 'c' or 'f' order; dimensions
 * of size 1 do not count); a strided view is refused with a message, never updated wrongly.
 * Parameters and gradient must not partly overlap in memory.
 */
public abstract class BaseOptimizer implements Optimizer {

    private final Schedule learningRate;
    private final double weightDecay;
    private final boolean decoupled;
    private final Clipping clipping;
    private final int maxSkips;
    /** A private copy of the builder that made this optimizer, for {@link #toBuilder()}. */
    private final Builder<?> recipe;
    /** {@link #kind()}, once asked; a racy cache of an immutable value. */
    private String kindCache;

    /**
     * Creates the shared configuration from a builder, validating it.
     *
     * @param builder the builder
     * @throws IllegalArgumentException if the learning rate at step 0 is negative or not finite,
     *     or the weight decay is negative or not finite
     */
    protected BaseOptimizer(Builder<?> builder) {
        if (builder.learningRate == null) {
            throw new IllegalArgumentException("learningRate must not be null");
        }
        this.learningRate = builder.learningRate;
        rateAt(0);
        this.weightDecay = Checks.nonNegative("weightDecay", builder.weightDecay);
        this.decoupled = builder.decoupled;
        this.clipping = builder.clipping;
        this.maxSkips = builder.maxSkips;
        this.recipe = builder.copy();
    }

    /**
     * A new builder holding this optimizer's configuration, to derive a variant of it: the
     * same optimizer with some settings changed, as a parameter group's overrides do
     * ({@link dev.optim.core.params.GroupOverrides}). Every optimizer gets it from this class:
     * the builder is a field-by-field copy of the one that built this optimizer.
     *
     * <pre>{@code
     * Adam slower = (Adam) adam.toBuilder().learningRate(1e-4).build();
     * }</pre>
     *
     * @return a new builder; building it unchanged gives an optimizer equal in every setting
     */
    public Builder<?> toBuilder() {
        return recipe.copy();
    }

    @Override
    public final Schedule learningRate() {
        return learningRate;
    }

    /**
     * The weight-decay coefficient {@code λ} (0 when off).
     *
     * @return {@code λ}
     */
    public final double weightDecay() {
        return weightDecay;
    }

    /**
     * Whether weight decay is decoupled ({@code θ ← θ·(1 − η·λ)}, AdamW) rather than added to
     * the gradient ({@code g ← g + λ·θ}).
     *
     * @return true for decoupled decay
     */
    public final boolean decoupledWeightDecay() {
        return decoupled;
    }

    /**
     * The gradient clipping.
     *
     * @return the clipping, {@link Clipping#none()} when off
     */
    public final Clipping clipping() {
        return clipping;
    }

    /**
     * The most steps in a row that are skipped for non-finite values, 0 when non-finite values
     * propagate (the default); see {@link Builder#skipNonFinite(int)}.
     *
     * @return the limit, or 0 when off
     */
    public final int skipNonFinite() {
        return maxSkips;
    }

    @Override
    public final OptimizerState init(INDArray params) {
        Checks.floatingArray("params", params);
        HostMemory.requireDense("params", params);
        OptimizerState state = OptimizerState.forArrays(kind(), params, stateBuffersPerParameter());
        state.kernel(kernelFor(newRule(), state, params));
        return state;
    }

    @Override
    public final OptimizerState init(double[] params) {
        if (params == null || params.length == 0) {
            throw new IllegalArgumentException("params must not be null or empty, got "
                    + (params == null ? "null" : "length 0"));
        }
        OptimizerState state = OptimizerState.forPlain(kind(), params.length,
                stateBuffersPerParameter());
        state.kernel(kernelFor(newRule(), state, params.length));
        return state;
    }

    @Override
    public final OptimizerState restore(InputStream in, INDArray params) throws IOException {
        HostMemory.requireDense("params", Checks.floatingArray("params", params));
        return OptimizerState.read(in, this, params);
    }

    @Override
    public final void step(INDArray params, INDArray gradient, OptimizerState state) {
        Kernel kernel = begin(params, gradient, state, Double.NaN, false);
        if (maxSkips > 0 && !kernel.finite()) {
            skip(state, state.step() + 1);
            return;
        }
        kernel.run();
        kernel.finish();
        state.advance();
    }

    /**
     * Begins one update for a caller that runs it in ranges, possibly on several threads, as
     * {@link dev.optim.core.params.ParameterSetOptimizer} does: checks the arrays and the state
     * as {@link #step(INDArray, INDArray, OptimizerState)} does, binds them, sets the
     * preparation with the caller's gradient scale in place of this optimizer's
     * clipping-by-norm scale (the caller took the norm over more than this tensor; clipping by
     * value and weight decay are unchanged; a scale of exactly 1 is none), and begins the rule.
     * The caller then calls {@link Kernel#run(long, long, dev.optim.core.kernel.Scratch)} on
     * disjoint ranges covering {@code [0, kernel.length())} (the whole range at once on the
     * {@code nd4j} tier), and {@link #endStep(OptimizerState)}. Together they are one
     * {@code step}, bit for bit.
     *
     * @param params the parameters {@code θ}, updated in place by the runs
     * @param gradient the gradient {@code g}; same shape and data type as {@code params}
     * @param state the state made by {@link #init(INDArray)} for parameters of this shape
     * @param gradientScale the factor applied to the gradient; NaN or infinite values propagate
     *     into the parameters, as a NaN norm does
     * @return the state's kernel, bound and prepared
     * @throws IllegalArgumentException as {@link #step(INDArray, INDArray, OptimizerState)},
     *     or if this optimizer skips non-finite steps (a step in ranges cannot be skipped)
     */
    public final Kernel beginStep(INDArray params, INDArray gradient, OptimizerState state,
            double gradientScale) {
        if (maxSkips > 0) {
            throw new IllegalArgumentException("a step run in ranges cannot skip non-finite"
                    + " updates; build the optimizer without skipNonFinite(" + maxSkips + ")");
        }
        return begin(params, gradient, state, gradientScale, true);
    }

    /**
     * Ends an update begun by {@link #beginStep}: finishes the kernel and advances the state's
     * step counter.
     *
     * @param state the state passed to {@link #beginStep}
     * @throws IllegalArgumentException if {@code state} is null or has no kernel
     */
    public final void endStep(OptimizerState state) {
        if (state == null || state.kernel() == null) {
            throw new IllegalArgumentException("state must be one passed to beginStep");
        }
        state.kernel().finish();
        state.advance();
    }

    private Kernel begin(INDArray params, INDArray gradient, OptimizerState state,
            double externalScale, boolean external) {
        Checks.floatingArray("params", params);
        Checks.sameShapeAndType("params", params, "gradient", gradient);
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        state.checkFits(cachedKind(), params.shape(), params.dataType(), true);
        Kernel kernel = state.kernel();
        if (kernel == null || !kernel.bound(params, gradient)) {
            // Arrays not seen by the previous step: check their layout before touching memory.
            HostMemory.requireDense("params", params);
            HostMemory.requireDense("gradient", gradient);
            HostMemory.requireSameLayout("params", params, "gradient", gradient);
            if (state.bufferCount() > 0) {
                HostMemory.requireSameLayout("params", params, "state", state.array(0));
            }
        }
        double rate = rateAt(state.step());
        long t = state.step() + 1;
        if (kernel == null) {
            // A restored state: its kernel is made by its first step.
            kernel = kernelFor(newRule(), state, params);
            state.kernel(kernel);
        }
        kernel.bind(params, gradient);
        prepare(kernel, rate, externalScale, external);
        kernel.rule().begin(rate, t);
        return kernel;
    }

    @Override
    public final void step(double[] params, double[] gradient, OptimizerState state) {
        if (params == null || params.length == 0) {
            throw new IllegalArgumentException("params must not be null or empty");
        }
        Checks.length("gradient", gradient, params.length);
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        String kind = cachedKind();
        Kernel kernel = state.kernel();
        // A kernel belongs to its state, whose length never changes: after the first step the
        // full check (which allocates the shape) is needed only when something differs.
        if (kernel == null || kernel.length() != params.length || state.isArrayBacked()
                || !state.kind().equals(kind)) {
            state.checkFits(kind, new long[] {params.length}, DataType.DOUBLE, false);
        }
        double rate = rateAt(state.step());
        long t = state.step() + 1;
        if (kernel == null) {
            kernel = kernelFor(newRule(), state, params.length);
            state.kernel(kernel);
        }
        kernel.bind(params, gradient);
        prepare(kernel, rate, Double.NaN, false);
        kernel.rule().begin(rate, t);
        if (maxSkips > 0 && !kernel.finite()) {
            skip(state, t);
            return;
        }
        kernel.run();
        kernel.finish();
        state.advance();
    }

    /**
     * A new instance of this optimizer's element-wise update rule, for one state (a rule holds
     * the coefficients of the current update, so states do not share one). The state's kernel
     * calls {@link UpdateRule#begin(double, long)} with the learning rate and the update number
     * of each step, then applies the rule to every element of the parameters, the gradient
     * (after clipping and weight decay) and the {@link #stateBuffersPerParameter()} state
     * buffers, in float64 or float32 as the parameters are.
     *
     * @return a new rule
     */
    protected abstract UpdateRule newRule();

    /**
     * The hyperparameters particular to the subclass, for {@link #toString()}, as
     * {@code "beta1=0.9, beta2=0.999"}.
     *
     * @return the hyperparameters
     */
    protected abstract String hyperparameters();

    private double rateAt(long step) {
        double rate = learningRate.valueAt(step);
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learning rate at step " + step
                    + " must be finite and >= 0, got " + rate);
        }
        return rate;
    }

    /** A kernel for the INDArray buffers of {@code state}, on the tier {@link Kernels} picks. */
    private static Kernel kernelFor(UpdateRule rule, OptimizerState state, INDArray params) {
        INDArray[] buffers = new INDArray[state.bufferCount()];
        for (int b = 0; b < buffers.length; b++) {
            buffers[b] = state.array(b);
        }
        return Kernels.forArrays(rule, buffers, params);
    }

    /** A kernel for the {@code double[]} buffers of {@code state}. */
    private static Kernel kernelFor(UpdateRule rule, OptimizerState state, int length) {
        double[][] buffers = new double[state.bufferCount()][];
        for (int b = 0; b < buffers.length; b++) {
            buffers[b] = state.plain(b);
        }
        return Kernels.forPlain(rule, buffers, length);
    }

    /** Counts a skipped step, or refuses it after {@link #maxSkips} skips in a row. */
    private void skip(OptimizerState state, long t) {
        if (state.consecutiveSkippedSteps() >= maxSkips) {
            throw new IllegalStateException("update " + t + " is not finite after " + maxSkips
                    + " consecutive skipped steps (skipNonFinite(" + maxSkips + ")): the gradient"
                    + " or the update holds NaN or infinity; parameters and state are left as"
                    + " they were before the first skipped step");
        }
        state.skip();
    }

    /** The optimizer's kind, asked once ({@link #kind()} may build its string per call). */
    private String cachedKind() {
        String k = kindCache;
        if (k == null) {
            k = kind();
            kindCache = k;
        }
        return k;
    }

    /** Sets the kernel's gradient preparation for this step, as the class comment defines. */
    private void prepare(Kernel kernel, double rate, double externalScale, boolean external) {
        double clip = clipping.mode() == Clipping.Mode.BY_VALUE
                ? clipping.threshold() : Double.POSITIVE_INFINITY;
        double scale = 1.0;
        if (external) {
            scale = externalScale;
        } else if (clipping.isByNorm()) {
            // NaN or infinite norms propagate, so that the descent reports them.
            scale = clipping.scale(kernel.gradientNorm());
        }
        double coupled = decoupled ? 0.0 : weightDecay;
        double decay = decoupled ? 1 - rate * weightDecay : 1.0;
        kernel.prepare(clip, scale, coupled, decay);
    }

    @Override
    public String toString() {
        String h = hyperparameters();
        return getClass().getSimpleName() + "{lr=" + learningRate + (h.isEmpty() ? "" : ", " + h)
                + ", weightDecay=" + weightDecay + (decoupled ? " (decoupled)" : "")
                + ", clipping=" + clipping
                + (maxSkips > 0 ? ", skipNonFinite=" + maxSkips : "") + "}";
    }

    /**
     * The options shared by every optimizer's builder.
     *
     * @param <B> the concrete builder type
     */
    public abstract static class Builder<B extends Builder<B>> implements Cloneable {
        private Schedule learningRate;
        private double weightDecay;
        private boolean decoupled;
        private Clipping clipping = Clipping.none();
        private int maxSkips;

        /**
         * Creates a builder with the given default learning rate.
         *
         * @param defaultLearningRate the optimizer's default learning rate
         */
        protected Builder(double defaultLearningRate) {
            this.learningRate = Schedule.constant(defaultLearningRate);
        }

        /**
         * A constant learning rate.
         *
         * @param lr the rate; finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code lr} is negative or not finite
         */
        public B learningRate(double lr) {
            Checks.nonNegative("learningRate", lr);
            this.learningRate = Schedule.constant(lr);
            return self();
        }

        /**
         * A learning-rate schedule; update {@code t} uses {@code schedule.valueAt(t − 1)}.
         *
         * @param schedule the schedule
         * @return this builder
         * @throws IllegalArgumentException if {@code schedule} is null
         */
        public B learningRate(Schedule schedule) {
            if (schedule == null) {
                throw new IllegalArgumentException("learningRate schedule must not be null");
            }
            this.learningRate = schedule;
            return self();
        }

        /**
         * Coupled weight decay, added to the gradient: {@code g ← g + λ·θ} (PyTorch's
         * {@code weight_decay}).
         *
         * @param lambda {@code λ}; finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code lambda} is negative or not finite
         */
        public B weightDecay(double lambda) {
            this.weightDecay = Checks.nonNegative("weightDecay", lambda);
            this.decoupled = false;
            return self();
        }

        /**
         * Decoupled weight decay, {@code θ ← θ·(1 − η·λ)} before the update (Loshchilov and
         * Hutter 2019; PyTorch's {@code AdamW}).
         *
         * @param lambda {@code λ}; finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code lambda} is negative or not finite
         */
        public B decoupledWeightDecay(double lambda) {
            this.weightDecay = Checks.nonNegative("weightDecay", lambda);
            this.decoupled = true;
            return self();
        }

        /**
         * Gradient clipping.
         *
         * @param clipping the clipping
         * @return this builder
         * @throws IllegalArgumentException if {@code clipping} is null
         */
        public B clipping(Clipping clipping) {
            if (clipping == null) {
                throw new IllegalArgumentException("clipping must not be null");
            }
            this.clipping = clipping;
            return self();
        }

        /**
         * Skips steps whose prepared gradient or resulting update is not finite, up to
         * {@code maxConsecutive} steps in a row (Optax's {@code apply_if_finite}): a skipped
         * step leaves parameters, state and step counter untouched and is counted in the
         * state; one more non-finite step in a row throws an {@link IllegalStateException}.
         * Off by default: non-finite values propagate, and the descent loop reports them.
         *
         * @param maxConsecutive the most steps skipped in a row; {@code ≥ 1}
         * @return this builder
         * @throws IllegalArgumentException if {@code maxConsecutive} is below 1
         */
        public B skipNonFinite(int maxConsecutive) {
            if (maxConsecutive < 1) {
                throw new IllegalArgumentException(
                        "skipNonFinite maxConsecutive must be >= 1, got " + maxConsecutive);
            }
            this.maxSkips = maxConsecutive;
            return self();
        }

        /**
         * Builds the optimizer configured so far.
         *
         * @return the optimizer
         * @throws IllegalArgumentException if a setting is out of its range
         */
        public abstract BaseOptimizer build();

        /**
         * This builder, typed.
         *
         * @return {@code this}
         */
        protected abstract B self();

        /**
         * A field-by-field copy of this builder ({@link Object#clone()}), which
         * {@link BaseOptimizer#toBuilder()} hands out. Builders hold only immutable values
         * (numbers, enums, {@link Schedule}s, {@link Clipping}), so the copy is independent; a
         * subclass that holds a mutable object must override this to copy it.
         *
         * @return an independent copy
         */
        @SuppressWarnings("unchecked")
        protected B copy() {
            try {
                return (B) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError("Builder is Cloneable", e);
            }
        }
    }
}
