package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Checks;
import dev.optim.core.kernel.UpdateRule;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1), as PyTorch's {@code torch.optim.Adam}:
 *
 * <pre>
 * m ← β1·m + (1−β1)·g
 * v ← β2·v + (1−β2)·g²
 * m̂ = m / (1 − β1^t),   v̂ = v / (1 − β2^t)
 * θ ← θ − η·m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>Warning: this is the bias-corrected form of Algorithm 1 with ε outside the root, evaluated
 * as PyTorch does ({@code θ + (−η/(1−β1^t))·m / (√v/√(1−β2^t) + ε)}); ND4J and Tribuo fold the
 * correction into the rate and place ε differently, and differ slightly. With
 * {@link Builder#decoupledWeightDecay(double)} it is AdamW (Loshchilov and Hutter 2019).
 *
 * <p>Two values of state per parameter. Defaults: learning rate {@value #DEFAULT_LEARNING_RATE},
 * β1 {@value #DEFAULT_BETA1}, β2 {@value #DEFAULT_BETA2}, ε {@value #DEFAULT_EPSILON}.
 *
 * <pre>{@code
 * Optimizer adam = Adam.builder().learningRate(1e-3).build();
 * }</pre>
 */
public final class Adam extends BaseOptimizer {

    /** The default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** The default β1. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The default β2. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The default ε. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    private Adam(Builder builder) {
        super(builder);
        this.beta1 = Checks.inRangeOpen("beta1", builder.beta1, 0, 1);
        this.beta2 = Checks.inRangeOpen("beta2", builder.beta2, 0, 1);
        this.epsilon = Checks.positive("epsilon", builder.epsilon);
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
     * The ε added to the root.
     *
     * @return ε, positive
     */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public String kind() {
        return "adam";
    }

    @Override
    public int stateBuffersPerParameter() {
        return 2;
    }

    @Override
    protected UpdateRule newRule() {
        return new AdamRule(beta1, beta2, epsilon);
    }

    @Override
    protected String hyperparameters() {
        return "beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon;
    }

    /** Builds an {@link Adam}. */
    public static final class Builder extends BaseOptimizer.Builder<Builder> {
        private double beta1 = DEFAULT_BETA1;
        private double beta2 = DEFAULT_BETA2;
        private double epsilon = DEFAULT_EPSILON;

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
         * The ε added to the root.
         *
         * @param epsilon ε, positive and finite
         * @return this builder
         */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         * @throws IllegalArgumentException if β1 or β2 is outside {@code [0, 1)} or ε is not
         *     positive
         */
        public Adam build() {
            return new Adam(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
