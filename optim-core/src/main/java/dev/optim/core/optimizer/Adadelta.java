package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Checks;
import dev.optim.core.kernel.UpdateRule;

/**
 * Adadelta (Zeiler 2012), as PyTorch 1.13's {@code torch.optim.Adadelta}:
 *
 * <pre>
 * s ← ρ·s + (1−ρ)·g²
 * Δ = √(u + ε) / √(s + ε) · g
 * u ← ρ·u + (1−ρ)·Δ²
 * θ ← θ − η·Δ
 * </pre>
 *
 * <p>Two values of state per parameter ({@code s}, {@code u}), both starting at 0. Defaults
 * (PyTorch's): learning rate {@value #DEFAULT_LEARNING_RATE}, ρ {@value #DEFAULT_RHO},
 * ε {@value #DEFAULT_EPSILON}.
 *
 * <pre>{@code
 * Optimizer adadelta = Adadelta.builder().rho(0.95).build();
 * }</pre>
 */
public final class Adadelta extends BaseOptimizer {

    /** The default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 1.0;
    /** The default decay ρ of both running averages. */
    public static final double DEFAULT_RHO = 0.9;
    /** The default ε added to the denominator. */
    public static final double DEFAULT_EPSILON = 1e-6;

    private final double rho;
    private final double epsilon;

    private Adadelta(Builder builder) {
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
     * The decay ρ of both running averages.
     *
     * @return ρ, in {@code [0, 1)}
     */
    public double rho() {
        return rho;
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
        return "adadelta";
    }

    @Override
    public int stateBuffersPerParameter() {
        return 2;
    }

    @Override
    protected UpdateRule newRule() {
        return new AdadeltaRule(rho, epsilon);
    }


    @Override
    protected String hyperparameters() {
        return "rho=" + rho + ", " + "epsilon=" + epsilon;
    }

    /** Builds a {@link Adadelta}. */
    public static final class Builder extends BaseOptimizer.Builder<Builder> {
        private double rho = DEFAULT_RHO;
        private double epsilon = DEFAULT_EPSILON;

        private Builder() {
            super(DEFAULT_LEARNING_RATE);
        }

        /**
         * The decay ρ of both running averages.
         *
         * @param rho ρ, in {@code [0, 1)}
         * @return this builder
         */
        public Builder rho(double rho) {
            this.rho = rho;
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
        public Adadelta build() {
            return new Adadelta(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
