package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.kernel.UpdateRule;

/**
 * Plain (stochastic) gradient descent:
 *
 * <pre>θ ← θ − η·g</pre>
 *
 * <p>PyTorch's {@code torch.optim.SGD} without momentum; Optax's {@code sgd}. Keeps no state
 * (0 values per parameter). Default learning rate {@value #DEFAULT_LEARNING_RATE}.
 *
 * <pre>{@code
 * Optimizer gd = Sgd.builder().learningRate(0.01).build();
 * }</pre>
 */
public final class Sgd extends BaseOptimizer {

    /** The default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    private Sgd(Builder builder) {
        super(builder);
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
     * SGD with a constant learning rate.
     *
     * @param lr the learning rate; finite and {@code ≥ 0}
     * @return the optimizer
     * @throws IllegalArgumentException if {@code lr} is negative or not finite
     */
    public static Sgd of(double lr) {
        return builder().learningRate(lr).build();
    }

    @Override
    public String kind() {
        return "sgd";
    }

    @Override
    public int stateBuffersPerParameter() {
        return 0;
    }

    @Override
    protected UpdateRule newRule() {
        return new SgdRule();
    }

    @Override
    protected String hyperparameters() {
        return "";
    }

    /** Builds an {@link Sgd}. */
    public static final class Builder extends BaseOptimizer.Builder<Builder> {
        private Builder() {
            super(DEFAULT_LEARNING_RATE);
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         */
        public Sgd build() {
            return new Sgd(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
