package dev.optim.search;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A trial that was told: where it was (its unit point and values), how it ended and what it
 * reported on the way. Immutable.
 *
 * @param index the trial's index in the study, from 0
 * @param unit the unit point the sampler proposed (a copy is kept and returned)
 * @param params the values at {@code unit}
 * @param state how it ended
 * @param value the final value ({@link TrialState#COMPLETE}), the last reported value
 *     ({@link TrialState#PRUNED}), or NaN ({@link TrialState#FAILED})
 * @param message the failure's message, or an empty string
 * @param reports the intermediate values, in order
 *
 * @serial exclude
 */
public record FinishedTrial(long index, double[] unit, Params params, TrialState state, double value,
        String message, List<Report> reports) implements Serializable {

    /**
     * Copies the arrays and lists.
     *
     * @param index the trial's index in the study, from 0
     * @param unit the unit point the sampler proposed (a copy is kept and returned)
     * @param params the values at {@code unit}
     * @param state how it ended
     * @param value the final value ({@link TrialState#COMPLETE}), the last reported value
     * @param message the failure's message, or an empty string
     * @param reports the intermediate values, in order
     */
    public FinishedTrial {
        unit = unit.clone();
        reports = List.copyOf(reports);
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
    }

    /**
     * The unit point the sampler proposed.
     *
     * @return a copy
     */
    @Override
    public double[] unit() {
        return unit.clone();
    }

    /**
     * Whether the trial completed with a finite value.
     *
     * @return true for {@link TrialState#COMPLETE}
     */
    public boolean isComplete() {
        return state == TrialState.COMPLETE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FinishedTrial t && t.index == index && Arrays.equals(t.unit, unit)
                && t.params.equals(params) && t.state == state
                && Double.doubleToLongBits(t.value) == Double.doubleToLongBits(value)
                && t.message.equals(message) && t.reports.equals(reports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, Arrays.hashCode(unit), state, value);
    }

    @Override
    public String toString() {
        return "trial " + index + " [" + params + "] " + state
                + (state == TrialState.FAILED ? " (" + message + ")" : " " + value);
    }
}
