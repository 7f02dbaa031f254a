package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Checks;
import dev.optim.core.OptimizerState;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Schedule-Free AdamW (Defazio, Yang, Mehta, Mishchenko, Khaled and Cutkosky 2024, "The Road
 * Less Scheduled"), as the authors' reference implementation
 * ({@code facebookresearch/schedule_free}, {@code adamw_schedulefree_reference.py}) computes
 * it: no learning-rate schedule is needed after the warm-up, the iterate averaging takes its
 * place.
 *
 * <p>Three sequences: {@code z} (the base AdamW-like sequence), {@code x} (a weighted average
 * of the {@code z}'s: the point to <em>evaluate and use</em> the model at) and
 * {@code y = β1·x + (1−β1)·z} (the point where the <em>gradient is taken</em>). The parameters
 * this optimizer updates are {@code y}: feed it gradients at the parameters as usual, and read
 * the model's evaluation point with {@link #evaluationPoint(OptimizerState, double[])}. Update
 * {@code t} (1 for the first; {@code η} the rate, {@code g} the gradient at {@code y}):
 *
 * <pre>
 * γ_t   = η · min(1, t / warmup) · √(1 − β2^t)          (min(1, ·) is 1 when warmup = 0)
 * γ_max = max(γ_max, γ_t);   w_t = t^r · γ_max^p;   W_t = W_{t−1} + w_t;   c = w_t / W_t
 * z ← z − γ_t·λ·y            (weight decay at y; at z if decayAtZ)
 * v ← β2·v + (1 − β2)·g²
 * z ← z − γ_t · g / (√v + ε)
 * x ← (1 − c)·x + c·z
 * y ← β1·x + (1 − β1)·z
 * </pre>
 *
 * <p>{@code z} and {@code x} start as the initial parameters, {@code v} at 0; three buffers
 * per parameter ({@code z}, {@code v}, {@code x}). Defaults (the reference's): learning rate
 * {@value #DEFAULT_LEARNING_RATE}, β1 {@value #DEFAULT_BETA1}, β2 {@value #DEFAULT_BETA2}, ε
 * {@value #DEFAULT_EPSILON}, weight decay 0, warm-up 0 steps, {@code r} 0, weight-lr power
 * {@code p} {@value #DEFAULT_WEIGHT_LR_POWER}. {@link Builder#weightDecay(double)} and
 * {@link Builder#decoupledWeightDecay(double)} both set the reference's {@code λ} above (the
 * shared weight-decay preparation of {@link BaseOptimizer} stays off).
 *
 * <pre>{@code
 * ScheduleFreeAdamW sf = ScheduleFreeAdamW.builder().learningRate(0.01).warmupSteps(100).build();
 * OptimizerState s = sf.init(y);
 * // ... sf.step(y, gradientAt(y), s) ...
 * double[] x = ScheduleFreeAdamW.evaluationPoint(s, y);   // evaluate the model here
 * }</pre>
 */
public final class ScheduleFreeAdamW extends BaseOptimizer {

    /** The default learning rate (the reference's). */
    public static final double DEFAULT_LEARNING_RATE = 0.0025;
    /** The default β1. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The default β2. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The default ε. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** The default power of the rate in the averaging weights. */
    public static final double DEFAULT_WEIGHT_LR_POWER = 2.0;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double decay;
    private final boolean decayAtZ;
    private final long warmupSteps;
    private final double r;
    private final double weightLrPower;

    private ScheduleFreeAdamW(Builder b) {
        super(b);
        this.beta1 = Checks.inRangeOpen("beta1", b.beta1, 0, 1);
        this.beta2 = Checks.inRangeOpen("beta2", b.beta2, 0, 1);
        this.epsilon = Checks.positive("epsilon", b.epsilon);
        this.decay = Checks.nonNegative("weightDecay", b.decay);
        this.decayAtZ = b.decayAtZ;
        if (b.warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, got " + b.warmupSteps);
        }
        this.warmupSteps = b.warmupSteps;
        this.r = Checks.nonNegative("r", b.r);
        this.weightLrPower = Checks.nonNegative("weightLrPower", b.weightLrPower);
    }

    /**
     * A builder with the reference's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The point to evaluate the model at, {@code x}: a copy of the average (the parameters
     * themselves before the first update).
     *
     * @param state a state of this optimizer, made by {@code init(double[])} or
     *     {@code init(INDArray)}
     * @param params the parameters {@code y} the state updates
     * @return {@code x}, in row-major order
     * @throws IllegalArgumentException if {@code state} is not a Schedule-Free AdamW state
     */
    public static double[] evaluationPoint(OptimizerState state, double[] params) {
        check(state);
        return state.step() == 0 ? params.clone() : state.bufferValues(2);
    }

    /**
     * The point to evaluate the model at, {@code x}, as a new array shaped and typed as
     * {@code params}.
     *
     * @param state a state of this optimizer
     * @param params the parameters {@code y} the state updates
     * @return {@code x}
     * @throws IllegalArgumentException if {@code state} is not a Schedule-Free AdamW state
     */
    public static INDArray evaluationPoint(OptimizerState state, INDArray params) {
        check(state);
        if (state.step() == 0) {
            return params.dup();
        }
        return Nd4j.createFromArray(state.bufferValues(2)).castTo(params.dataType())
                .reshape('c', params.shape());
    }

    private static void check(OptimizerState state) {
        if (state == null || !state.kind().equals("schedule-free-adamw")) {
            throw new IllegalArgumentException("not a Schedule-Free AdamW state: " + state);
        }
    }

    /**
     * β1, the interpolation between {@code x} and {@code z} that gives {@code y}.
     *
     * @return β1
     */
    public double beta1() {
        return beta1;
    }

    /**
     * β2, the decay of the second moment.
     *
     * @return β2
     */
    public double beta2() {
        return beta2;
    }

    /**
     * ε, added to the root.
     *
     * @return ε
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * The reference's weight decay {@code λ}.
     *
     * @return λ
     */
    public double scheduleFreeWeightDecay() {
        return decay;
    }

    /**
     * Whether the weight decay is taken at {@code z} rather than {@code y}.
     *
     * @return the reference's {@code decay_at_z}
     */
    public boolean decayAtZ() {
        return decayAtZ;
    }

    /**
     * The linear warm-up, in updates.
     *
     * @return the warm-up steps
     */
    public long warmupSteps() {
        return warmupSteps;
    }

    /**
     * The polynomial weighting power {@code r} of the average.
     *
     * @return {@code r}
     */
    public double r() {
        return r;
    }

    /**
     * The power {@code p} of {@code γ_max} in the averaging weights.
     *
     * @return {@code p}
     */
    public double weightLrPower() {
        return weightLrPower;
    }

    @Override
    public String kind() {
        return "schedule-free-adamw";
    }

    @Override
    public int stateBuffersPerParameter() {
        return 3;
    }

    @Override
    protected UpdateRule newRule() {
        return new ScheduleFreeAdamWRule(this);
    }

    @Override
    protected String hyperparameters() {
        return "beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ", lambda="
                + decay + (decayAtZ ? " (at z)" : "") + ", warmupSteps=" + warmupSteps + ", r="
                + r + ", weightLrPower=" + weightLrPower;
    }

    /** Builds a {@link ScheduleFreeAdamW}. */
    public static final class Builder extends BaseOptimizer.Builder<Builder> {
        private double beta1 = DEFAULT_BETA1;
        private double beta2 = DEFAULT_BETA2;
        private double epsilon = DEFAULT_EPSILON;
        private double decay;
        private boolean decayAtZ;
        private long warmupSteps;
        private double r;
        private double weightLrPower = DEFAULT_WEIGHT_LR_POWER;

        private Builder() {
            super(DEFAULT_LEARNING_RATE);
        }

        /**
         * β1 (default 0.9).
         *
         * @param beta1 in {@code [0, 1)}
         * @return this builder
         */
        public Builder beta1(double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /**
         * β2 (default 0.999).
         *
         * @param beta2 in {@code [0, 1)}
         * @return this builder
         */
        public Builder beta2(double beta2) {
            this.beta2 = beta2;
            return this;
        }

        /**
         * ε (default 1e-8).
         *
         * @param epsilon positive and finite
         * @return this builder
         */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * The reference's weight decay {@code λ}: {@code z ← z − γ_t·λ·y} (default 0).
         *
         * @param lambda finite and {@code ≥ 0}
         * @return this builder
         */
        @Override
        public Builder weightDecay(double lambda) {
            this.decay = lambda;
            return this;
        }

        /**
         * The same as {@link #weightDecay(double)}: the reference's decay is already decoupled
         * from the moments (AdamW's).
         *
         * @param lambda finite and {@code ≥ 0}
         * @return this builder
         */
        @Override
        public Builder decoupledWeightDecay(double lambda) {
            return weightDecay(lambda);
        }

        /**
         * Takes the weight decay at {@code z} instead of {@code y} (the reference's
         * {@code decay_at_z}, default false).
         *
         * @param atZ true for decay at z
         * @return this builder
         */
        public Builder decayAtZ(boolean atZ) {
            this.decayAtZ = atZ;
            return this;
        }

        /**
         * A linear warm-up of the rate over the first {@code steps} updates (default 0).
         *
         * @param steps {@code ≥ 0}
         * @return this builder
         */
        public Builder warmupSteps(long steps) {
            this.warmupSteps = steps;
            return this;
        }

        /**
         * The polynomial weighting power {@code r} (default 0).
         *
         * @param r finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder r(double r) {
            this.r = r;
            return this;
        }

        /**
         * The power {@code p} of {@code γ_max} in the averaging weights (default 2).
         *
         * @param power finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder weightLrPower(double power) {
            this.weightLrPower = power;
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         * @throws IllegalArgumentException naming the first setting out of its range
         */
        public ScheduleFreeAdamW build() {
            return new ScheduleFreeAdamW(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
