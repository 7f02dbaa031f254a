package dev.optim.losses;

import dev.optim.core.Checks;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The article's house-price data, generated from a seed: three features on very different
 * scales and a price that is a known linear function of them plus Gaussian noise.
 *
 * <p>For each house {@code i}, with {@code U(a, b)} uniform and {@code 𝒩(0, s²)} Gaussian draws
 * from one {@link java.util.Random} seeded with {@code seed}, in this order:
 *
 * <pre>
 *   area     = U(40, 220)                                   floor area, m²
 *   bedrooms = clamp(round(area/30 + 𝒩(0, 0.75²)), 1, 7)   a whole number, correlated with area
 *   ceiling  = U(2.4, 3.4)                                  ceiling height, m
 *   price    = 25 + 3·area + 12·bedrooms + 40·ceiling + 𝒩(0, noise²)     thousands
 * </pre>
 *
 * <p>The true parameters, in {@link LinearModel}'s layout {@code (w_area, w_bedrooms,
 * w_ceiling, b)}, are {@link #TRUE_PARAMS} {@code = (3, 12, 40, 25)}; the default noise standard
 * deviation is {@value #DEFAULT_NOISE} (thousand). The features span about 180, 6 and 1: a
 * badly conditioned least-squares problem that plain gradient descent solves slowly unless the
 * features are standardised ({@link Standardizer}). {@link java.util.Random} is specified
 * exactly, so a seed gives the same data on every JVM.
 *
 * <pre>{@code
 * HousePrices houses = HousePrices.generate(300, 42);
 * INDArray x = houses.features();   // [300, 3]
 * INDArray y = houses.prices();     // [300]
 * }</pre>
 */
public final class HousePrices {

    /** The names of the three features, in column order. */
    public static final List<String> FEATURE_NAMES =
            List.of("floor area (m²)", "bedrooms", "ceiling height (m)");

    /** The true weights and bias, {@code (w_area, w_bedrooms, w_ceiling, b)}. */
    private static final double[] TRUE = {3.0, 12.0, 40.0, 25.0};

    /** The true parameters {@code (3, 12, 40, 25)} as an unmodifiable list. */
    public static final List<Double> TRUE_PARAMS = List.of(TRUE[0], TRUE[1], TRUE[2], TRUE[3]);

    /** The default noise standard deviation, in thousands. */
    public static final double DEFAULT_NOISE = 20.0;

    /** The most houses {@link #generate} makes: {@value} (2^24; about 1 GB of features). */
    public static final int MAX_HOUSES = 1 << 24;

    private final double[][] features;
    private final double[] prices;
    private final long seed;
    private final double noise;

    private HousePrices(double[][] features, double[] prices, long seed, double noise) {
        this.features = features;
        this.prices = prices;
        this.seed = seed;
        this.noise = noise;
    }

    /**
     * Generates {@code n} houses with the default noise ({@value #DEFAULT_NOISE}).
     *
     * @param n the number of houses, in {@code [1, MAX_HOUSES]}
     * @param seed the seed of the random generator
     * @return the data
     * @throws IllegalArgumentException if {@code n} is outside {@code [1, MAX_HOUSES]}
     */
    public static HousePrices generate(int n, long seed) {
        return generate(n, seed, DEFAULT_NOISE);
    }

    /**
     * Generates {@code n} houses.
     *
     * @param n the number of houses, in {@code [1, MAX_HOUSES]}
     * @param seed the seed of the random generator
     * @param noise the standard deviation of the price noise, finite and {@code ≥ 0} (0 gives
     *     prices exactly on the true plane)
     * @return the data
     * @throws IllegalArgumentException if {@code n} is outside {@code [1, MAX_HOUSES]} or
     *     {@code noise} is negative or not finite
     */
    public static HousePrices generate(int n, long seed, double noise) {
        if (n < 1 || n > MAX_HOUSES) {
            throw new IllegalArgumentException("n must be in [1, " + MAX_HOUSES + "], got " + n);
        }
        Checks.nonNegative("noise", noise);
        Random random = new Random(seed);
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double area = 40 + 180 * random.nextDouble();
            double bedrooms = Math.rint(area / 30 + 0.75 * random.nextGaussian());
            bedrooms = Math.max(1, Math.min(7, bedrooms));
            double ceiling = 2.4 + random.nextDouble();
            x[i][0] = area;
            x[i][1] = bedrooms;
            x[i][2] = ceiling;
            y[i] = TRUE[3] + TRUE[0] * area + TRUE[1] * bedrooms + TRUE[2] * ceiling
                    + noise * random.nextGaussian();
        }
        return new HousePrices(x, y, seed, noise);
    }

    /**
     * The true parameters {@code (3, 12, 40, 25)} as an array in {@link LinearModel}'s layout.
     *
     * @return a new array
     */
    public static double[] trueParams() {
        return TRUE.clone();
    }

    /**
     * The number of houses {@code N}.
     *
     * @return {@code N}
     */
    public int size() {
        return prices.length;
    }

    /**
     * The features: one row per house, columns floor area (m²), bedrooms, ceiling height (m).
     *
     * @return a new DOUBLE array of shape {@code [N, 3]}
     */
    public INDArray features() {
        return Nd4j.createFromArray(features);
    }

    /**
     * The prices, in thousands.
     *
     * @return a new DOUBLE vector of length {@code N}
     */
    public INDArray prices() {
        return Nd4j.createFromArray(prices.clone());
    }

    /**
     * The seed the data was generated from.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The noise standard deviation the data was generated with.
     *
     * @return the noise, {@code ≥ 0}
     */
    public double noise() {
        return noise;
    }

    @Override
    public String toString() {
        return "HousePrices[n=" + prices.length + ", seed=" + seed + ", noise=" + noise + "]";
    }
}
