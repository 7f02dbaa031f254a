package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;

/**
 * The constant schedule: {@code η_k = value} for every step {@code k}.
 *
 * <pre>{@code
 * Schedule lr = new ConstantSchedule(0.01);
 * }</pre>
 *
 * @param value the value; finite
 */
public record ConstantSchedule(double value) implements Schedule {

    /**
     * Creates the constant schedule.
     *
     * @param value the value; finite
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public ConstantSchedule {
        Checks.finite("value", value);
    }

    /**
     * The value, whatever the step.
     *
     * @param step the step {@code k}, at least 0
     * @return {@code value}
     * @throws IllegalArgumentException if {@code step} is negative
     */
    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return value;
    }
}
