package dev.optim.examples.cli;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Optimizer;
import dev.optim.core.optimizer.Lookahead;
import dev.optim.core.optimizer.OnPlateau;
import dev.optim.core.schedule.ReduceOnPlateau;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that choose one optimizer:
 * {@code --optimizer sgd|momentum|rmsprop|adam|swats|schedule-free-adamw}, {@code --lr LR}
 * (default: the optimizer's default rate, 0.01 for sgd, momentum and rmsprop, 0.001 for adam and
 * swats, 0.0025 for schedule-free-adamw), its {@link HyperparameterOptions hyperparameters} and a
 * {@link ScheduleOptions schedule}; and two wrappers of any of them: {@code --lookahead K}
 * (Lookahead with period K, {@code --lookahead-alpha A}, default 0.5) and
 * {@code --plateau-factor F} (the rate reduced by F on plateaus of the loss,
 * {@code --plateau-patience N}, default 10). Used by {@code run} and {@code regress}.
 */
public final class OptimizerOptions {

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "NAME",
            converter = OptimizerKind.Converter.class,
            description = "sgd|momentum|rmsprop|adam|swats|schedule-free-adamw"
                    + " (default: ${DEFAULT-VALUE}).")
    OptimizerKind kind = OptimizerKind.SGD;

    @Option(names = "--lr", paramLabel = "LR",
            description = "Learning rate, >= 0 (default: 0.01, or 0.001 for adam and swats,"
                    + " 0.0025 for schedule-free-adamw).")
    Double lr;

    @Mixin
    HyperparameterOptions hyper = new HyperparameterOptions();

    @Option(names = "--lookahead", paramLabel = "K",
            description = "Wrap the optimizer in Lookahead with sync period K >= 1.")
    Integer lookaheadK;

    @Option(names = "--lookahead-alpha", paramLabel = "A",
            description = "Lookahead's slow step size, in [0, 1] (default 0.5).")
    Double lookaheadAlpha;

    @Option(names = "--plateau-factor", paramLabel = "F",
            description = "Reduce the rate by F in [0, 1) when the loss plateaus"
                    + " (PyTorch's ReduceLROnPlateau).")
    Double plateauFactor;

    @Option(names = "--plateau-patience", paramLabel = "N",
            description = "Steps without improvement before a reduction, >= 0 (default 10).")
    Integer plateauPatience;

    @Mixin
    ScheduleOptions schedule = new ScheduleOptions();

    /**
     * The chosen optimizer.
     *
     * @return the kind
     */
    public OptimizerKind kind() {
        return kind;
    }

    /**
     * The base learning rate: {@code --lr}, or the optimizer's default.
     *
     * @return the rate
     */
    public double learningRate() {
        return lr == null ? kind.defaultLearningRate()
                : HyperparameterOptions.rate("--lr", lr);
    }

    /**
     * Builds the optimizer.
     *
     * @param steps the run's step budget (the cosine schedule's default horizon)
     * @return the optimizer
     * @throws BadInputException if an option is out of range or does not apply
     */
    public Optimizer build(long steps) {
        hyper.checkApplies(kind);
        Optimizer o = hyper.build(kind, schedule.build(learningRate(), steps));
        return wrap(o);
    }

    /** Applies {@code --plateau-*} and then {@code --lookahead*} to {@code o}. */
    Optimizer wrap(Optimizer o) {
        if (plateauFactor == null && plateauPatience != null) {
            throw new BadInputException("--plateau-patience " + plateauPatience
                    + " needs --plateau-factor");
        }
        if (plateauFactor != null) {
            if (!(plateauFactor >= 0 && plateauFactor < 1)) {
                throw new BadInputException("--plateau-factor must be in [0, 1), got "
                        + plateauFactor);
            }
            if (plateauPatience != null && plateauPatience < 0) {
                throw new BadInputException("--plateau-patience must be >= 0, got "
                        + plateauPatience);
            }
            if (!(o instanceof BaseOptimizer base)) {
                throw new BadInputException("--plateau-factor applies to sgd, momentum, rmsprop,"
                        + " adam and schedule-free-adamw, not " + kind.label());
            }
            ReduceOnPlateau.Builder p = ReduceOnPlateau.builder().factor(plateauFactor);
            if (plateauPatience != null) {
                p.patience(plateauPatience);
            }
            o = OnPlateau.wrap(base, p.build());
        }
        if (lookaheadK == null && lookaheadAlpha != null) {
            throw new BadInputException("--lookahead-alpha " + lookaheadAlpha
                    + " needs --lookahead K");
        }
        if (lookaheadK != null) {
            if (lookaheadK < 1) {
                throw new BadInputException("--lookahead must be >= 1, got " + lookaheadK);
            }
            double alpha = lookaheadAlpha == null ? Lookahead.DEFAULT_ALPHA : lookaheadAlpha;
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new BadInputException("--lookahead-alpha must be in [0, 1], got " + alpha);
            }
            o = Lookahead.builder(o).k(lookaheadK).alpha(alpha).build();
        }
        return o;
    }

    /**
     * A short description: {@code adam lr=0.01 beta1=0.9 … constant}.
     *
     * @return the description
     */
    public String describe() {
        String h = hyper.describe(kind);
        String wrappers = (plateauFactor == null ? "" : " on-plateau factor=" + plateauFactor
                + " patience=" + (plateauPatience == null ? ReduceOnPlateau.DEFAULT_PATIENCE
                        : plateauPatience))
                + (lookaheadK == null ? "" : " lookahead k=" + lookaheadK + " alpha="
                        + (lookaheadAlpha == null ? Lookahead.DEFAULT_ALPHA : lookaheadAlpha));
        return kind.label() + " lr=" + learningRate() + (h.isEmpty() ? "" : " " + h) + wrappers
                + ", " + schedule.describe();
    }
}
