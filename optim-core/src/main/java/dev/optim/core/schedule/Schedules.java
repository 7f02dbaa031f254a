package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;
import java.util.List;

/**
 * Factories for the schedules of this package. Step {@code k = 0} is the first update; every
 * schedule refuses a negative step, and every factory validates its arguments.
 *
 * <pre>{@code
 * Schedule lr = Schedules.warmup(0.0, 100, Schedules.cosine(0.1, 0.001, 900));
 * Schedule article = Schedules.inverseTimeDecay(0.01, 0.001);
 * BatchSizeSchedule batch = Schedules.batchSize(Schedules.stepDecay(32, 30, 5.0), 300);
 * }</pre>
 */
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

    /**
     * Inverse-time decay {@code η_k = η0 / (1 + d·k)}, the article's learning-rate decay.
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param decay the decay {@code d}; finite, {@code ≥ 0}
     * @return the schedule
     * @throws IllegalArgumentException if {@code initial} or {@code decay} is negative or not
     *     finite
     * @see InverseTimeDecay
     */
    public static Schedule inverseTimeDecay(double initial, double decay) {
        return new InverseTimeDecay(initial, decay);
    }

    /**
     * Step decay {@code η_k = η0·γ^⌊k / s⌋} (PyTorch's {@code StepLR}).
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param stepSize the number of steps {@code s} between multiplications; {@code ≥ 1}
     * @param gamma the factor {@code γ}; finite, {@code > 0}
     * @return the schedule
     * @throws IllegalArgumentException if {@code initial} is negative or not finite,
     *     {@code stepSize} is below 1, or {@code gamma} is not positive or not finite
     * @see StepDecay
     */
    public static Schedule stepDecay(double initial, long stepSize, double gamma) {
        return new StepDecay(initial, stepSize, gamma);
    }

    /**
     * Exponential decay {@code η_k = η0·γ^k} (PyTorch's {@code ExponentialLR}).
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param gamma the factor {@code γ} per step; finite, {@code > 0}
     * @return the schedule
     * @throws IllegalArgumentException if {@code initial} is negative or not finite, or
     *     {@code gamma} is not positive or not finite
     * @see ExponentialDecay
     */
    public static Schedule exponentialDecay(double initial, double gamma) {
        return new ExponentialDecay(initial, gamma);
    }

    /**
     * Polynomial schedule {@code η_k = (η0 − end)·(1 − min(k, T) / T)^p + end} (Optax's
     * {@code polynomial_schedule}; PyTorch's {@code PolynomialLR} when {@code end = 0}).
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param end the final value; finite, {@code ≥ 0}
     * @param steps the number of steps {@code T} of the transition; {@code ≥ 1}
     * @param power the power {@code p}; finite, {@code > 0}
     * @return the schedule
     * @throws IllegalArgumentException if {@code initial} or {@code end} is negative or not
     *     finite, {@code steps} is below 1, or {@code power} is not positive or not finite
     * @see PolynomialSchedule
     */
    public static Schedule polynomial(double initial, double end, long steps, double power) {
        return new PolynomialSchedule(initial, end, steps, power);
    }

    /**
     * Linear schedule from {@code η0} to {@code end} over {@code T} steps, then {@code end}
     * (Optax's {@code linear_schedule}): the polynomial schedule with {@code p = 1}.
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param end the final value; finite, {@code ≥ 0}
     * @param steps the number of steps {@code T} of the transition; {@code ≥ 1}
     * @return the schedule
     * @throws IllegalArgumentException if {@code initial} or {@code end} is negative or not
     *     finite, or {@code steps} is below 1
     * @see PolynomialSchedule
     */
    public static Schedule linear(double initial, double end, long steps) {
        return new PolynomialSchedule(initial, end, steps, 1.0);
    }

    /**
     * Cosine annealing {@code η_k = end + (η0 − end)·(1 + cos(π·k / T)) / 2} for
     * {@code k ≤ T}, then {@code end} (Optax's {@code cosine_decay_schedule}; PyTorch's
     * {@code CosineAnnealingLR} up to {@code T}).
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param end the final value; finite, {@code ≥ 0}
     * @param steps the number of steps {@code T} of the annealing; {@code ≥ 1}
     * @return the schedule
     * @throws IllegalArgumentException if {@code initial} or {@code end} is negative or not
     *     finite, or {@code steps} is below 1
     * @see CosineAnnealing
     */
    public static Schedule cosine(double initial, double end, long steps) {
        return new CosineAnnealing(initial, end, steps);
    }

    /**
     * Cosine annealing with warm restarts, periods {@code T_0, T_0·m, T_0·m², …} (SGDR;
     * PyTorch's {@code CosineAnnealingWarmRestarts}).
     *
     * @param initial the value {@code η0} at each restart; finite, {@code ≥ 0}
     * @param end the floor the cosine approaches; finite, {@code ≥ 0}
     * @param period the first period {@code T_0}, in steps; {@code ≥ 1}
     * @param periodMultiplier the factor {@code m} between successive periods; {@code ≥ 1}
     * @return the schedule
     * @throws IllegalArgumentException if {@code initial} or {@code end} is negative or not
     *     finite, or {@code period} or {@code periodMultiplier} is below 1
     * @see CosineWarmRestarts
     */
    public static Schedule cosineWarmRestarts(
            double initial, double end, long period, int periodMultiplier) {
        return new CosineWarmRestarts(initial, end, period, periodMultiplier);
    }

    /**
     * A linear warm-up from {@code start} to {@code after.valueAt(0)} over {@code W} steps,
     * then {@code after} shifted by {@code W} (Optax's {@code join_schedules} of a
     * {@code linear_schedule} and {@code after}).
     *
     * @param start the value at step 0; finite, {@code ≥ 0}
     * @param steps the number of warm-up steps {@code W}; {@code ≥ 0}
     * @param after the schedule that follows; not null
     * @return the schedule
     * @throws IllegalArgumentException if {@code start} is negative or not finite, {@code steps}
     *     is negative, or {@code after} is null
     * @see LinearWarmup
     */
    public static Schedule warmup(double start, long steps, Schedule after) {
        return new LinearWarmup(start, steps, after);
    }

    /**
     * A piecewise-constant schedule: {@code values[i]} for
     * {@code boundaries[i−1] ≤ k < boundaries[i]} (with {@code values[0]} before the first
     * boundary and the last value after the last).
     *
     * @param boundaries the boundaries; each {@code ≥ 1}, strictly increasing; may be empty
     * @param values the values, one more than the boundaries; each finite, {@code ≥ 0}
     * @return the schedule
     * @throws IllegalArgumentException if either array is null, a boundary is below 1 or not
     *     above its predecessor, the lengths do not match, or a value is negative or not finite
     * @see PiecewiseConstant
     */
    public static Schedule piecewiseConstant(long[] boundaries, double[] values) {
        return new PiecewiseConstant(boundaries, values);
    }

    /**
     * PyTorch's {@code MultiStepLR}: {@code η_k = η0·γ^i} where {@code i} is the number of
     * milestones {@code ≤ k}. A {@link PiecewiseConstant} with values {@code η0·γ^i}.
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param gamma the factor {@code γ} at each milestone; finite, {@code > 0}
     * @param milestones the milestones; each {@code ≥ 1}, strictly increasing; may be empty
     * @return the schedule
     * @throws IllegalArgumentException if {@code initial} is negative or not finite,
     *     {@code gamma} is not positive or not finite, {@code milestones} is null, a milestone
     *     is below 1 or not above its predecessor, or a value {@code η0·γ^i} overflows
     */
    public static Schedule multiStep(double initial, double gamma, long... milestones) {
        Checks.nonNegative("initial", initial);
        Checks.positive("gamma", gamma);
        long[] bounds = Args.boundaries("milestones", milestones);
        double[] values = new double[bounds.length + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = Args.scaledPower(initial, gamma, i);
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("initial * gamma^" + i + " must be finite, got "
                        + values[i] + " (initial " + initial + ", gamma " + gamma + ")");
            }
        }
        return new PiecewiseConstant(bounds, values);
    }

    /**
     * Schedules joined at boundaries: {@code schedules[i]} evaluated at
     * {@code k − boundaries[i−1]} from {@code boundaries[i−1]} on (Optax's
     * {@code join_schedules}).
     *
     * @param schedules the schedules, one more than the boundaries; none null
     * @param boundaries the boundaries; each {@code ≥ 1}, strictly increasing; may be empty
     * @return the schedule
     * @throws IllegalArgumentException if {@code schedules}, one of its elements or
     *     {@code boundaries} is null, a boundary is below 1 or not above its predecessor, or the
     *     lengths do not match
     * @see JoinedSchedule
     */
    public static Schedule join(List<Schedule> schedules, long... boundaries) {
        return new JoinedSchedule(schedules, boundaries);
    }

    /**
     * A batch size that follows {@code schedule}, rounded to the nearest integer and capped at
     * {@code max}.
     *
     * @param schedule the schedule of batch sizes; not null
     * @param max the largest batch size; {@code ≥ 1}
     * @return the batch-size schedule
     * @throws IllegalArgumentException if {@code schedule} is null or {@code max} is below 1
     * @see BatchSizeSchedule
     */
    public static BatchSizeSchedule batchSize(Schedule schedule, int max) {
        return new BatchSizeSchedule(schedule, max);
    }
}
