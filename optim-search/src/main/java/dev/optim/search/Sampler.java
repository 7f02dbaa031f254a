package dev.optim.search;

import java.io.Serializable;
import java.util.List;

/**
 * Proposes the unit point of a study's next trial.
 *
 * <p>A proposal is a pure function of its arguments, which is what makes a study reproducible:
 * trial {@code i} of batch {@code b = ⌊i/k⌋} (batch size {@code k}) sees the finished trials with
 * index {@code < b·k} (in index order) and the points already proposed for trials
 * {@code b·k … i−1} of its own batch, whatever order the trials ran or finished in.
 */
public interface Sampler extends Serializable {

    /**
     * Proposes trial {@code index}'s unit point.
     *
     * @param space the space
     * @param seed the study's seed
     * @param index the trial's index
     * @param history the finished trials of earlier batches, by index
     * @param pending the points of the earlier trials of the same batch, by index
     * @return a point of {@code [0, 1)^d}, {@code d = space.dimension()}
     */
    double[] propose(SearchSpace space, long seed, long index, List<FinishedTrial> history,
            List<double[]> pending);

    /**
     * Whether proposals depend on {@code history} and {@code pending}; if not, a study hands out
     * trials without waiting for earlier batches.
     *
     * @return true for adaptive samplers
     */
    default boolean usesHistory() {
        return false;
    }

    /**
     * How many distinct trials the sampler can propose in a space.
     *
     * @param space the space
     * @return the number, or {@link Long#MAX_VALUE} if unbounded
     */
    default long size(SearchSpace space) {
        return Long.MAX_VALUE;
    }

    /**
     * A short name, written to the study's journal and checked on resume.
     *
     * @return the name, e.g. {@code random}
     */
    String name();
}
