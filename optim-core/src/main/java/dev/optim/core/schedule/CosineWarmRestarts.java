package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;

/**
 * Cosine annealing with warm restarts (Loshchilov and Hutter 2017, "SGDR"), as PyTorch's
 * {@code CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)} stepped once per update:
 *
 * <pre>
 * η_k = end + (η0 − end)·(1 + cos(π·t / T_i)) / 2
 * </pre>
 *
 * <p>where the periods are {@code T_i = T_0·m^i} (PyTorch's {@code T_mult = m}), period
 * {@code i} starts at step {@code S_i = T_0 + T_0·m + … + T_0·m^(i−1)} ({@code S_0 = 0}), the
 * period that holds {@code k} is the {@code i} with {@code S_i ≤ k < S_i + T_i}, and
 * {@code t = k − S_i}. The value jumps back to {@code η0} at each {@code S_i}; it never reaches
 * {@code end} exactly. With {@code m = 1} the period is constant: {@code t = k mod T_0}. Periods
 * beyond the range of a {@code long} are handled exactly, so any step gives a value in
 * {@code [end, η0]}.
 *
 * <pre>{@code
 * Schedule lr = new CosineWarmRestarts(0.1, 0.0, 10, 2); // restarts at k = 10, 30, 70, 150, ...
 * }</pre>
 *
 * @param initial the value {@code η0} at each restart; finite, {@code ≥ 0}
 * @param end the floor {@code end} the cosine approaches; finite, {@code ≥ 0}
 * @param period the first period {@code T_0}, in steps; {@code ≥ 1}
 * @param periodMultiplier the factor {@code m} between successive periods; {@code ≥ 1}
 */
public record CosineWarmRestarts(double initial, double end, long period, int periodMultiplier)
        implements Schedule {

    /**
     * Creates the schedule.
     *
     * @param initial the value {@code η0} at each restart; finite, {@code ≥ 0}
     * @param end the floor {@code end} the cosine approaches; finite, {@code ≥ 0}
     * @param period the first period {@code T_0}, in steps; {@code ≥ 1}
     * @param periodMultiplier the factor {@code m} between successive periods; {@code ≥ 1}
     * @throws IllegalArgumentException if {@code initial} or {@code end} is negative or not
     *     finite, or {@code period} or {@code periodMultiplier} is below 1
     */
    public CosineWarmRestarts {
        Checks.nonNegative("initial", initial);
        Checks.nonNegative("end", end);
        Args.atLeast("period", period, 1);
        Args.atLeast("periodMultiplier", periodMultiplier, 1);
    }

    /**
     * The value at step {@code k}: the cosine of the period that holds {@code k}.
     *
     * @param step the step {@code k}, at least 0
     * @return the value at that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    @Override
    public double valueAt(long step) {
        Checks.step(step);
        if (periodMultiplier == 1) {
            return CosineAnnealing.cosine(initial, end, step % period, period);
        }
        long start = 0;
        long length = period;
        double exactLength = period;
        // At most 63 iterations: the period at least doubles each time.
        while (step - start >= length) {
            start += length;
            if (length > Long.MAX_VALUE / periodMultiplier) {
                // The next period is longer than any step count: it holds this step.
                exactLength = (double) length * periodMultiplier;
                break;
            }
            length *= periodMultiplier;
            exactLength = length;
        }
        return CosineAnnealing.cosine(initial, end, step - start, exactLength);
    }
}
