package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;
import java.util.Arrays;

/**
 * A piecewise-constant schedule: boundaries {@code 0 < b_1 < b_2 < … < b_n} and values
 * {@code v_0, v_1, …, v_n}, with
 *
 * <pre>
 * η_k = v_0    for k &lt; b_1
 * η_k = v_i    for b_i ≤ k &lt; b_(i+1)
 * η_k = v_n    for k ≥ b_n
 * </pre>
 *
 * <p>so the value changes at the boundary itself, as with Optax's
 * {@code piecewise_constant_schedule} (which takes multiplicative scales instead of values) and
 * PyTorch's {@code MultiStepLR}; {@link Schedules#multiStep(double, double, long...)} builds the
 * latter. With no boundaries it is the constant {@code v_0}.
 *
 * <pre>{@code
 * Schedule lr = new PiecewiseConstant(new long[] {100, 200}, new double[] {0.1, 0.05, 0.01});
 * }</pre>
 */
public final class PiecewiseConstant implements Schedule {

    private final long[] boundaries;
    private final double[] values;

    /**
     * Creates the schedule. The arrays are copied.
     *
     * @param boundaries the boundaries {@code b_1, …, b_n}; each {@code ≥ 1}, strictly
     *     increasing; may be empty
     * @param values the values {@code v_0, …, v_n}, one more than the boundaries; each finite,
     *     {@code ≥ 0}
     * @throws IllegalArgumentException if either array is null, a boundary is below 1 or not
     *     above its predecessor, {@code values} does not have {@code boundaries.length + 1}
     *     elements, or a value is negative or not finite
     */
    public PiecewiseConstant(long[] boundaries, double[] values) {
        this.boundaries = Args.boundaries("boundaries", boundaries);
        Args.notNull("values", values);
        if (values.length != this.boundaries.length + 1) {
            throw new IllegalArgumentException("values must have boundaries.length + 1 = "
                    + (this.boundaries.length + 1) + " elements, got " + values.length);
        }
        this.values = values.clone();
        for (int i = 0; i < this.values.length; i++) {
            Checks.nonNegative("values[" + i + "]", this.values[i]);
        }
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
     * The values.
     *
     * @return a copy of the values {@code v_0, …, v_n}
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * The value {@code v_i} of the piece {@code b_i ≤ k < b_(i+1)} that holds {@code k}.
     *
     * @param step the step {@code k}, at least 0
     * @return the value at that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return values[Args.piece(boundaries, step)];
    }

    /**
     * Equal if the boundaries and values are equal.
     *
     * @param o the other object
     * @return whether {@code o} is a piecewise-constant schedule with equal arrays
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PiecewiseConstant p
                && Arrays.equals(boundaries, p.boundaries)
                && Arrays.equals(values, p.values);
    }

    /**
     * A hash of the boundaries and values.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(boundaries) + Arrays.hashCode(values);
    }

    /**
     * The boundaries and values, e.g.
     * {@code PiecewiseConstant[boundaries=[100, 200], values=[0.1, 0.05, 0.01]]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "PiecewiseConstant[boundaries=" + Arrays.toString(boundaries)
                + ", values=" + Arrays.toString(values) + "]";
    }
}
