package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;

/**
 * The constant schedule: {@code η_k = value} for every step {@code k}.
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

    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return value;
    }
}
