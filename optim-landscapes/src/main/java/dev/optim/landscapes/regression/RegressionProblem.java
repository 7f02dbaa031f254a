package dev.optim.landscapes.regression;

import dev.optim.core.Checks;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How to generate the article's regression data: {@code N} points sampled with noise around a
 * ground-truth line. Immutable; build it with {@link #builder()}.
 *
 * <p>Defaults (the article's): {@value #DEFAULT_POINTS} points; slope and intercept each drawn
 * from {@code U(−4, 4)}; {@code x ~ Normal(0, variance 5)}; {@code y = b + w·x + ε} with
 * {@code ε ~ Normal(0, variance 10)}; seed 0. The article offers 20, 300 and 800 points.
 *
 * <p>Sampling, from {@code new SplittableRandom(seed)} and nothing else: first the slope, then the
 * intercept, each {@code lo + (hi − lo)·nextDouble()} (only when no truth is given); then for each
 * point one Box–Muller pair {@code (z₁, z₂)} from two {@code nextDouble()} draws,
 * {@code x = μₓ + σₓ·z₁}, {@code y = b + w·x + σ_ε·z₂}. So data are reproducible from the seed on
 * any JVM and backend.
 *
 * <pre>{@code
 * RegressionData data = RegressionProblem.builder().points(300).seed(42).build().generate();
 * }</pre>
 */
public final class RegressionProblem {

    /** The default number of points, the article's. */
    public static final int DEFAULT_POINTS = 300;

    /** The most points a problem draws: {@value} (2^24; x and y then take 256 MB). */
    public static final int MAX_POINTS = 1 << 24;
    /** The default bound of the uniform range of the true slope and intercept. */
    public static final double DEFAULT_TRUTH_BOUND = 4.0;
    /** The default variance of {@code x}. */
    public static final double DEFAULT_X_VARIANCE = 5.0;
    /** The default variance of the noise. */
    public static final double DEFAULT_NOISE_VARIANCE = 10.0;

    private final int points;
    private final long seed;
    private final Line truth;
    private final double truthLo;
    private final double truthHi;
    private final double xMean;
    private final double xSigma;
    private final double noiseSigma;

    private RegressionProblem(Builder b) {
        this.points = b.points;
        this.seed = b.seed;
        this.truth = b.truth;
        this.truthLo = b.truthLo;
        this.truthHi = b.truthHi;
        this.xMean = b.xMean;
        this.xSigma = b.xSigma;
        this.noiseSigma = b.noiseSigma;
    }

    /**
     * A builder with the article's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The article's problem with the given seed.
     *
     * @param seed the seed
     * @return the problem with every other setting at its default
     */
    public static RegressionProblem withSeed(long seed) {
        return builder().seed(seed).build();
    }

    /**
     * Samples the data.
     *
     * @return the points, with the ground truth they were drawn around
     */
    public RegressionData generate() {
        SplittableRandom random = new SplittableRandom(seed);
        Line line = truth;
        if (line == null) {
            double w = truthLo + (truthHi - truthLo) * random.nextDouble();
            double b = truthLo + (truthHi - truthLo) * random.nextDouble();
            line = new Line(w, b);
        }
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double angle = 2 * Math.PI * u2;
            x[i] = xMean + xSigma * (radius * StrictMath.cos(angle));
            y[i] = line.predict(x[i]) + noiseSigma * (radius * StrictMath.sin(angle));
        }
        return RegressionData.generated(x, y, line);
    }

    /**
     * The number of points.
     *
     * @return {@code N}
     */
    public int points() {
        return points;
    }

    /**
     * The seed.
     *
     * @return the seed of the sampler
     */
    public long seed() {
        return seed;
    }

    /**
     * The ground truth, if fixed (otherwise it is drawn when generating).
     *
     * @return the fixed truth, or empty
     */
    public Optional<Line> truth() {
        return Optional.ofNullable(truth);
    }

    /**
     * The mean of {@code x}.
     *
     * @return {@code μₓ}
     */
    public double xMean() {
        return xMean;
    }

    /**
     * The standard deviation of {@code x}.
     *
     * @return {@code σₓ}
     */
    public double xSigma() {
        return xSigma;
    }

    /**
     * The standard deviation of the noise.
     *
     * @return {@code σ_ε}
     */
    public double noiseSigma() {
        return noiseSigma;
    }

    /**
     * Every setting.
     *
     * @return a readable form
     */
    @Override
    public String toString() {
        return "RegressionProblem[points=" + points + ", seed=" + seed + ", truth="
                + (truth == null ? "U(" + truthLo + ", " + truthHi + ")" : truth)
                + ", xMean=" + xMean + ", xSigma=" + xSigma + ", noiseSigma=" + noiseSigma + "]";
    }

    /** A builder of {@link RegressionProblem}; each setter validates its argument at once. */
    public static final class Builder {

        private int points = DEFAULT_POINTS;
        private long seed;
        private Line truth;
        private double truthLo = -DEFAULT_TRUTH_BOUND;
        private double truthHi = DEFAULT_TRUTH_BOUND;
        private double xMean;
        private double xSigma = Math.sqrt(DEFAULT_X_VARIANCE);
        private double noiseSigma = Math.sqrt(DEFAULT_NOISE_VARIANCE);

        private Builder() {}

        /**
         * The number of points (default {@value RegressionProblem#DEFAULT_POINTS}).
         *
         * @param n the number of points, in {@code [1, MAX_POINTS]}
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is outside {@code [1, MAX_POINTS]}
         */
        public Builder points(int n) {
            if (n < 1 || n > MAX_POINTS) {
                throw new IllegalArgumentException("points must be in [1, " + MAX_POINTS
                        + "], got " + n);
            }
            this.points = n;
            return this;
        }

        /**
         * The seed (default 0).
         *
         * @param seed any value
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Fixes the ground truth instead of drawing it.
         *
         * @param slope the true slope; finite
         * @param intercept the true intercept; finite
         * @return this builder
         * @throws IllegalArgumentException if either is not finite
         */
        public Builder truth(double slope, double intercept) {
            this.truth = new Line(slope, intercept);
            return this;
        }

        /**
         * The range {@code U(lo, hi)} that the true slope and intercept are drawn from when no
         * truth is fixed (default {@code [−4, 4)}).
         *
         * @param lo the lower bound; finite
         * @param hi the upper bound; finite, {@code > lo}, with {@code hi − lo} finite
         * @return this builder
         * @throws IllegalArgumentException if a bound is not finite, {@code hi <= lo}, or
         *     {@code hi − lo} overflows to infinity
         */
        public Builder truthRange(double lo, double hi) {
            Checks.finite("lo", lo);
            Checks.finite("hi", hi);
            if (!(hi > lo)) {
                throw new IllegalArgumentException("hi must be > lo = " + lo + ", got " + hi);
            }
            if (!Double.isFinite(hi - lo)) {
                throw new IllegalArgumentException("hi − lo must be finite (at most "
                        + Double.MAX_VALUE + "), got [" + lo + ", " + hi + "]");
            }
            this.truthLo = lo;
            this.truthHi = hi;
            return this;
        }

        /**
         * The mean of {@code x} (default 0).
         *
         * @param mean a finite value
         * @return this builder
         * @throws IllegalArgumentException if {@code mean} is not finite
         */
        public Builder xMean(double mean) {
            this.xMean = Checks.finite("xMean", mean);
            return this;
        }

        /**
         * The variance of {@code x} (default {@value RegressionProblem#DEFAULT_X_VARIANCE}).
         *
         * @param variance a finite value {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code variance} is not positive and finite
         */
        public Builder xVariance(double variance) {
            this.xSigma = Math.sqrt(Checks.positive("xVariance", variance));
            return this;
        }

        /**
         * The standard deviation of {@code x} (default {@code √5}).
         *
         * @param sigma a finite value {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code sigma} is not positive and finite
         */
        public Builder xSigma(double sigma) {
            this.xSigma = Checks.positive("xSigma", sigma);
            return this;
        }

        /**
         * The variance of the noise (default {@value RegressionProblem#DEFAULT_NOISE_VARIANCE});
         * 0 puts every point on the line.
         *
         * @param variance a finite value {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code variance} is negative or not finite
         */
        public Builder noiseVariance(double variance) {
            this.noiseSigma = Math.sqrt(Checks.nonNegative("noiseVariance", variance));
            return this;
        }

        /**
         * The standard deviation of the noise (default {@code √10}); 0 puts every point on the
         * line.
         *
         * @param sigma a finite value {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code sigma} is negative or not finite
         */
        public Builder noiseSigma(double sigma) {
            this.noiseSigma = Checks.nonNegative("noiseSigma", sigma);
            return this;
        }

        /**
         * Builds the problem.
         *
         * @return an immutable problem with these settings
         */
        public RegressionProblem build() {
            return new RegressionProblem(this);
        }
    }
}
