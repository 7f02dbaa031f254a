package dev.optim.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shared part of Optim's optimizers: the learning-rate schedule, weight decay, gradient
 * clipping, validation, and the walk over host memory. A subclass supplies only its update rule,
 * as one fused loop over the parameters, in float64 and float32.
 *
 * <p>Per update {@code t} (1 for the first), with {@code η = learningRate().valueAt(t − 1)}: the
 * gradient norm is taken if clipping by norm, then each element goes through
 * {@link GradientPrep} and the subclass's rule. Nothing is allocated on the ND4J side per step,
 * and the caller's gradient array is never written.
 *
 * <p>Parameters must be dense (default strides for their ordering); a strided view is refused
 * with a message. On the CUDA backend the arrays are synchronised to host memory for the update.
 */
public abstract class BaseOptimizer implements Optimizer {

    private final Schedule learningRate;
    private final double weightDecay;
    private final boolean decoupled;
    private final Clipping clipping;

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
        return OptimizerState.forArrays(kind(), params, stateBuffersPerParameter());
    }

    @Override
    public final OptimizerState init(double[] params) {
        if (params == null || params.length == 0) {
            throw new IllegalArgumentException("params must not be null or empty, got "
                    + (params == null ? "null" : "length 0"));
        }
        return OptimizerState.forPlain(kind(), params.length, stateBuffersPerParameter());
    }

    @Override
    public final OptimizerState restore(InputStream in, INDArray params) throws IOException {
        HostMemory.requireDense("params", Checks.floatingArray("params", params));
        return OptimizerState.read(in, this, params);
    }

    @Override
    public final void step(INDArray params, INDArray gradient, OptimizerState state) {
        Checks.floatingArray("params", params);
        Checks.sameShapeAndType("params", params, "gradient", gradient);
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        state.checkFits(kind(), params.shape(), params.dataType(), true);
        HostMemory.requireDense("params", params);
        HostMemory.requireDense("gradient", gradient);
        HostMemory.requireSameLayout("params", params, "gradient", gradient);
        double rate = rateAt(state.step());
        long t = state.step() + 1;
        int n = Math.toIntExact(params.length());
        int count = state.bufferCount();
        HostMemory.toHost(params);
        HostMemory.toHost(gradient);
        for (int b = 0; b < count; b++) {
            HostMemory.toHost(state.array(b));
        }
        if (params.dataType() == DataType.DOUBLE) {
            DoubleBuffer g = HostMemory.doubles(gradient);
            DoubleBuffer[] s = new DoubleBuffer[count];
            for (int b = 0; b < count; b++) {
                s[b] = HostMemory.doubles(state.array(b));
            }
            update(HostMemory.doubles(params), g, s, n, rate, t, prep(rate, norm(g, n)));
        } else {
            FloatBuffer g = HostMemory.floats(gradient);
            FloatBuffer[] s = new FloatBuffer[count];
            for (int b = 0; b < count; b++) {
                s[b] = HostMemory.floats(state.array(b));
            }
            update(HostMemory.floats(params), g, s, n, rate, t, prep(rate, norm(g, n)));
        }
        HostMemory.hostWritten(params);
        for (int b = 0; b < count; b++) {
            HostMemory.hostWritten(state.array(b));
        }
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
        state.checkFits(kind(), new long[] {params.length}, DataType.DOUBLE, false);
        double rate = rateAt(state.step());
        long t = state.step() + 1;
        int count = state.bufferCount();
        DoubleBuffer g = DoubleBuffer.wrap(gradient);
        DoubleBuffer[] s = new DoubleBuffer[count];
        for (int b = 0; b < count; b++) {
            s[b] = DoubleBuffer.wrap(state.plain(b));
        }
        update(DoubleBuffer.wrap(params), g, s, params.length, rate, t,
                prep(rate, norm(g, params.length)));
        state.advance();
    }

    /**
     * The update rule in float64: updates {@code p} (and the state buffers) in place for
     * elements {@code [0, n)}. Implementations read each gradient element through
     * {@code prep.grad(g, prep.param(p))} and never write {@code g}.
     *
     * @param p the parameters
     * @param g the raw gradient; read only
     * @param state the state buffers, {@link #stateBuffersPerParameter()} of them
     * @param n the number of elements
     * @param lr the learning rate {@code η} of this update
     * @param t the update's number, 1 for the first
     * @param prep the clipping and weight decay of this update
     */
    protected abstract void update(DoubleBuffer p, DoubleBuffer g, DoubleBuffer[] state, int n,
            double lr, long t, GradientPrep prep);

    /**
     * The update rule in float32 arithmetic; as {@link #update(DoubleBuffer, DoubleBuffer,
     * DoubleBuffer[], int, double, long, GradientPrep)}.
     *
     * @param p the parameters
     * @param g the raw gradient; read only
     * @param state the state buffers
     * @param n the number of elements
     * @param lr the learning rate {@code η} of this update
     * @param t the update's number, 1 for the first
     * @param prep the clipping and weight decay of this update
     */
    protected abstract void update(FloatBuffer p, FloatBuffer g, FloatBuffer[] state, int n,
            double lr, long t, GradientPrep prep);

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

    private double norm(DoubleBuffer g, int n) {
        if (clipping.mode() != Clipping.Mode.BY_GLOBAL_NORM) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = g.get(i);
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private double norm(FloatBuffer g, int n) {
        if (clipping.mode() != Clipping.Mode.BY_GLOBAL_NORM) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = g.get(i);
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private GradientPrep prep(double rate, double gradNorm) {
        double clip = clipping.mode() == Clipping.Mode.BY_VALUE
                ? clipping.threshold() : Double.POSITIVE_INFINITY;
        double scale = 1.0;
        if (clipping.mode() == Clipping.Mode.BY_GLOBAL_NORM) {
            // NaN or infinite norms propagate, so that the descent reports them.
            scale = gradNorm > clipping.threshold() || !Double.isFinite(gradNorm)
                    ? clipping.threshold() / gradNorm : 1.0;
        }
        double coupled = decoupled ? 0.0 : weightDecay;
        double decay = decoupled ? 1 - rate * weightDecay : 1.0;
        if (clip == Double.POSITIVE_INFINITY && scale == 1.0 && coupled == 0.0 && decay == 1.0) {
            return GradientPrep.NONE;
        }
        return new GradientPrep(clip, scale, coupled, decay);
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
    public abstract static class Builder<B extends Builder<B>> {
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
         * This builder, typed.
         *
         * @return {@code this}
         */
        protected abstract B self();
    }
}
