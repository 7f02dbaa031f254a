package dev.optim.core;

import dev.optim.core.kernel.Kernel;
import dev.optim.core.kernel.Kernels;
import java.io.IOException;
import java.io.InputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shared part of Optim's optimizers: the learning-rate schedule, weight decay, gradient
 * clipping, validation, and the choice of update kernel. A subclass supplies only its update
 * rule's coefficients, handed to the state's {@link Kernel}, which applies the rule as one fused
 * pass over the parameters, in float64 or float32.
 *
 * <p>Per update {@code t} (1 for the first), with {@code η = learningRate().valueAt(t − 1)}, each
 * element is first prepared, in this order (PyTorch's order when clipping precedes
 * {@code optimizer.step()}), and then goes through the subclass's rule:
 *
 * <ol>
 *   <li>decoupled weight decay: {@code θ ← θ·(1 − η·λ)} (AdamW);
 *   <li>clipping by value: {@code g ← clamp(g, −c, c)};
 *   <li>clipping by global norm: {@code g ← g · s}, {@code s = c / max(‖g‖₂, c)}, the norm taken
 *       over the whole gradient before the update pass;
 *   <li>coupled weight decay: {@code g ← g + λ·θ} (PyTorch's {@code weight_decay}).
 * </ol>
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

    @Override
    public final OptimizerState init(INDArray params) {
        Checks.floatingArray("params", params);
        HostMemory.requireDense("params", params);
        OptimizerState state = OptimizerState.forArrays(kind(), params, stateBuffersPerParameter());
        state.kernel(kernelFor(state, params));
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
        state.kernel(kernelFor(state, params.length));
        return state;
    }

    @Override
    public final OptimizerState restore(InputStream in, INDArray params) throws IOException {
        HostMemory.requireDense("params", Checks.floatingArray("params", params));
        return OptimizerState.read(in, this, params);
    }

    @Override
    public final void step(INDArray params, INDArray gradient, OptimizerState state) {
        step(params, gradient, state, Double.NaN, false);
    }

    /**
     * Performs one update as {@link #step(INDArray, INDArray, OptimizerState)} does, but with the
     * gradient scale of clipping by global norm given by the caller instead of computed from
     * this gradient alone: {@code g ← g · gradientScale} in place of {@code g ← g · s}. For
     * callers that clip by a norm taken over many tensors, as
     * {@link dev.optim.core.params.ParameterSetOptimizer} does; clipping by value, weight decay
     * and the rule are unchanged. A scale of exactly 1 is no scaling.
     *
     * @param params the parameters {@code θ}, updated in place
     * @param gradient the gradient {@code g}; same shape and data type as {@code params}
     * @param state the state made by {@link #init(INDArray)} for parameters of this shape
     * @param gradientScale the factor applied to the gradient; NaN or infinite values propagate
     *     into the parameters, as a NaN norm does
     * @throws IllegalArgumentException as {@link #step(INDArray, INDArray, OptimizerState)}
     */
    public final void stepWithGradientScale(INDArray params, INDArray gradient,
            OptimizerState state, double gradientScale) {
        step(params, gradient, state, gradientScale, true);
    }

    private void step(INDArray params, INDArray gradient, OptimizerState state,
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
            kernel = kernelFor(state, params);
            state.kernel(kernel);
        }
        kernel.bind(params, gradient);
        prepare(kernel, rate, externalScale, external);
        update(kernel, rate, t);
        kernel.finish();
        state.advance();
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
            kernel = kernelFor(state, params.length);
            state.kernel(kernel);
        }
        kernel.bind(params, gradient);
        prepare(kernel, rate, Double.NaN, false);
        update(kernel, rate, t);
        kernel.finish();
        state.advance();
    }

    /**
     * The update rule: calls the one rule method of {@code kernel} that is this optimizer's,
     * with its coefficients for this update, computed in float64. The kernel has the
     * parameters, the gradient (after clipping and weight decay) and the state bound, and
     * applies the rule to every element in one fused pass, in float64 or float32 as the
     * parameters are.
     *
     * @param kernel the kernel of the state, bound to this step's arrays
     * @param lr the learning rate {@code η} of this update
     * @param t the update's number, 1 for the first
     */
    protected abstract void update(Kernel kernel, double lr, long t);

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
    private static Kernel kernelFor(OptimizerState state, INDArray params) {
        INDArray[] buffers = new INDArray[state.bufferCount()];
        for (int b = 0; b < buffers.length; b++) {
            buffers[b] = state.array(b);
        }
        return Kernels.forArrays(buffers, params);
    }

    /** A kernel for the {@code double[]} buffers of {@code state}. */
    private static Kernel kernelFor(OptimizerState state, int length) {
        double[][] buffers = new double[state.bufferCount()][];
        for (int b = 0; b < buffers.length; b++) {
            buffers[b] = state.plain(b);
        }
        return Kernels.forPlain(buffers, length);
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
                + ", clipping=" + clipping + "}";
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
