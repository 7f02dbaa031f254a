package dev.optim.core.train;

/** Why a training run stopped. */
public enum TrainingStop {
    /** The epoch or step budget was spent. */
    COMPLETED,
    /** The monitored loss did not improve for {@code patience} evaluations. */
    EARLY_STOPPED,
    /** A loss was not finite; the parameters are the last finite ones. */
    DIVERGED,
    /** The caller's cancellation signal was raised. */
    CANCELLED
}
