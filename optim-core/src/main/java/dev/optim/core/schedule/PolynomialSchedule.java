package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;

/**
 * Polynomial decay (or growth) from {@code η0} to {@code end} over {@code T} steps, as Optax's
 * {@code polynomial_schedule(init_value, end_value, power, transition_steps)} with
 * {@code transition_begin = 0}:
 *
 * <pre>
 * η_k = (η0 − end)·(1 − min(k, T) / T)^p + end
 * </pre>
 *
 * <p>so {@code η_0 = η0} and {@code η_k = end} for {@code k ≥ T}. With {@code end = 0} it is
 * PyTorch's {@code PolynomialLR(total_iters=T, power=p)} (closed form); with {@code p = 1} it is
 * Optax's {@code linear_schedule}, and {@code end} may then exceed {@code η0} for a ramp up.
 * Unlike Optax, {@code T ≤ 0} is refused rather than turned into a constant.
 *
 * <pre>{@code
 * Schedule lr = new PolynomialSchedule(0.1, 0.0, 100, 2.0); // 0.1, 0.09801, ..., 0 from k = 100
 * }</pre>
 *
 * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
 * @param end the final value; finite, {@code ≥ 0}
 * @param steps the number of steps {@code T} of the transition; {@code ≥ 1}
 * @param power the power {@code p}; finite, {@code > 0}
 */
public record PolynomialSchedule(double initial, double end, long steps, double power)
        implements Schedule {

    /**
     * Creates the schedule.
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param end the final value; finite, {@code ≥ 0}
     * @param steps the number of steps {@code T} of the transition; {@code ≥ 1}
     * @param power the power {@code p}; finite, {@code > 0}
     * @throws IllegalArgumentException if {@code initial} or {@code end} is negative or not
     *     finite, {@code steps} is below 1, or {@code power} is not positive or not finite
     */
    public PolynomialSchedule {
        Checks.nonNegative("initial", initial);
        Checks.nonNegative("end", end);
        Args.atLeast("steps", steps, 1);
        Checks.positive("power", power);
    }

    /**
     * The value {@code (η0 − end)·(1 − min(k, T) / T)^p + end}.
     *
     * @param step the step {@code k}, at least 0
     * @return the value at that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    @Override
    public double valueAt(long step) {
        Checks.step(step);
        if (step == 0) {
            return initial;
        }
        double fraction = 1.0 - (double) Math.min(step, steps) / steps;
        double v = (initial - end) * Math.pow(fraction, power) + end;
        // Rounding must not take the value outside [end, initial].
        return Math.max(Math.min(initial, end), Math.min(Math.max(initial, end), v));
    }
}
