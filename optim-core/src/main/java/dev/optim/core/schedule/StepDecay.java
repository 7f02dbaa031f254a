package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;

/**
 * Step decay, as PyTorch's {@code StepLR}:
 *
 * <pre>
 * η_k = η0·γ^⌊k / s⌋
 * </pre>
 *
 * <p>the value is multiplied by {@code γ} every {@code s} steps, first at {@code k = s}. As in
 * PyTorch, {@code γ} need only be positive: {@code γ > 1} makes the value grow, which is how a
 * batch size is increased in steps instead of decaying the rate (see
 * {@link BatchSizeSchedule}). A value that overflows is returned as infinity, not capped.
 *
 * <pre>{@code
 * Schedule lr = new StepDecay(0.1, 30, 0.1); // 0.1 for k < 30, 0.01 for 30 <= k < 60, ...
 * }</pre>
 *
 * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
 * @param stepSize the number of steps {@code s} between multiplications; {@code ≥ 1}
 * @param gamma the factor {@code γ}; finite, {@code > 0}
 */
public record StepDecay(double initial, long stepSize, double gamma) implements Schedule {

    /**
     * Creates the schedule.
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param stepSize the number of steps {@code s} between multiplications; {@code ≥ 1}
     * @param gamma the factor {@code γ}; finite, {@code > 0}
     * @throws IllegalArgumentException if {@code initial} is negative or not finite,
     *     {@code stepSize} is below 1, or {@code gamma} is not positive or not finite
     */
    public StepDecay {
        Checks.nonNegative("initial", initial);
        Args.atLeast("stepSize", stepSize, 1);
        Checks.positive("gamma", gamma);
    }

    /**
     * The value {@code η0·γ^⌊k / s⌋}.
     *
     * @param step the step {@code k}, at least 0
     * @return the value at that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return Args.scaledPower(initial, gamma, step / stepSize);
    }
}
