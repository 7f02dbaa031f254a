package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;

/**
 * Exponential decay, as PyTorch's {@code ExponentialLR}:
 *
 * <pre>
 * η_k = η0·γ^k
 * </pre>
 *
 * <p>As in PyTorch, {@code γ} need only be positive; {@code γ > 1} makes the value grow, and a
 * value that overflows is returned as infinity, not capped.
 *
 * <pre>{@code
 * Schedule lr = new ExponentialDecay(0.1, 0.97); // 0.1, 0.097, 0.09409, ...
 * }</pre>
 *
 * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
 * @param gamma the factor {@code γ} per step; finite, {@code > 0}
 */
public record ExponentialDecay(double initial, double gamma) implements Schedule {

    /**
     * Creates the schedule.
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param gamma the factor {@code γ} per step; finite, {@code > 0}
     * @throws IllegalArgumentException if {@code initial} is negative or not finite, or
     *     {@code gamma} is not positive or not finite
     */
    public ExponentialDecay {
        Checks.nonNegative("initial", initial);
        Checks.positive("gamma", gamma);
    }

    /**
     * The value {@code η0·γ^k}.
     *
     * @param step the step {@code k}, at least 0
     * @return the value at that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return Args.scaledPower(initial, gamma, step);
    }
}
