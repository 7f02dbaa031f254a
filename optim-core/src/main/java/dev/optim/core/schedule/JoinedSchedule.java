package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Schedules joined at given steps, as Optax's {@code join_schedules(schedules, boundaries)}:
 * with boundaries {@code 0 < b_1 < … < b_n} and schedules {@code s_0, …, s_n},
 *
 * <pre>
 * η_k = s_0(k)            for k &lt; b_1
 * η_k = s_i(k − b_i)      for b_i ≤ k &lt; b_(i+1)
 * η_k = s_n(k − b_n)      for k ≥ b_n
 * </pre>
 *
 * <p>so each schedule starts at its own step 0 when its piece begins (PyTorch's
 * {@code SequentialLR} with {@code milestones = b} does the same). {@link LinearWarmup} is the
 * common case of two pieces.
 *
 * <pre>{@code
 * Schedule lr = new JoinedSchedule(
 *         List.of(new ConstantSchedule(0.1), new ExponentialDecay(0.1, 0.99)), new long[] {500});
 * }</pre>
 */
public final class JoinedSchedule implements Schedule {

    private final List<Schedule> schedules;
    private final long[] boundaries;

    /**
     * Creates the schedule. The list and array are copied.
     *
     * @param schedules the schedules {@code s_0, …, s_n}, one more than the boundaries; none
     *     null
     * @param boundaries the boundaries {@code b_1, …, b_n}; each {@code ≥ 1}, strictly
     *     increasing; may be empty
     * @throws IllegalArgumentException if {@code schedules}, one of its elements or
     *     {@code boundaries} is null, a boundary is below 1 or not above its predecessor, or
     *     {@code schedules} does not have {@code boundaries.length + 1} elements
     */
    public JoinedSchedule(List<Schedule> schedules, long[] boundaries) {
        Args.notNull("schedules", schedules);
        List<Schedule> copy = new ArrayList<>(schedules.size());
        for (int i = 0; i < schedules.size(); i++) {
            copy.add(Args.notNull("schedules[" + i + "]", schedules.get(i)));
        }
        this.boundaries = Args.boundaries("boundaries", boundaries);
        if (copy.size() != this.boundaries.length + 1) {
            throw new IllegalArgumentException("schedules must have boundaries.length + 1 = "
                    + (this.boundaries.length + 1) + " elements, got " + copy.size());
        }
        this.schedules = Collections.unmodifiableList(copy);
    }

    /**
     * The schedules.
     *
     * @return the schedules {@code s_0, …, s_n}, unmodifiable
     */
    public List<Schedule> schedules() {
        return schedules;
    }

    /**
     * The boundaries.
     *
     * @return a copy of the boundaries {@code b_1, …, b_n}
     */
    public long[] boundaries() {
        return boundaries.clone();
    }

    /**
     * The value {@code s_i(k − b_i)} of the piece that holds {@code k} ({@code b_0 = 0}).
     *
     * @param step the step {@code k}, at least 0
     * @return the value at that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    @Override
    public double valueAt(long step) {
        Checks.step(step);
        int i = Args.piece(boundaries, step);
        return schedules.get(i).valueAt(i == 0 ? step : step - boundaries[i - 1]);
    }

    /**
     * Equal if the schedules and boundaries are equal.
     *
     * @param o the other object
     * @return whether {@code o} is a joined schedule with equal schedules and boundaries
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof JoinedSchedule j
                && schedules.equals(j.schedules)
                && Arrays.equals(boundaries, j.boundaries);
    }

    /**
     * A hash of the schedules and boundaries.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * schedules.hashCode() + Arrays.hashCode(boundaries);
    }

    /**
     * The schedules and boundaries, e.g.
     * {@code JoinedSchedule[schedules=[ConstantSchedule[value=0.1],
     * ExponentialDecay[initial=0.1, gamma=0.99]], boundaries=[500]]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "JoinedSchedule[schedules=" + schedules + ", boundaries="
                + Arrays.toString(boundaries) + "]";
    }
}
