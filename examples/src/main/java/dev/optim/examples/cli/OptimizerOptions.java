package dev.optim.examples.cli;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Optimizer;
import dev.optim.core.optimizer.Lookahead;
import dev.optim.core.optimizer.OnPlateau;
import dev.optim.core.optimizer.Optimizers;
import dev.optim.core.schedule.ReduceOnPlateau;
import dev.optim.examples.experiment.OptimizerCatalogue;
import dev.optim.examples.experiment.Racer;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * {@code --plateau-patience N}, default 10). Every other optimizer of the library's catalogue
 * ({@link Optimizers#names()}: adamw, amsgrad, adagrad, adadelta, adamax, nadam, radam, lion, …)
 * is named the same way, with its hyperparameters as {@code --hp KEY=VALUE} in its builder's
 * names ({@code --hp beta1=0.95 --hp amsgrad=true}); {@code --hp} also works for the names
 * above ({@link OptimizerCatalogue}). {@code optim run} also takes {@code --optimizer lbfgs}
 * ({@link #racer}: L-BFGS with the strong-Wolfe search, its iteration budget {@code --steps},
 * {@code --hp historySize=10 --hp toleranceGrad=1e-9 --hp maxEvaluations=500 …}). Used by
 * {@code run}, {@code regress} and {@code train}.
 */
public final class OptimizerOptions {

    /** The name of L-BFGS, which only {@link #racer} builds. */
    static final String LBFGS = "lbfgs";

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "NAME",
            description = "sgd|momentum|rmsprop|adam|swats|schedule-free-adamw, or any name of"
                    + " the library's catalogue (adamw, amsgrad, adagrad, adadelta, adamax, nadam,"
                    + " radam, lion; lbfgs in run) (default: ${DEFAULT-VALUE}).")
    String name = "sgd";

    @Option(names = "--hp", paramLabel = "KEY=VALUE",
            description = "A hyperparameter of a catalogue optimizer, by its builder's name"
                    + " (repeatable), e.g. --hp beta1=0.95 --hp amsgrad=true.")
    Map<String, String> hp;

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
     * The chosen optimizer, if it is one of the names with options of their own.
     *
     * @return the kind, or null for a catalogue name built from {@code --hp}
     */
    public OptimizerKind kind() {
        for (OptimizerKind k : OptimizerKind.values()) {
            if (k.label().equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** Whether the registry builds it: a name without options of its own, or {@code --hp}. */
    private boolean fromRegistry() {
        return kind() == null || hp != null;
    }

    /**
     * The base learning rate: {@code --lr}, or the optimizer's default.
     *
     * @return the rate
     */
    public double learningRate() {
        if (lr != null) {
            return HyperparameterOptions.rate("--lr", lr);
        }
        if (kind() != null) {
            return kind().defaultLearningRate();
        }
        checkName();
        return OptimizerCatalogue.defaultLearningRate(name);
    }

    /**
     * Builds the optimizer.
     *
     * @param steps the run's step budget (the cosine schedule's default horizon)
     * @return the optimizer
     * @throws BadInputException if an option is out of range or does not apply
     */
    public Optimizer build(long steps) {
        if (name.equals(LBFGS)) {
            throw new BadInputException("--optimizer lbfgs needs the objective (its line search)"
                    + " and runs in 'optim run' only, not here");
        }
        if (fromRegistry()) {
            return wrap(fromNames(steps).optimizer());
        }
        hyper.checkApplies(kind());
        Optimizer o = hyper.build(kind(), schedule.build(learningRate(), steps));
        return wrap(o);
    }

    /**
     * Builds the optimizer as a racer: a first-order one ({@link #build}) or, for
     * {@code --optimizer lbfgs}, L-BFGS from {@code --lr} and {@code --hp} (historySize,
     * maxIterations, maxEvaluations, toleranceGrad, toleranceChange, lineSearch, maxLineSearch;
     * {@link OptimizerCatalogue}).
     *
     * @param steps the run's step budget (L-BFGS's default iteration budget)
     * @return the racer, labelled with the optimizer's name
     * @throws BadInputException if an option is out of range or does not apply
     */
    public Racer racer(long steps) {
        if (!name.equals(LBFGS)) {
            return Racer.of(name, build(steps));
        }
        if (lookaheadK != null || lookaheadAlpha != null || plateauFactor != null
                || plateauPatience != null) {
            throw new BadInputException((lookaheadK != null ? "--lookahead " + lookaheadK
                    : lookaheadAlpha != null ? "--lookahead-alpha " + lookaheadAlpha
                    : plateauFactor != null ? "--plateau-factor " + plateauFactor
                    : "--plateau-patience " + plateauPatience)
                    + " applies to first-order optimizers, not lbfgs");
        }
        return fromNames(steps);
    }

    private void checkName() {
        if (!OptimizerCatalogue.contains(name) && kind() == null) {
            throw new BadInputException("--optimizer must be one of "
                    + String.join(", ", OptimizerCatalogue.names()) + ", got '" + name + "'");
        }
    }

    /** A catalogue optimizer from {@code --optimizer}, {@code --lr} and {@code --hp}. */
    private Racer fromNames(long steps) {
        checkName();
        String own = hyper.firstSet();
        if (own != null) {
            throw new BadInputException(own + " does not apply to --optimizer " + name
                    + " built from --hp; give it as --hp KEY=VALUE");
        }
        if (schedule.kind != ScheduleKind.CONSTANT) {
            throw new BadInputException("--schedule " + schedule.kind.label()
                    + " applies to sgd, momentum, rmsprop, adam, swats and schedule-free-adamw"
                    + " without --hp, not " + name);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (lr != null) {
            values.put("lr", Double.toString(HyperparameterOptions.rate("--lr", lr)));
        }
        if (hp != null) {
            for (Map.Entry<String, String> e : hp.entrySet()) {
                if (e.getKey().equals("lr")) {
                    throw new BadInputException("give the rate as --lr, not --hp lr=" + e.getValue());
                }
                if (e.getKey().startsWith("lookahead")) {
                    throw new BadInputException("give Lookahead as --lookahead K, not --hp "
                            + e.getKey() + "=" + e.getValue());
                }
                values.put(e.getKey(), e.getValue());
            }
        }
        try {
            return OptimizerCatalogue.create(name, values, steps, null);
        } catch (IllegalArgumentException e) {
            throw new BadInputException((hp == null ? "--optimizer " + name : "--hp") + ": "
                    + e.getMessage());
        }
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
                throw new BadInputException("--plateau-factor applies to the optimizers built on"
                        + " BaseOptimizer (every one but swats), not " + name);
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
        if (fromRegistry()) {
            return name + (lr == null ? "" : " lr=" + lr) + (hp == null ? "" : " " + hp)
                    + describeWrappers();
        }
        String h = hyper.describe(kind());
        return kind().label() + " lr=" + learningRate() + (h.isEmpty() ? "" : " " + h)
                + describeWrappers() + ", " + schedule.describe();
    }

    private String describeWrappers() {
        return (plateauFactor == null ? "" : " on-plateau factor=" + plateauFactor
                + " patience=" + (plateauPatience == null ? ReduceOnPlateau.DEFAULT_PATIENCE
                        : plateauPatience))
                + (lookaheadK == null ? "" : " lookahead k=" + lookaheadK + " alpha="
                        + (lookaheadAlpha == null ? Lookahead.DEFAULT_ALPHA : lookaheadAlpha));
    }
}
