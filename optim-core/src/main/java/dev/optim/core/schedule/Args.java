package dev.optim.core.schedule;

/** Argument checks of this package that {@link dev.optim.core.Checks} does not offer. */
final class Args {

    private Args() {}

    /**
     * Requires {@code value ≥ min}.
     *
     * @param name the parameter's name
     * @param value the value
     * @param min the smallest valid value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is below {@code min}
     */
    static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /**
     * Requires a non-null reference.
     *
     * @param name the parameter's name
     * @param value the reference
     * @param <T> its type
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null
     */
    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * Requires boundaries that are at least 1 and strictly increasing.
     *
     * @param name the parameter's name
     * @param boundaries the boundaries
     * @return a copy of {@code boundaries}
     * @throws IllegalArgumentException if {@code boundaries} is null, or an element is below 1
     *     or not above its predecessor
     */
    static long[] boundaries(String name, long[] boundaries) {
        notNull(name, boundaries);
        long[] copy = boundaries.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 1) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] must be >= 1, got " + copy[i]);
            }
            if (i > 0 && copy[i] <= copy[i - 1]) {
                throw new IllegalArgumentException(name + " must be strictly increasing, got "
                        + name + "[" + (i - 1) + "] = " + copy[i - 1] + " and "
                        + name + "[" + i + "] = " + copy[i]);
            }
        }
        return copy;
    }

    /**
     * The number of boundaries that are {@code ≤ step}: the index of the piece that holds
     * {@code step}.
     *
     * @param boundaries strictly increasing boundaries
     * @param step the step
     * @return the piece index, in {@code [0, boundaries.length]}
     */
    static int piece(long[] boundaries, long step) {
        int i = java.util.Arrays.binarySearch(boundaries, step);
        return i >= 0 ? i + 1 : -(i + 1);
    }

    /**
     * {@code initial·γ^n}, finite wherever the result is, even where {@code γ^n} alone would
     * overflow or underflow (then by logarithms, to a relative error of about
     * {@code |n·ln γ|·2⁻⁵³}).
     *
     * @param initial the factor, {@code ≥ 0}
     * @param gamma the base, {@code > 0}
     * @param n the exponent, {@code ≥ 0}
     * @return {@code initial·γ^n}; {@code +∞} if that exceeds the double range
     */
    static double scaledPower(double initial, double gamma, double n) {
        double power = Math.pow(gamma, n);
        if (initial == 0) {
            return 0;
        }
        if (power >= Double.MIN_NORMAL && power <= Double.MAX_VALUE) {
            return initial * power;
        }
        return Math.exp(Math.log(initial) + n * Math.log(gamma));
    }
}
