package dev.optim.search;

import java.util.List;

/**
 * Quasi-random points: trial {@code i} is point {@code i} of a {@link SobolSequence#scrambled
 * scrambled Sobol sequence} whose scramble is drawn from the study's seed. Any {@code 2^m}
 * consecutive trials from 0 cover every coordinate evenly, which random points do not.
 *
 * @serial exclude
 */
public final class SobolSampler implements Sampler {

    private static final long serialVersionUID = 1L;

    /** A Sobol sampler. */
    public SobolSampler() {}

    @Override
    public double[] propose(SearchSpace space, long seed, long index, List<FinishedTrial> history,
            List<double[]> pending) {
        return SobolSequence.scrambled(space.dimension(), Seeds.mix(seed, -1, 1)).point(index);
    }

    @Override
    public String name() {
        return "sobol";
    }

    @Override
    public String toString() {
        return "SobolSampler";
    }
}
