package dev.optim.search;

import java.util.List;

/**
 * The points of a grid, in lexicographic order (the last parameter varies fastest): {@code levels}
 * evenly spaced values per continuous parameter (in log space for log ones, the bounds included),
 * every integer when there are at most {@code levels} of them (else {@code levels} evenly spaced
 * ones, in log space for log ones, rounded), and every choice of a categorical parameter. The seed plays no part. A conditional
 * parameter's levels are still counted, so inactive combinations repeat points.
 *
 * @serial exclude
 */
public final class GridSampler implements Sampler {

    private static final long serialVersionUID = 1L;

    /** The default number of levels per numeric parameter. */
    public static final int DEFAULT_LEVELS = 10;

    private final int levels;

    /** A grid of {@value #DEFAULT_LEVELS} levels per numeric parameter. */
    public GridSampler() {
        this(DEFAULT_LEVELS);
    }

    /**
     * A grid of {@code levels} levels per numeric parameter.
     *
     * @param levels the levels, at least 2
     * @throws IllegalArgumentException if {@code levels < 2}
     */
    public GridSampler(int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("grid levels must be >= 2, got " + levels);
        }
        this.levels = levels;
    }

    /**
     * The number of levels per numeric parameter.
     *
     * @return the levels
     */
    public int levels() {
        return levels;
    }

    private long count(Parameter p) {
        if (p instanceof CategoricalParameter c) {
            return c.choices().size();
        }
        if (p instanceof IntParameter i && i.count() <= levels) {
            return i.count();
        }
        return levels;
    }

    @Override
    public long size(SearchSpace space) {
        long n = 1;
        for (Parameter p : space.parameters()) {
            n = Math.multiplyHigh(n, count(p)) != 0 ? Long.MAX_VALUE : n * count(p);
        }
        return n;
    }

    @Override
    public double[] propose(SearchSpace space, long seed, long index, List<FinishedTrial> history,
            List<double[]> pending) {
        long size = size(space);
        if (index >= size) {
            throw new IllegalStateException("the grid has " + size + " points; trial " + index
                    + " is beyond it");
        }
        int d = space.dimension();
        double[] u = new double[d];
        long rest = index;
        for (int j = d - 1; j >= 0; j--) {
            Parameter p = space.parameters().get(j);
            long n = count(p);
            long level = rest % n;
            rest /= n;
            if (p instanceof CategoricalParameter || (p instanceof IntParameter i && i.count() <= levels)) {
                u[j] = (level + 0.5) / n;
                if (p instanceof IntParameter ip) {
                    u[j] = ip.encode(ip.low() + level);
                }
            } else if (p instanceof IntParameter ip) {
                // Evenly spaced integers, the bounds included.
                double t = (double) level / (n - 1);
                long v = ip.log()
                        ? Math.round(Math.exp(Math.log(ip.low()) + t * (Math.log(ip.high()) - Math.log(ip.low()))))
                        : Math.round(ip.low() + t * (ip.high() - ip.low()));
                u[j] = ip.encode(v);
            } else {
                u[j] = (double) level / (n - 1);
            }
        }
        return u;
    }

    @Override
    public String name() {
        return "grid" + levels;
    }

    @Override
    public String toString() {
        return "GridSampler[levels=" + levels + "]";
    }
}
