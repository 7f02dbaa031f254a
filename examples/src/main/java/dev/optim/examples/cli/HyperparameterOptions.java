package dev.optim.examples.cli;

import dev.optim.core.Optimizer;
import dev.optim.core.Schedule;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.ScheduleFreeAdamW;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.optimizer.Swats;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleUnaryOperator;
import picocli.CommandLine.Option;

/**
 * The optimizers' hyperparameters other than the learning rate, shared by {@code run},
 * {@code regress} and {@code race}: {@code --momentum M} and {@code --momentum-form} for
 * momentum, {@code --rho R} and {@code --eps E} for RMSprop, {@code --beta1 B1},
 * {@code --beta2 B2} and {@code --eps E} for Adam, the same and {@code --switch-tolerance T}
 * for SWATS, the same and {@code --warmup-steps N}, {@code --r R}, {@code --weight-lr-power P},
 * {@code --weight-decay L} for Schedule-Free AdamW. Unset values take the library's defaults
 * (momentum 0.9 heavy-ball, ρ 0.9, β1 0.9, β2 0.999, ε 1e-8, the article's values; SWATS ε
 * 1e-9 and a switch tolerance of ε, the paper's; Schedule-Free AdamW's reference defaults).
 */
public final class HyperparameterOptions {

    @Option(names = "--momentum", paramLabel = "M",
            description = "momentum: the coefficient β or μ, in [0, 1) (default 0.9).")
    Double momentum;

    @Option(names = "--momentum-form", paramLabel = "FORM", converter = MomentumFormConverter.class,
            description = "momentum: ema|heavy-ball|nesterov (default heavy-ball).")
    Momentum.Form momentumForm;

    @Option(names = "--rho", paramLabel = "R",
            description = "rmsprop: the decay ρ of the squared-gradient average, in [0, 1)"
                    + " (default 0.9).")
    Double rho;

    @Option(names = "--eps", paramLabel = "E",
            description = "rmsprop, adam, swats, schedule-free-adamw: ε added to the denominator,"
                    + " > 0 (default 1e-8; swats 1e-9).")
    Double eps;

