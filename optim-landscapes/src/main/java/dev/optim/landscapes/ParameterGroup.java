package dev.optim.landscapes;

import java.util.ArrayList;
import java.util.List;

/**
 * A block of parameters in a flat parameter vector, the index range {@code [from, to)}: one
 * filter or one layer's weights, normalised together by
 * {@link Directions#filterNormalized(org.nd4j.linalg.api.ndarray.INDArray, List, long)}.
 *
 * @param from the first index, {@code ≥ 0}
 * @param to one past the last index, {@code > from}
 */
public record ParameterGroup(long from, long to) {

    /**
     * Validates the range.
     *
     * @param from the first index
     * @param to one past the last index
     * @throws IllegalArgumentException if {@code from < 0} or {@code to <= from}
     */
    public ParameterGroup {
        if (from < 0) {
            throw new IllegalArgumentException("from must be >= 0, got " + from);
        }
        if (to <= from) {
            throw new IllegalArgumentException("to must be > from = " + from + ", got " + to);
        }
    }

    /**
     * The number of parameters in the group.
     *
     * @return {@code to − from}
     */
    public long size() {
        return to - from;
    }

    /**
     * Consecutive groups of the given sizes, starting at index 0: for a network flattened layer by
     * layer (or filter by filter), pass the sizes of the blocks in order.
     *
     * @param sizes the size of each group, each {@code ≥ 1}
     * @return the groups {@code [0, s₁), [s₁, s₁ + s₂), …}
     * @throws IllegalArgumentException if {@code sizes} is null or empty or a size is below 1
     */
    public static List<ParameterGroup> consecutive(long... sizes) {
        if (sizes == null || sizes.length == 0) {
            throw new IllegalArgumentException("sizes must hold at least one size, got "
                    + (sizes == null ? "null" : "none"));
        }
        List<ParameterGroup> groups = new ArrayList<>(sizes.length);
        long from = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException(
                        "sizes[" + i + "] must be >= 1, got " + sizes[i]);
            }
            groups.add(new ParameterGroup(from, from + sizes[i]));
            from += sizes[i];
        }
        return List.copyOf(groups);
    }
}
