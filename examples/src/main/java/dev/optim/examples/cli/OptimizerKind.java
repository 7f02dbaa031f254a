package dev.optim.examples.cli;

import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.ScheduleFreeAdamW;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.optimizer.Swats;
import picocli.CommandLine.ITypeConverter;

/**
 * The optimizers {@code --optimizer} names: the article's four first (the race draws those), then
 * the catalogue's. Lookahead and the plateau rate wrap any of them ({@link OptimizerOptions}).
 */
public enum OptimizerKind implements Labelled {
    /** Gradient descent ({@link Sgd}); the article's "GD". */
    SGD("sgd", "GD", Sgd.DEFAULT_LEARNING_RATE),
    /** {@link Momentum}. */
    MOMENTUM("momentum", "Momentum", Momentum.DEFAULT_LEARNING_RATE),
    /** {@link RmsProp}. */
    RMSPROP("rmsprop", "RMSprop", RmsProp.DEFAULT_LEARNING_RATE),
    /** {@link Adam}. */
    ADAM("adam", "Adam", Adam.DEFAULT_LEARNING_RATE),
    /** {@link Swats}: Adam, then SGD at the rate Adam's steps imply. */
    SWATS("swats", "SWATS", Swats.DEFAULT_LEARNING_RATE),
    /** {@link ScheduleFreeAdamW}. */
    SCHEDULE_FREE_ADAMW("schedule-free-adamw", "Schedule-Free AdamW",
            ScheduleFreeAdamW.DEFAULT_LEARNING_RATE);

    private final String label;
    private final String displayName;
    private final double defaultLearningRate;

    OptimizerKind(String label, String displayName, double defaultLearningRate) {
        this.label = label;
        this.displayName = displayName;
        this.defaultLearningRate = defaultLearningRate;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The name the article's table uses: GD, Momentum, RMSprop, Adam.
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }

    /**
     * The library's default learning rate for this optimizer.
     *
     * @return the default rate
     */
    public double defaultLearningRate() {
        return defaultLearningRate;
    }

    /** Parses {@code sgd|momentum|rmsprop|adam|swats|schedule-free-adamw}. */
    public static final class Converter implements ITypeConverter<OptimizerKind> {
        @Override
        public OptimizerKind convert(String value) {
            return Labelled.parse(values(), value);
        }
    }
}
