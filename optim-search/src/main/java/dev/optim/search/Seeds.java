package dev.optim.search;

/**
 * Seeds derived from a study's seed: {@code mix(seed, index, stream)} is a SplitMix64 hash, so
 * that trial {@code i}'s random numbers are a function of {@code (seed, i)} alone, whatever order
 * the trials run in.
 */
public final class Seeds {

    private Seeds() {}

    /**
     * A well-mixed 64-bit seed for one stream of one trial.
     *
     * @param seed the study's seed
     * @param index the trial's index
     * @param stream which use within the trial (sampler, restarts, …)
     * @return the derived seed
     */
    public static long mix(long seed, long index, long stream) {
        return splitMix(splitMix(splitMix(seed) ^ index) + stream);
    }

    private static long splitMix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
