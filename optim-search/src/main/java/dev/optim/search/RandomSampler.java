package dev.optim.search;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Independent uniform points: trial {@code i}'s coordinates are drawn from a
 * {@link SplittableRandom} seeded with {@link Seeds#mix Seeds.mix(seed, i, 0)}.
 *
 * @serial exclude
 */
public final class RandomSampler implements Sampler {

    private static final long serialVersionUID = 1L;

    /** A random sampler. */
    public RandomSampler() {}

    @Override
    public double[] propose(SearchSpace space, long seed, long index, List<FinishedTrial> history,
            List<double[]> pending) {
        return point(space.dimension(), seed, index);
    }

    static double[] point(int dimension, long seed, long index) {
        var rng = new SplittableRandom(Seeds.mix(seed, index, 0));
        double[] u = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            u[j] = rng.nextDouble();
        }
        return u;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String toString() {
        return "RandomSampler";
    }
}
