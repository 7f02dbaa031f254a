package dev.optim.examples.cli;

import dev.optim.core.Optimizer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that choose one optimizer: {@code --optimizer sgd|momentum|rmsprop|adam},
 * {@code --lr LR} (default: the optimizer's default rate, 0.01 for sgd, momentum and rmsprop,
 * 0.001 for adam), its {@link HyperparameterOptions hyperparameters} and a
 * {@link ScheduleOptions schedule}. Used by {@code run} and {@code regress}.
 */
public final class OptimizerOptions {

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "NAME",
            converter = OptimizerKind.Converter.class,
            description = "sgd|momentum|rmsprop|adam (default: ${DEFAULT-VALUE}).")
    OptimizerKind kind = OptimizerKind.SGD;

    @Option(names = "--lr", paramLabel = "LR",
            description = "Learning rate, >= 0 (default: 0.01, or 0.001 for adam).")
    Double lr;

    @Mixin
    HyperparameterOptions hyper = new HyperparameterOptions();

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
        return hyper.build(kind, schedule.build(learningRate(), steps));
    }

    /**
     * A short description: {@code adam lr=0.01 beta1=0.9 … constant}.
     *
     * @return the description
     */
    public String describe() {
        String h = hyper.describe(kind);
        return kind.label() + " lr=" + learningRate() + (h.isEmpty() ? "" : " " + h) + ", "
                + schedule.describe();
    }
}
