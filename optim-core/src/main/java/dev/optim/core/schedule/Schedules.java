package dev.optim.core.schedule;

import dev.optim.core.Schedule;

/** Factories for the schedules of this package. */
public final class Schedules {

    private Schedules() {}

    /**
     * The constant schedule {@code η_k = value}.
     *
     * @param value the value; finite
     * @return the schedule
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static Schedule constant(double value) {
        return new ConstantSchedule(value);
    }
}
