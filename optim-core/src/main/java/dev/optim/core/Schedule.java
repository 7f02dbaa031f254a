package dev.optim.core;

/**
 * A value that depends on the step: a learning rate, or a batch size. A schedule is a pure
 * function: the same step always gives the same value, and evaluating it changes nothing.
 *
 * <p>Step {@code k = 0} is the first update (Optax's convention; PyTorch's schedulers reach the
 * same values). Implementations live in {@link dev.optim.core.schedule}; {@link
 * dev.optim.core.schedule.Schedules} gathers their factories.
 */
@FunctionalInterface
public interface Schedule {

    /**
     * The value at step {@code k}.
     *
     * @param step the step {@code k}, at least 0
     * @return the value at that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    double valueAt(long step);

    /**
     * A schedule that always returns {@code value}.
     *
     * @param value the value; finite
     * @return the constant schedule
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    static Schedule constant(double value) {
        return dev.optim.core.schedule.Schedules.constant(value);
    }
}
