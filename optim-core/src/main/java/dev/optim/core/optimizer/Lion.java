package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Checks;
import dev.optim.core.kernel.UpdateRule;

/**
 * Lion, "EvoLved Sign Momentum" (Chen et al. 2023, "Symbolic Discovery of Optimization
 * Algorithms", Algorithm 2 and its published reference code):
 *
 * <pre>
 * c = β1·m + (1−β1)·g
 * θ ← θ − η·sign(c)
 * m ← β2·m + (1−β2)·g
 * </pre>
 *
 * <p>The paper's weight decay is decoupled, {@code θ ← θ·(1 − η·λ)} before the update: use
 * {@link Builder#decoupledWeightDecay(double)}. {@code sign(0) = 0}. One value of state per
 * parameter. Defaults (the reference code's): learning rate {@value #DEFAULT_LEARNING_RATE}, β1
 * {@value #DEFAULT_BETA1}, β2 {@value #DEFAULT_BETA2}; the paper advises a learning rate 3–10×
 * smaller than AdamW's and a decoupled weight decay 3–10× larger.
 *
 * <pre>{@code
 * Optimizer lion = Lion.builder().learningRate(1e-4).decoupledWeightDecay(0.1).build();
 * }</pre>
 */
public final class Lion extends BaseOptimizer {

    /** The default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 1e-4;
    /** The default interpolation β1 of the update direction c. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The default decay β2 of the momentum m. */
    public static final double DEFAULT_BETA2 = 0.99;

    private final double beta1;
    private final double beta2;

    private Lion(Builder builder) {
        super(builder);
        this.beta1 = Checks.inRangeOpen("beta1", builder.beta1, 0, 1);
        this.beta2 = Checks.inRangeOpen("beta2", builder.beta2, 0, 1);
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
     * The interpolation β1 of the update direction c.
     *
     * @return β1, in {@code [0, 1)}
     */
    public double beta1() {
        return beta1;
    }

    /**
     * The decay β2 of the momentum m.
     *
     * @return β2, in {@code [0, 1)}
     */
    public double beta2() {
        return beta2;
    }

    @Override
    public String kind() {
        return "lion";
    }

    @Override
    public int stateBuffersPerParameter() {
        return 1;
    }

    @Override
    protected UpdateRule newRule() {
        return new LionRule(beta1, beta2);
    }


    @Override
    protected String hyperparameters() {
        return "beta1=" + beta1 + ", " + "beta2=" + beta2;
    }

    /** Builds a {@link Lion}. */
    public static final class Builder extends BaseOptimizer.Builder<Builder> {
        private double beta1 = DEFAULT_BETA1;
        private double beta2 = DEFAULT_BETA2;

        private Builder() {
            super(DEFAULT_LEARNING_RATE);
        }

        /**
         * The interpolation β1 of the update direction c.
         *
         * @param beta1 β1, in {@code [0, 1)}
         * @return this builder
         */
        public Builder beta1(double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /**
         * The decay β2 of the momentum m.
         *
         * @param beta2 β2, in {@code [0, 1)}
         * @return this builder
         */
        public Builder beta2(double beta2) {
            this.beta2 = beta2;
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         * @throws IllegalArgumentException if a hyperparameter is out of its range (the message
         *     names it, its value and the range)
         */
        public Lion build() {
            return new Lion(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
