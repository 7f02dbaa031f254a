package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Checks;
import dev.optim.core.kernel.UpdateRule;

/**
 * RMSprop (Hinton, Lecture 6e of "Neural Networks for Machine Learning", 2012), as PyTorch's
 * {@code torch.optim.RMSprop} without momentum or centring:
 *
 * <pre>
 * s ← ρ·s + (1−ρ)·g²
 * θ ← θ − η·g / (√s + ε)
 * </pre>
 *
 * <p>{@code s} starts at 0 and {@code ε} is added outside the root, as PyTorch does (ND4J starts
 * {@code s} at ε, and Optax puts ε inside the root: both differ). One value of state per
 * parameter. Defaults: learning rate {@value #DEFAULT_LEARNING_RATE}, ρ {@value #DEFAULT_RHO},
 * ε {@value #DEFAULT_EPSILON} (the article's; PyTorch's defaults are 0.01, 0.99, 1e-8).
 *
 * <pre>{@code
 * Optimizer rms = RmsProp.builder().learningRate(0.01).rho(0.9).build();
 * }</pre>
 */
public final class RmsProp extends BaseOptimizer {

    /** The default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** The default decay ρ of the squared-gradient average. */
    public static final double DEFAULT_RHO = 0.9;
    /** The default ε. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double rho;
    private final double epsilon;

    private RmsProp(Builder builder) {
        super(builder);
        this.rho = Checks.inRangeOpen("rho", builder.rho, 0, 1);
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
     * The decay ρ of the squared-gradient average.
     *
     * @return ρ, in {@code [0, 1)}
     */
    public double rho() {
        return rho;
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
        return "rmsprop";
    }

    @Override
    public int stateBuffersPerParameter() {
        return 1;
    }

    @Override
    protected UpdateRule newRule() {
        return new RmsPropRule(rho, epsilon);
    }

    @Override
    protected String hyperparameters() {
        return "rho=" + rho + ", epsilon=" + epsilon;
    }

    /** Builds an {@link RmsProp}. */
    public static final class Builder extends BaseOptimizer.Builder<Builder> {
        private double rho = DEFAULT_RHO;
        private double epsilon = DEFAULT_EPSILON;

        private Builder() {
            super(DEFAULT_LEARNING_RATE);
        }

        /**
         * The decay ρ of the squared-gradient average (PyTorch's {@code alpha}).
         *
         * @param rho ρ, in {@code [0, 1)}
         * @return this builder
         */
        public Builder rho(double rho) {
            this.rho = rho;
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
         * @throws IllegalArgumentException if ρ is outside {@code [0, 1)} or ε is not positive
         */
        public RmsProp build() {
            return new RmsProp(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
