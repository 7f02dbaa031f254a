package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Checks;
import dev.optim.core.kernel.UpdateRule;

/**
 * Adagrad (Duchi, Hazan and Singer 2011), as PyTorch 1.13's {@code torch.optim.Adagrad}:
 *
 * <pre>
 * η_t = η / (1 + (t − 1)·δ)
 * s ← s + g²                 (s starts at s₀, the initial accumulator value)
 * θ ← θ − η_t·g / (√s + ε)
 * </pre>
 *
 * <p>One value of state per parameter. Defaults (PyTorch's): learning rate
 * {@value #DEFAULT_LEARNING_RATE}, learning-rate decay δ {@value #DEFAULT_LR_DECAY}, initial
 * accumulator value {@value #DEFAULT_INITIAL_ACCUMULATOR}, ε {@value #DEFAULT_EPSILON}.
 *
 * <pre>{@code
 * Optimizer adagrad = Adagrad.builder().learningRate(0.1).build();
 * }</pre>
 */
public final class Adagrad extends BaseOptimizer {

    /** The default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** The default learning-rate decay δ. */
    public static final double DEFAULT_LR_DECAY = 0.0;
    /** The default initial accumulator value s₀. */
    public static final double DEFAULT_INITIAL_ACCUMULATOR = 0.0;
    /** The default ε added to the denominator. */
    public static final double DEFAULT_EPSILON = 1e-10;

    private final double lrDecay;
    private final double initialAccumulator;
    private final double epsilon;

    private Adagrad(Builder builder) {
        super(builder);
        this.lrDecay = Checks.nonNegative("lrDecay", builder.lrDecay);
        this.initialAccumulator = Checks.nonNegative("initialAccumulator", builder.initialAccumulator);
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
     * The learning-rate decay δ.
     *
     * @return δ, finite and {@code ≥ 0}
     */
    public double lrDecay() {
        return lrDecay;
    }

    /**
     * The initial accumulator value s₀.
     *
     * @return s₀, finite and {@code ≥ 0}
     */
    public double initialAccumulator() {
        return initialAccumulator;
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
        return "adagrad";
    }

    @Override
    public int stateBuffersPerParameter() {
        return 1;
    }

    @Override
    protected UpdateRule newRule() {
        return new AdagradRule(lrDecay, initialAccumulator, epsilon);
    }


    @Override
    protected String hyperparameters() {
        return "lrDecay=" + lrDecay + ", " + "initialAccumulator=" + initialAccumulator + ", " + "epsilon=" + epsilon;
    }

    /** Builds a {@link Adagrad}. */
    public static final class Builder extends BaseOptimizer.Builder<Builder> {
        private double lrDecay = DEFAULT_LR_DECAY;
        private double initialAccumulator = DEFAULT_INITIAL_ACCUMULATOR;
        private double epsilon = DEFAULT_EPSILON;

        private Builder() {
            super(DEFAULT_LEARNING_RATE);
        }

        /**
         * The learning-rate decay δ.
         *
         * @param lrDecay δ, finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder lrDecay(double lrDecay) {
            this.lrDecay = lrDecay;
            return this;
        }

        /**
         * The initial accumulator value s₀.
         *
         * @param initialAccumulator s₀, finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder initialAccumulator(double initialAccumulator) {
            this.initialAccumulator = initialAccumulator;
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
        public Adagrad build() {
            return new Adagrad(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
