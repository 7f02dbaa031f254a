package dev.optim.search;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * The Sobol low-discrepancy sequence in up to {@value JoeKuo#MAX_DIMENSION} dimensions, with
 * Joe and Kuo's direction numbers ({@code new-joe-kuo-6.21201}), 32-bit, in Gray-code order (point
 * {@code n} is the XOR of the direction numbers {@code v_k} for the set bits of
 * {@code n ^ (n >> 1)}), as SciPy's {@code scipy.stats.qmc.Sobol(scramble=False)}.
 *
 * <p>{@link #scrambled(int, long)} applies Matoušek's random linear matrix scramble (a random
 * lower-triangular binary matrix with unit diagonal per dimension, applied to the direction
 * numbers) and a random digital shift (an XOR of every point with a random 32-bit word per
 * dimension), as SciPy's {@code scramble=True}. Both keep the net property: the first
 * {@code 2^m} points put exactly one point in each interval {@code [j/2^m, (j+1)/2^m)} of every
 * coordinate. Points are computed directly from their index, so any point costs {@code O(32·d)}.
 *
 * <p>References: I. M. Sobol', USSR Comput. Math. Math. Phys. 7 (1967); S. Joe and F. Y. Kuo,
 * SIAM J. Sci. Comput. 30 (2008); J. Matoušek, "On the L2-discrepancy for anchored boxes",
 * J. Complexity 14 (1998); A. B. Owen, "Scrambling Sobol' and Niederreiter–Xing points",
 * J. Complexity 14 (1998).
 *
 * @serial exclude
 */
public final class SobolSequence implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int BITS = 32;
    private static final double SCALE = 0x1p-32;

    private final int dimension;
    /** v[j][k]: direction number k (k = 0 for the most significant bit) of dimension j. */
    private final long[][] v;
    private final long[] shift;

    private SobolSequence(int dimension, long[][] v, long[] shift) {
        this.dimension = dimension;
        this.v = v;
        this.shift = shift;
    }

    /**
     * The unscrambled sequence (its first point is the origin).
     *
     * @param dimension the number of coordinates, in {@code [1, 40]}
     * @return the sequence
     * @throws IllegalArgumentException if the dimension is out of range
     */
    public static SobolSequence unscrambled(int dimension) {
        return new SobolSequence(dimension, directions(dimension), new long[dimension]);
    }

    /**
     * A scrambled sequence: linear matrix scramble and digital shift drawn from {@code seed}.
     *
     * @param dimension the number of coordinates, in {@code [1, 40]}
     * @param seed the scramble's seed
     * @return the sequence
     * @throws IllegalArgumentException if the dimension is out of range
     */
    public static SobolSequence scrambled(int dimension, long seed) {
        long[][] v = directions(dimension);
        long[] shift = new long[dimension];
        var rng = new SplittableRandom(seed);
        for (int j = 0; j < dimension; j++) {
            // Row r of L (digit r, r = 0 most significant) as a mask over the digits c <= r:
            // digit c sits at bit (31 - c); the diagonal is 1, the entries below it random.
            long[] rows = new long[BITS];
            for (int r = 0; r < BITS; r++) {
                long below = r == 0 ? 0 : (rng.nextLong() >>> (64 - r)) << (BITS - r);
                rows[r] = (below | (1L << (BITS - 1 - r))) & 0xFFFFFFFFL;
            }
            for (int k = 0; k < BITS; k++) {
                long x = v[j][k];
                long y = 0;
                for (int r = 0; r < BITS; r++) {
                    y |= (long) (Long.bitCount(rows[r] & x) & 1) << (BITS - 1 - r);
                }
                v[j][k] = y;
            }
            shift[j] = rng.nextLong() & 0xFFFFFFFFL;
        }
        return new SobolSequence(dimension, v, shift);
    }

    private static long[][] directions(int dimension) {
        if (dimension < 1 || dimension > JoeKuo.MAX_DIMENSION) {
            throw new IllegalArgumentException("Sobol dimension must be in [1, " + JoeKuo.MAX_DIMENSION
                    + "], got " + dimension);
        }
        long[][] v = new long[dimension][BITS];
        for (int k = 0; k < BITS; k++) {
            v[0][k] = 1L << (BITS - 1 - k);
        }
        for (int j = 1; j < dimension; j++) {
            int[] row = JoeKuo.TABLE[j - 1];
            int s = row[1];
            int a = row[2];
            long[] m = new long[BITS + 1];
            for (int k = 1; k <= s; k++) {
                m[k] = row[2 + k];
            }
            for (int k = s + 1; k <= BITS; k++) {
                long x = m[k - s] ^ (m[k - s] << s);
                for (int i = 1; i < s; i++) {
                    if (((a >>> (s - 1 - i)) & 1) != 0) {
                        x ^= m[k - i] << i;
                    }
                }
                m[k] = x;
            }
            for (int k = 1; k <= BITS; k++) {
                v[j][k - 1] = m[k] << (BITS - k);
            }
        }
        return v;
    }

    /**
     * The number of coordinates.
     *
     * @return the dimension
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Point {@code n} of the sequence.
     *
     * @param n the index, in {@code [0, 2^32)}
     * @return the point, each coordinate in {@code [0, 1)}
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public double[] point(long n) {
        if (n < 0 || n >= (1L << BITS)) {
            throw new IllegalArgumentException("Sobol index must be in [0, 2^32), got " + n);
        }
        long gray = n ^ (n >>> 1);
        double[] x = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            long bits = shift[j];
            long g = gray;
            for (int k = 0; g != 0; k++, g >>>= 1) {
                if ((g & 1) != 0) {
                    bits ^= v[j][k];
                }
            }
            x[j] = bits * SCALE;
        }
        return x;
    }
}
