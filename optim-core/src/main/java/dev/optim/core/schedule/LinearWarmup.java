package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;

/**
 * A linear warm-up in front of another schedule: from {@code start} towards the other
 * schedule's first value {@code p = after.valueAt(0)} over {@code W} steps, then the other
 * schedule shifted by {@code W}:
 *
 * <pre>
 * η_k = (start − p)·(1 − k / W) + p     for k &lt; W
 * η_k = after.valueAt(k − W)            for k ≥ W
 * </pre>
 *
 * <p>This is exactly Optax's
 * {@code join_schedules([linear_schedule(start, p, W), after], boundaries=[W])}, the shape of its
 * {@code warmup_cosine_decay_schedule}: the ramp reaches {@code p} at {@code k = W}, where
 * {@code after} starts at its own step 0, so {@code p} is used once, at {@code k = W}. With
 * {@code after} a {@link CosineAnnealing} it equals PyTorch's
 * {@code SequentialLR([LinearLR(start_factor=start/p, total_iters=W), CosineAnnealingLR(...)],
 * milestones=[W])}. With {@code W = 0} there is no ramp and this is {@code after} itself.
 *
 * <pre>{@code
 * Schedule lr = new LinearWarmup(0.0, 100, new CosineAnnealing(0.1, 0.0, 900));
 * }</pre>
 *
 * @param start the value at step 0; finite, {@code ≥ 0}
 * @param steps the number of warm-up steps {@code W}; {@code ≥ 0}
 * @param after the schedule that follows; not null
 */
public record LinearWarmup(double start, long steps, Schedule after) implements Schedule {

    /**
     * Creates the schedule.
     *
     * @param start the value at step 0; finite, {@code ≥ 0}
     * @param steps the number of warm-up steps {@code W}; {@code ≥ 0}
     * @param after the schedule that follows; not null
     * @throws IllegalArgumentException if {@code start} is negative or not finite, {@code steps}
     *     is negative, or {@code after} is null
     */
    public LinearWarmup {
        Checks.nonNegative("start", start);
        Args.atLeast("steps", steps, 0);
        Args.notNull("after", after);
    }

    /**
     * The ramp's value for {@code k < W}, then {@code after.valueAt(k − W)}.
     *
     * @param step the step {@code k}, at least 0
     * @return the value at that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    @Override
    public double valueAt(long step) {
        Checks.step(step);
        if (step >= steps) {
            return after.valueAt(step - steps);
        }
        double peak = after.valueAt(0);
        return (start - peak) * (1.0 - (double) step / steps) + peak;
    }
}
