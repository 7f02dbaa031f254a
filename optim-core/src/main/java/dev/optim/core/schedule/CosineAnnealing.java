package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;

/**
 * Cosine annealing from {@code η0} to {@code end} over {@code T} steps, then {@code end}
 * (Loshchilov and Hutter 2017, "SGDR", without restarts):
 *
 * <pre>
 * η_k = end + (η0 − end)·(1 + cos(π·k / T)) / 2    for k ≤ T
 * η_k = end                                      for k ≥ T
 * </pre>
 *
 * <p>For {@code k ≤ T} this is PyTorch's {@code CosineAnnealingLR(T_max=T, eta_min=end)} (its
 * closed form; its recursive form agrees to rounding) and Optax's
 * {@code cosine_decay_schedule(init_value=η0, decay_steps=T, alpha=end/η0)}. Beyond {@code T}
 * it holds {@code end}, as Optax does; PyTorch's scheduler instead continues the cosine and rises
 * back to {@code η0} at {@code k = 2T}. For periodic restarts use {@link CosineWarmRestarts}.
 *
 * <pre>{@code
 * Schedule lr = new CosineAnnealing(0.1, 0.001, 1000);
 * }</pre>
 *
 * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
 * @param end the final value; finite, {@code ≥ 0}
 * @param steps the number of steps {@code T} of the annealing; {@code ≥ 1}
 */
public record CosineAnnealing(double initial, double end, long steps) implements Schedule {

    /**
     * Creates the schedule.
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param end the final value; finite, {@code ≥ 0}
     * @param steps the number of steps {@code T} of the annealing; {@code ≥ 1}
     * @throws IllegalArgumentException if {@code initial} or {@code end} is negative or not
     *     finite, or {@code steps} is below 1
     */
    public CosineAnnealing {
        Checks.nonNegative("initial", initial);
        Checks.nonNegative("end", end);
        Args.atLeast("steps", steps, 1);
    }

    /**
     * The value {@code end + (η0 − end)·(1 + cos(π·min(k, T) / T)) / 2}.
     *
     * @param step the step {@code k}, at least 0
     * @return the value at that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    @Override
    public double valueAt(long step) {
        Checks.step(step);
        if (step >= steps) {
            return end;
        }
        return cosine(initial, end, step, steps);
    }

    /**
     * {@code end + (initial − end)·(1 + cos(π·t / period)) / 2}.
     *
     * @param initial the value at {@code t = 0}
     * @param end the value at {@code t = period}
     * @param t the step within the period
     * @param period the period
     * @return the value
     */
    static double cosine(double initial, double end, long t, double period) {
        double v = end + (initial - end) * (1 + Math.cos(Math.PI * t / period)) / 2;
        // Rounding must not take the value outside [end, initial], nor off initial at t = 0.
        return t == 0 ? initial : Math.max(Math.min(initial, end), Math.min(Math.max(initial, end), v));
    }
}
