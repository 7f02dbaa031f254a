package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;

/**
 * A batch size that follows a {@link Schedule}: "don't decay the learning rate, increase the
 * batch size" (Smith, Kindermans, Ying and Le 2018). At step {@code k} the batch size is
 *
 * <pre>
 * B_k = min(round(s(k)), max)
 * </pre>
 *
 * <p>with {@code round} to the nearest integer, halves up ({@link Math#round(double)}). The cap
 * {@code max} is usually the training-set size, so a growing schedule ends in full-batch
 * descent; a schedule value of {@code +∞} (a growth that overflowed) gives {@code max}. A value
 * that rounds below 1, or NaN, is an error, never replaced.
 *
 * <p>Where a step decay would divide the rate by {@code f} every {@code s} steps, the paper
 * multiplies the batch size by {@code f} instead:
 *
 * <pre>{@code
 * BatchSizeSchedule batch = new BatchSizeSchedule(new StepDecay(32, 30, 5.0), 300);
 * batch.sizeAt(0);  // 32
 * batch.sizeAt(30); // 160
 * batch.sizeAt(60); // 300 (800 capped)
 * }</pre>
 *
 * @param schedule the schedule of batch sizes; not null
 * @param max the largest batch size returned; {@code ≥ 1}
 */
public record BatchSizeSchedule(Schedule schedule, int max) {

    /**
     * Creates the batch-size schedule.
     *
     * @param schedule the schedule of batch sizes; not null
     * @param max the largest batch size returned; {@code ≥ 1}
     * @throws IllegalArgumentException if {@code schedule} is null or {@code max} is below 1
     */
    public BatchSizeSchedule {
        Args.notNull("schedule", schedule);
        Args.atLeast("max", max, 1);
    }

    /**
     * The batch size {@code min(round(s(k)), max)} at step {@code k}.
     *
     * @param step the step {@code k}, at least 0
     * @return the batch size, in {@code [1, max]}
     * @throws IllegalArgumentException if {@code step} is negative, or the schedule's value is
     *     NaN or rounds to less than 1
     */
    public int sizeAt(long step) {
        Checks.step(step);
        double value = schedule.valueAt(step);
        if (Double.isNaN(value) || Math.round(value) < 1) {
            throw new IllegalArgumentException("batch size at step " + step
                    + " must round to >= 1, got " + value + " from " + schedule);
        }
        return (int) Math.min(Math.round(value), max);
    }
}
