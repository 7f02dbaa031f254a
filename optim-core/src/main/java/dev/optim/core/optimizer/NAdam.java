package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Checks;
import dev.optim.core.kernel.UpdateRule;

/**
 * NAdam (Dozat 2016, "Incorporating Nesterov Momentum into Adam") with the momentum-decay
 * schedule, as PyTorch's {@code torch.optim.NAdam}:
 *
 * <pre>
 * μ_t = β1·(1 − ½·0.96^(t·ψ)),   μ_{t+1} = β1·(1 − ½·0.96^((t+1)·ψ)),   Π_t = μ_1·…·μ_t
 * m ← β1·m + (1−β1)·g
 * v ← β2·v + (1−β2)·g²
 * d = √(v / (1 − β2^t)) + ε
 * θ ← θ − η·(1 − μ_t)/(1 − Π_t) · g / d − η·μ_{t+1}/(1 − Π_t·μ_{t+1}) · m / d
 * </pre>
 *
 * <p>Warning: PyTorch 1.13 computes {@code Π_t·μ_t·μ_{t+1}} in the last denominator (a bug
 * fixed in PyTorch 2.0) and keeps {@code Π_t} in float32; this class follows the paper and
 * PyTorch 2, with {@code Π_t} in float64. Two values of state per parameter ({@code m},
 * {@code v}); {@code Π_t} is a function of {@code t}, recomputed from it after a restore.
 * Defaults (PyTorch's): learning rate {@value #DEFAULT_LEARNING_RATE}, β1
 * {@value #DEFAULT_BETA1}, β2 {@value #DEFAULT_BETA2}, ε {@value #DEFAULT_EPSILON}, momentum
 * decay ψ {@value #DEFAULT_MOMENTUM_DECAY}.
 *
 * <pre>{@code
 * Optimizer nadam = NAdam.builder().learningRate(2e-3).build();
 * }</pre>
 */
public final class NAdam extends BaseOptimizer {

    /** The default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.002;
    /** The default decay β1 of the first moment. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The default decay β2 of the second moment. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The default ε added to the denominator. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** The default momentum decay ψ. */
    public static final double DEFAULT_MOMENTUM_DECAY = 0.004;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double momentumDecay;

    private NAdam(Builder builder) {
        super(builder);
        this.beta1 = Checks.inRangeOpen("beta1", builder.beta1, 0, 1);
        this.beta2 = Checks.inRangeOpen("beta2", builder.beta2, 0, 1);
        this.epsilon = Checks.positive("epsilon", builder.epsilon);
        this.momentumDecay = Checks.nonNegative("momentumDecay", builder.momentumDecay);
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The decay β1 of the first moment.
     *
     * @return β1, in {@code [0, 1)}
     */
    public double beta1() {
        return beta1;
    }

    /**
     * The decay β2 of the second moment.
     *
     * @return β2, in {@code [0, 1)}
     */
    public double beta2() {
        return beta2;
    }

    /**
     * The ε added to the denominator.
     *
     * @return ε, positive and finite
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * The momentum decay ψ.
     *
     * @return ψ, finite and {@code ≥ 0}
     */
    public double momentumDecay() {
        return momentumDecay;
    }

    @Override
    public String kind() {
        return "nadam";
    }

    @Override
    public int stateBuffersPerParameter() {
        return 2;
    }

    @Override
    protected UpdateRule newRule() {
        return new NAdamRule(beta1, beta2, epsilon, momentumDecay);
    }


    @Override
    protected String hyperparameters() {
        return "beta1=" + beta1 + ", " + "beta2=" + beta2 + ", " + "epsilon=" + epsilon + ", " + "momentumDecay=" + momentumDecay;
    }

    /** Builds a {@link NAdam}. */
    public static final class Builder extends BaseOptimizer.Builder<Builder> {
        private double beta1 = DEFAULT_BETA1;
        private double beta2 = DEFAULT_BETA2;
        private double epsilon = DEFAULT_EPSILON;
        private double momentumDecay = DEFAULT_MOMENTUM_DECAY;

        private Builder() {
            super(DEFAULT_LEARNING_RATE);
        }

        /**
         * The decay β1 of the first moment.
         *
         * @param beta1 β1, in {@code [0, 1)}
         * @return this builder
         */
        public Builder beta1(double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /**
         * The decay β2 of the second moment.
         *
         * @param beta2 β2, in {@code [0, 1)}
         * @return this builder
         */
        public Builder beta2(double beta2) {
            this.beta2 = beta2;
            return this;
        }

        /**
         * The ε added to the denominator.
         *
         * @param epsilon ε, positive and finite
         * @return this builder
         */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * The momentum decay ψ.
         *
         * @param momentumDecay ψ, finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder momentumDecay(double momentumDecay) {
            this.momentumDecay = momentumDecay;
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         * @throws IllegalArgumentException if a hyperparameter is out of its range (the message
         *     names it, its value and the range)
         */
        public NAdam build() {
            return new NAdam(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
