package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.Optimizer;
import dev.optim.core.Schedule;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimizers under test, by kind, for the tests that run over all of them: SGD, the three
 * momentum forms, RMSprop and Adam, each without weight decay, with coupled weight decay, and
 * with decoupled weight decay.
 */
public final class TestOptimizers {

    private TestOptimizers() {}

    /** The six kinds of optimizer, named as {@link Optimizer#kind()} names their state. */
    public enum Kind {
        SGD("sgd", 0),
        MOMENTUM_EMA("momentum-ema", 1),
        MOMENTUM_HEAVY_BALL("momentum-heavy-ball", 1),
        MOMENTUM_NESTEROV("momentum-nesterov", 1),
        RMSPROP("rmsprop", 1),
        ADAM("adam", 2);

        /** The state kind. */
        public final String kind;
        /** The state buffers per parameter the article claims: SGD 0, Momentum 1, RMSprop 1, Adam 2. */
        public final int buffers;

        Kind(String kind, int buffers) {
            this.kind = kind;
            this.buffers = buffers;
        }

        /** Whether the step size adapts to the gradient's scale (RMSprop, Adam). */
        public boolean adaptive() {
            return this == RMSPROP || this == ADAM;
        }
    }

    /** Weight decay: none, coupled ({@code g + λθ}) or decoupled ({@code θ(1 − ηλ)}). */
    public enum Decay { NONE, COUPLED, DECOUPLED }

    /**
     * An optimizer configuration.
     *
     * @param kind the kind
     * @param lr the learning rate schedule
     * @param coefficient momentum (μ or β), ρ or β1, by kind; unused for SGD
     * @param beta2 Adam's β2; unused otherwise
     * @param decay the kind of weight decay
     * @param lambda the weight decay λ
     * @param clipping the clipping
     */
    public record Setup(Kind kind, Schedule lr, double coefficient, double beta2, Decay decay,
            double lambda, Clipping clipping) {

        /** A setup with default hyperparameters and a constant rate. */
        public static Setup of(Kind kind, double lr, Decay decay) {
            return new Setup(kind, Schedule.constant(lr), 0.9, 0.999, decay,
                    decay == Decay.NONE ? 0 : 0.01, Clipping.none());
        }

        /** The same setup with a constant learning rate {@code lr}. */
        public Setup withLearningRate(double lr) {
            return new Setup(kind, Schedule.constant(lr), coefficient, beta2, decay, lambda,
                    clipping);
        }

        /** The momentum coefficient μ (β for EMA), 0 for the kinds without momentum. */
        public double momentum() {
            return kind == Kind.MOMENTUM_EMA || kind == Kind.MOMENTUM_HEAVY_BALL
                    || kind == Kind.MOMENTUM_NESTEROV ? coefficient : 0;
        }

        /** Builds the optimizer. */
        public Optimizer build() {
            BaseOptimizer.Builder<?> b;
            java.util.function.Supplier<Optimizer> done;
            switch (kind) {
                case SGD -> {
                    Sgd.Builder s = Sgd.builder();
                    b = s;
                    done = s::build;
                }
                case MOMENTUM_EMA, MOMENTUM_HEAVY_BALL, MOMENTUM_NESTEROV -> {
                    Momentum.Builder m = Momentum.builder().momentum(coefficient).form(
                            kind == Kind.MOMENTUM_EMA ? Momentum.Form.EMA
                                    : kind == Kind.MOMENTUM_NESTEROV ? Momentum.Form.NESTEROV
                                    : Momentum.Form.HEAVY_BALL);
                    b = m;
                    done = m::build;
                }
                case RMSPROP -> {
                    RmsProp.Builder r = RmsProp.builder().rho(coefficient);
                    b = r;
                    done = r::build;
                }
                case ADAM -> {
                    Adam.Builder a = Adam.builder().beta1(coefficient).beta2(beta2);
                    b = a;
                    done = a::build;
                }
                default -> throw new IllegalStateException();
            }
            b.learningRate(lr).clipping(clipping);
            switch (decay) {
                case COUPLED -> b.weightDecay(lambda);
                case DECOUPLED -> b.decoupledWeightDecay(lambda);
                default -> { }
            }
            return done.get();
        }

        @Override
        public String toString() {
            return kind.kind + "(c=" + coefficient + (kind == Kind.ADAM ? ", b2=" + beta2 : "")
                    + ", " + decay + (decay == Decay.NONE ? "" : " " + lambda) + ", " + clipping
                    + ")";
        }
    }

    /**
     * Every kind with default hyperparameters and rate {@code lr}, without weight decay, with
     * coupled and with decoupled weight decay.
     *
     * @param lr the learning rate
     * @return the setups
     */
    public static List<Setup> all(double lr) {
        List<Setup> setups = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (Decay d : Decay.values()) {
                setups.add(Setup.of(k, lr, d));
            }
        }
        return setups;
    }
}
