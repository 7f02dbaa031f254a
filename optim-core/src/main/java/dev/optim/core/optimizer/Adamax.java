package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Checks;
import dev.optim.core.kernel.UpdateRule;

/**
 * Adamax (Kingma and Ba 2015, Algorithm 2, the infinity-norm variant of Adam), as PyTorch
 * 1.13's {@code torch.optim.Adamax}:
 *
 * <pre>
 * m ← β1·m + (1−β1)·g
 * u ← max(β2·u, |g| + ε)
 * θ ← θ − η/(1 − β1^t) · m / u
 * </pre>
 *
 * <p>Two values of state per parameter ({@code m}, {@code u}). Warning: ε is inside the max, as
 * PyTorch places it (the paper has none). Defaults (PyTorch's): learning rate
 * {@value #DEFAULT_LEARNING_RATE}, β1 {@value #DEFAULT_BETA1}, β2 {@value #DEFAULT_BETA2},
 * ε {@value #DEFAULT_EPSILON}.
 *
 * <pre>{@code
 * Optimizer adamax = Adamax.builder().learningRate(2e-3).build();
 * }</pre>
 */
public final class Adamax extends BaseOptimizer {

    /** The default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.002;
    /** The default decay β1 of the first moment. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The default decay β2 of the second moment. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The default ε added to the denominator. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    private Adamax(Builder builder) {
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
     * The ε added to the denominator.
     *
     * @return ε, positive and finite
     */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public String kind() {
        return "adamax";
    }

    @Override
    public int stateBuffersPerParameter() {
        return 2;
    }

    @Override
    protected UpdateRule newRule() {
        return new AdamaxRule(beta1, beta2, epsilon);
    }


    @Override
    protected String hyperparameters() {
        return "beta1=" + beta1 + ", " + "beta2=" + beta2 + ", " + "epsilon=" + epsilon;
    }

    /** Builds a {@link Adamax}. */
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
         * Builds the optimizer.
         *
         * @return the optimizer
         * @throws IllegalArgumentException if a hyperparameter is out of its range (the message
         *     names it, its value and the range)
         */
        public Adamax build() {
            return new Adamax(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
