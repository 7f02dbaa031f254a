package dev.optim.landscapes;

import dev.optim.core.Checks;
import java.util.Arrays;

/**
 * A known global minimum of a {@link Landscape}: a point and the value there.
 *
 * <p>Immutable: the point is copied on the way in and on the way out. Where the published
 * coordinates are rounded (most of them), the landscapes store coordinates refined to full double
 * precision; each landscape's documentation says how they were obtained.
 *
 * @param point the location of the minimum; finite coordinates
 * @param value the value of the function there; finite
 */
public record Minimum(double[] point, double value) {

    /**
     * Validates and copies the point.
     *
     * @param point the location of the minimum
     * @param value the value of the function there
     * @throws IllegalArgumentException if {@code point} is null or empty, or a coordinate or the
     *     value is not finite
     */
    public Minimum {
        if (point == null || point.length == 0) {
            throw new IllegalArgumentException("point must have at least 1 coordinate, got "
                    + (point == null ? "null" : "0"));
        }
        point = point.clone();
        for (int i = 0; i < point.length; i++) {
            Checks.finite("point[" + i + "]", point[i]);
        }
        Checks.finite("value", value);
    }

    /**
     * The location.
     *
     * @return a copy of the coordinates
     */
    @Override
    public double[] point() {
        return point.clone();
    }

    /**
     * Compares point (element by element) and value.
     *
     * @param other the other object
     * @return {@code true} if {@code other} is a minimum with the same point and value
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Minimum m && Arrays.equals(point, m.point)
                && Double.compare(value, m.value) == 0;
    }

    /**
     * A hash of the point and the value.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(point) + Double.hashCode(value);
    }

    /**
     * The minimum as {@code f([x, y]) = v}.
     *
     * @return a readable form
     */
    @Override
    public String toString() {
        return "f(" + Arrays.toString(point) + ") = " + value;
    }
}
