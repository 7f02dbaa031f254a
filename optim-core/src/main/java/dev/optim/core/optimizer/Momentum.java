package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Checks;
import dev.optim.core.kernel.UpdateRule;

/**
 * Gradient descent with momentum, in three forms, with {@code v} starting at 0:
 *
 * <ul>
 *   <li>{@link Form#EMA} (the article's and the Deep Learning Specialization's form): {@code v ←
 *       β·v + (1−β)·g;  θ ← θ − η·v};
 *   <li>{@link Form#HEAVY_BALL} (Polyak; PyTorch's {@code SGD(momentum=μ)}): {@code v ← μ·v + g;
 *       θ ← θ − η·v}, so the first step is {@code v = g};
 *   <li>{@link Form#NESTEROV} (PyTorch's {@code nesterov=True}, Sutskever et al. 2013):
 *       {@code v ← μ·v + g;  θ ← θ − η·(g + μ·v)}.
 * </ul>
 *
 * <p>One value of state per parameter. Defaults: learning rate {@value #DEFAULT_LEARNING_RATE},
 * momentum {@value #DEFAULT_MOMENTUM}, form {@link Form#HEAVY_BALL}. The momentum coefficient
 * must be in {@code [0, 1)}.
 *
 * <pre>{@code
 * Optimizer m = Momentum.builder().learningRate(0.01).momentum(0.9).form(Momentum.Form.EMA).build();
 * }</pre>
 */
public final class Momentum extends BaseOptimizer {

    /** The default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** The default momentum coefficient (β or μ). */
    public static final double DEFAULT_MOMENTUM = 0.9;

    /** The three forms of momentum. */
    public enum Form {
        /** Exponential moving average of gradients: {@code v ← β·v + (1−β)·g}. */
        EMA("ema"),
        /** Polyak's heavy ball, PyTorch's default: {@code v ← μ·v + g}. */
        HEAVY_BALL("heavy-ball"),
        /** Nesterov's accelerated gradient as PyTorch writes it. */
        NESTEROV("nesterov");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        /**
         * The form's name on the command line and in saved state: {@code ema},
         * {@code heavy-ball}, {@code nesterov}.
         *
         * @return the label
         */
        public String label() {
            return label;
        }

        /**
         * The form with the given label.
         *
         * @param label {@code ema}, {@code heavy-ball} or {@code nesterov}
         * @return the form
         * @throws IllegalArgumentException for any other label
         */
        public static Form fromLabel(String label) {
            for (Form f : values()) {
                if (f.label.equals(label)) {
                    return f;
                }
            }
            throw new IllegalArgumentException(
                    "momentum form must be one of ema, heavy-ball, nesterov, got " + label);
        }
    }

    private final double momentum;
    private final Form form;

    private Momentum(Builder builder) {
        super(builder);
        this.momentum = Checks.inRangeOpen("momentum", builder.momentum, 0, 1);
        if (builder.form == null) {
            throw new IllegalArgumentException("form must not be null");
        }
        this.form = builder.form;
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
     * The momentum coefficient (β for EMA, μ otherwise).
     *
     * @return the coefficient, in {@code [0, 1)}
     */
    public double momentum() {
        return momentum;
    }

    /**
     * The form of momentum.
     *
     * @return the form
     */
    public Form form() {
        return form;
    }

    @Override
    public String kind() {
        return "momentum-" + form.label();
    }

    @Override
    public int stateBuffersPerParameter() {
        return 1;
    }

    @Override
    protected UpdateRule newRule() {
        return switch (form) {
            case EMA -> new MomentumEmaRule(momentum);
            case HEAVY_BALL -> new HeavyBallRule(momentum);
            case NESTEROV -> new NesterovRule(momentum);
        };
    }

    @Override
    protected String hyperparameters() {
        return "momentum=" + momentum + ", form=" + form.label();
    }

    /** Builds a {@link Momentum}. */
    public static final class Builder extends BaseOptimizer.Builder<Builder> {
        private double momentum = DEFAULT_MOMENTUM;
        private Form form = Form.HEAVY_BALL;

        private Builder() {
            super(DEFAULT_LEARNING_RATE);
        }

        /**
         * The momentum coefficient.
         *
         * @param momentum β (EMA) or μ; in {@code [0, 1)}
         * @return this builder
         */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /**
         * The form of momentum.
         *
         * @param form the form
         * @return this builder
         */
        public Builder form(Form form) {
            this.form = form;
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         * @throws IllegalArgumentException if the momentum is outside {@code [0, 1)} or the
         *     form is null
         */
        public Momentum build() {
            return new Momentum(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