    @Option(names = "--beta1", paramLabel = "B1",
            description = "adam, swats, schedule-free-adamw: β1, in [0, 1) (default 0.9).")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "B2",
            description = "adam, swats, schedule-free-adamw: β2, in [0, 1) (default 0.999).")
    Double beta2;

    @Option(names = "--switch-tolerance", paramLabel = "T",
            description = "swats: the tolerance of the switch to SGD, > 0 (default: ε).")
    Double switchTolerance;

    @Option(names = "--warmup-steps", paramLabel = "N",
            description = "schedule-free-adamw: linear warm-up updates, >= 0 (default 0).")
    Long warmupSteps;

    @Option(names = "--r", paramLabel = "R",
            description = "schedule-free-adamw: polynomial weighting power r, >= 0 (default 0).")
    Double r;

    @Option(names = "--weight-lr-power", paramLabel = "P",
            description = "schedule-free-adamw: power of the rate in the averaging weights, >= 0"
                    + " (default 2).")
    Double weightLrPower;

    @Option(names = "--weight-decay", paramLabel = "L",
            description = "schedule-free-adamw: weight decay λ, >= 0 (default 0).")
    Double weightDecay;

    /**
     * The first of these options that is set, for optimizers that take none of them.
     *
     * @return its name, or null if none is set
     */
    String firstSet() {
        Object[] values = {momentum, momentumForm, rho, eps, beta1, beta2, switchTolerance,
            warmupSteps, r, weightLrPower, weightDecay};
        String[] names = {"--momentum", "--momentum-form", "--rho", "--eps", "--beta1", "--beta2",
            "--switch-tolerance", "--warmup-steps", "--r", "--weight-lr-power", "--weight-decay"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                return names[i];
            }
        }
        return null;
    }

    /**
     * Refuses hyperparameters that {@code kind} does not use.
     *
     * @param kind the optimizer
     * @throws BadInputException naming the first option that does not apply
     */
    public void checkApplies(OptimizerKind kind) {
        applies("--momentum", momentum, kind, OptimizerKind.MOMENTUM);
        applies("--momentum-form", momentumForm == null ? null : momentumForm.label(), kind,
                OptimizerKind.MOMENTUM);
        applies("--rho", rho, kind, OptimizerKind.RMSPROP);
        applies("--eps", eps, kind, OptimizerKind.RMSPROP, OptimizerKind.ADAM,
                OptimizerKind.SWATS, OptimizerKind.SCHEDULE_FREE_ADAMW);
        applies("--beta1", beta1, kind, OptimizerKind.ADAM, OptimizerKind.SWATS,
                OptimizerKind.SCHEDULE_FREE_ADAMW);
        applies("--beta2", beta2, kind, OptimizerKind.ADAM, OptimizerKind.SWATS,
                OptimizerKind.SCHEDULE_FREE_ADAMW);
        applies("--switch-tolerance", switchTolerance, kind, OptimizerKind.SWATS);
        applies("--warmup-steps", warmupSteps, kind, OptimizerKind.SCHEDULE_FREE_ADAMW);
        applies("--r", r, kind, OptimizerKind.SCHEDULE_FREE_ADAMW);
        applies("--weight-lr-power", weightLrPower, kind, OptimizerKind.SCHEDULE_FREE_ADAMW);
        applies("--weight-decay", weightDecay, kind, OptimizerKind.SCHEDULE_FREE_ADAMW);
    }

    /**
     * Builds optimizer {@code kind} with these hyperparameters and the rate {@code lr}.
     *
     * @param kind the optimizer
     * @param lr the learning-rate schedule
     * @return the optimizer
     * @throws BadInputException if a hyperparameter is out of range
     */
    public Optimizer build(OptimizerKind kind, Schedule lr) {
        return switch (kind) {
            case SGD -> Sgd.builder().learningRate(lr).build();
            case MOMENTUM -> {
                Momentum.Builder b = Momentum.builder().learningRate(lr);
                given(momentum, v -> unit("--momentum", v), b::momentum);
                if (momentumForm != null) {
                    b.form(momentumForm);
                }
                yield b.build();
            }
            case RMSPROP -> {
                RmsProp.Builder b = RmsProp.builder().learningRate(lr);
                given(rho, v -> unit("--rho", v), b::rho);
                given(eps, v -> positive("--eps", v), b::epsilon);
                yield b.build();
            }
            case ADAM -> {
                Adam.Builder b = Adam.builder().learningRate(lr);
                given(beta1, v -> unit("--beta1", v), b::beta1);
                given(beta2, v -> unit("--beta2", v), b::beta2);
                given(eps, v -> positive("--eps", v), b::epsilon);
                yield b.build();
            }
            case SWATS -> {
                Swats.Builder b = Swats.builder().learningRate(lr);
                given(beta1, v -> unit("--beta1", v), b::beta1);
                given(beta2, v -> unit("--beta2", v), b::beta2);
                given(eps, v -> positive("--eps", v), b::epsilon);
                given(switchTolerance, v -> positive("--switch-tolerance", v), b::switchTolerance);
                yield b.build();
            }
            case SCHEDULE_FREE_ADAMW -> {
                ScheduleFreeAdamW.Builder b = ScheduleFreeAdamW.builder().learningRate(lr);
                given(beta1, v -> unit("--beta1", v), b::beta1);
                given(beta2, v -> unit("--beta2", v), b::beta2);
                given(eps, v -> positive("--eps", v), b::epsilon);
                if (warmupSteps != null) {
                    if (warmupSteps < 0) {
                        throw new BadInputException("--warmup-steps must be >= 0, got "
                                + warmupSteps);
                    }
                    b.warmupSteps(warmupSteps);
                }
                given(r, v -> nonNegative("--r", v), b::r);
                given(weightLrPower, v -> nonNegative("--weight-lr-power", v), b::weightLrPower);
                given(weightDecay, v -> nonNegative("--weight-decay", v), b::weightDecay);
                yield b.build();
            }
        };
    }

    /**
     * A short description of the hyperparameters that {@code kind} uses, for titles and tables.
     *
     * @param kind the optimizer
     * @return e.g. {@code heavy-ball μ=0.9}, or an empty string for SGD
     */
    public String describe(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> "";
            case MOMENTUM -> (momentumForm == null ? Momentum.Form.HEAVY_BALL : momentumForm).label()
                    + " " + (momentum == null ? Momentum.DEFAULT_MOMENTUM : momentum);
            case RMSPROP -> "rho=" + (rho == null ? RmsProp.DEFAULT_RHO : rho)
                    + " eps=" + (eps == null ? RmsProp.DEFAULT_EPSILON : eps);
            case ADAM -> "beta1=" + (beta1 == null ? Adam.DEFAULT_BETA1 : beta1)
                    + " beta2=" + (beta2 == null ? Adam.DEFAULT_BETA2 : beta2)
                    + " eps=" + (eps == null ? Adam.DEFAULT_EPSILON : eps);
            case SWATS -> "beta1=" + (beta1 == null ? Swats.DEFAULT_BETA1 : beta1)
                    + " beta2=" + (beta2 == null ? Swats.DEFAULT_BETA2 : beta2)
                    + " eps=" + (eps == null ? Swats.DEFAULT_EPSILON : eps)
                    + (switchTolerance == null ? "" : " switch-tolerance=" + switchTolerance);
            case SCHEDULE_FREE_ADAMW -> "beta1="
                    + (beta1 == null ? ScheduleFreeAdamW.DEFAULT_BETA1 : beta1)
                    + " beta2=" + (beta2 == null ? ScheduleFreeAdamW.DEFAULT_BETA2 : beta2)
                    + " eps=" + (eps == null ? ScheduleFreeAdamW.DEFAULT_EPSILON : eps)
                    + " warmup=" + (warmupSteps == null ? 0 : warmupSteps)
                    + " r=" + (r == null ? 0.0 : r)
                    + " weight-lr-power=" + (weightLrPower == null
                            ? ScheduleFreeAdamW.DEFAULT_WEIGHT_LR_POWER : weightLrPower)
                    + (weightDecay == null ? "" : " weight-decay=" + weightDecay);
        };
    }

    /**
     * Checks a learning rate given on the command line.
     *
     * @param option the option's name
     * @param lr the rate
     * @return {@code lr}
     * @throws BadInputException if it is negative or not finite
     */
    static double rate(String option, double lr) {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new BadInputException(option + " must be finite and >= 0, got " + lr);
        }
        return lr;
    }

    /** Checks and sets an option that was given; leaves the builder's default otherwise. */
    private static void given(Double value, DoubleUnaryOperator check, DoubleConsumer set) {
        if (value != null) {
            set.accept(check.applyAsDouble(value));
        }
    }

    private static double unit(String option, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new BadInputException(option + " must be in [0, 1), got " + v);
        }
        return v;
    }

    private static double nonNegative(String option, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new BadInputException(option + " must be finite and >= 0, got " + v);
        }
        return v;
    }

    private static double positive(String option, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new BadInputException(option + " must be finite and > 0, got " + v);
        }
        return v;
    }

    private static void applies(String option, Object value, OptimizerKind kind,
            OptimizerKind... users) {
        if (value == null) {
            return;
        }
        StringBuilder names = new StringBuilder();
        for (OptimizerKind u : users) {
            if (u == kind) {
                return;
            }
            names.append(names.length() == 0 ? "" : " and ").append(u.label());
        }
        throw new BadInputException(option + " " + value + " applies to --optimizer " + names
                + " only, not " + kind.label());
    }
}
