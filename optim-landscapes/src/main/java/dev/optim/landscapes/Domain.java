package dev.optim.landscapes;

import dev.optim.core.Checks;
import java.util.Arrays;

/**
 * A box {@code [lo₁, hi₁] × … × [loₙ, hiₙ]}: the recommended plotting (and search) region of a
 * {@link Landscape}, one closed interval per axis.
 *
 * <p>Immutable: the arrays are copied on the way in and on the way out.
 *
 * @param lo the lower bound of each axis; finite
 * @param hi the upper bound of each axis; finite, {@code hi[i] > lo[i]}
 */
public record Domain(double[] lo, double[] hi) {

    /**
     * The most axes {@link #cube} makes, and the largest dimension of a landscape:
     * {@value} (2^24; a point then takes 128 MB as doubles).
     */
    public static final int MAX_DIMENSION = 1 << 24;

    /**
     * Validates and copies the bounds.
     *
     * @param lo the lower bound of each axis
     * @param hi the upper bound of each axis
     * @throws IllegalArgumentException if either is null or empty, their lengths differ, a bound
     *     is not finite, or {@code hi[i] <= lo[i]} or {@code hi[i] − lo[i]} overflows to infinity
     *     on some axis
     */
    public Domain {
        if (lo == null || hi == null) {
            throw new IllegalArgumentException((lo == null ? "lo" : "hi") + " must not be null");
        }
        if (lo.length == 0) {
            throw new IllegalArgumentException("lo must have at least 1 axis, got 0");
        }
        Checks.length("hi", hi, lo.length);
        lo = lo.clone();
        hi = hi.clone();
        for (int i = 0; i < lo.length; i++) {
            Checks.finite("lo[" + i + "]", lo[i]);
            Checks.finite("hi[" + i + "]", hi[i]);
            if (!(hi[i] > lo[i])) {
                throw new IllegalArgumentException("hi[" + i + "] must be > lo[" + i + "] = "
                        + lo[i] + ", got " + hi[i]);
            }
            if (!Double.isFinite(hi[i] - lo[i])) {
                throw new IllegalArgumentException("hi[" + i + "] − lo[" + i + "] must be finite "
                        + "(at most " + Double.MAX_VALUE + "), got [" + lo[i] + ", " + hi[i] + "]");
            }
        }
    }

    /**
     * The same interval {@code [lo, hi]} on each of {@code n} axes.
     *
     * @param n the number of axes, in {@code [1, MAX_DIMENSION]}
     * @param lo the lower bound
     * @param hi the upper bound, {@code > lo}
     * @return the box {@code [lo, hi]ⁿ}
     * @throws IllegalArgumentException if {@code n} is outside {@code [1, MAX_DIMENSION]} or the
     *     bounds are invalid
     */
    public static Domain cube(int n, double lo, double hi) {
        if (n < 1 || n > MAX_DIMENSION) {
            throw new IllegalArgumentException("n must be in [1, " + MAX_DIMENSION + "], got " + n);
        }
        double[] l = new double[n];
        double[] h = new double[n];
        Arrays.fill(l, lo);
        Arrays.fill(h, hi);
        return new Domain(l, h);
    }

    /**
     * A 2-D box {@code [xLo, xHi] × [yLo, yHi]}.
     *
     * @param xLo the lower bound of the first axis
     * @param xHi the upper bound of the first axis
     * @param yLo the lower bound of the second axis
     * @param yHi the upper bound of the second axis
     * @return the box
     * @throws IllegalArgumentException if the bounds are invalid
     */
    public static Domain of(double xLo, double xHi, double yLo, double yHi) {
        return new Domain(new double[] {xLo, yLo}, new double[] {xHi, yHi});
    }

    /**
     * The lower bounds.
     *
     * @return a copy of the lower bound of each axis
     */
    @Override
    public double[] lo() {
        return lo.clone();
    }

    /**
     * The upper bounds.
     *
     * @return a copy of the upper bound of each axis
     */
    @Override
    public double[] hi() {
        return hi.clone();
    }

    /**
     * The number of axes.
     *
     * @return the number of axes, at least 1
     */
    public int dimension() {
        return lo.length;
    }

    /**
     * The lower bound of one axis.
     *
     * @param axis the axis, in {@code [0, dimension())}
     * @return its lower bound
     * @throws IllegalArgumentException if {@code axis} is out of range
     */
    public double lo(int axis) {
        return lo[checkAxis(axis)];
    }

    /**
     * The upper bound of one axis.
     *
     * @param axis the axis, in {@code [0, dimension())}
     * @return its upper bound
     * @throws IllegalArgumentException if {@code axis} is out of range
     */
    public double hi(int axis) {
        return hi[checkAxis(axis)];
    }

    /**
     * Whether a point lies in the closed box.
     *
     * @param point the point, of length {@link #dimension()}
     * @return {@code true} if {@code lo[i] <= point[i] <= hi[i]} on every axis
     * @throws IllegalArgumentException if {@code point} is null or of the wrong length
     */
    public boolean contains(double[] point) {
        Checks.length("point", point, lo.length);
        for (int i = 0; i < lo.length; i++) {
            if (!(point[i] >= lo[i] && point[i] <= hi[i])) {
                return false;
            }
        }
        return true;
    }

    private int checkAxis(int axis) {
        if (axis < 0 || axis >= lo.length) {
            throw new IllegalArgumentException(
                    "axis must be in [0, " + lo.length + "), got " + axis);
        }
        return axis;
    }

    /**
     * Compares the bounds element by element.
     *
     * @param other the other object
     * @return {@code true} if {@code other} is a domain with the same bounds
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Domain d && Arrays.equals(lo, d.lo) && Arrays.equals(hi, d.hi);
    }

    /**
     * A hash of the bounds.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lo) + Arrays.hashCode(hi);
    }

    /**
     * The box as {@code [lo, hi] × …}.
     *
     * @return for example {@code "[-5.0, 5.0] × [-5.0, 5.0]"}
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lo.length; i++) {
            if (i > 0) {
                s.append(" × ");
            }
            s.append('[').append(lo[i]).append(", ").append(hi[i]).append(']');
        }
        return s.toString();
    }
}
