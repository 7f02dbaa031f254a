package dev.optim.core;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Argument checks shared by Optim's modules. Each throws {@link IllegalArgumentException} with a
 * message that names the parameter, the value and what was expected, for example
 * {@code "beta1 must be in [0, 1), got 1.2"}.
 */
public final class Checks {

    private Checks() {}

    /**
     * Requires a finite value.
     *
     * @param name the parameter's name
     * @param value the value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /**
     * Requires a finite value {@code ≥ 0}.
     *
     * @param name the parameter's name
     * @param value the value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is negative, NaN or infinite
     */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /**
     * Requires a finite value {@code > 0}.
     *
     * @param name the parameter's name
     * @param value the value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is not positive, or is NaN or infinite
     */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /**
     * Requires a value in the half-open interval {@code [lo, hi)}.
     *
     * @param name the parameter's name
     * @param value the value
     * @param lo the inclusive lower bound
     * @param hi the exclusive upper bound
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is outside {@code [lo, hi)} or NaN
     */
    public static double inRangeOpen(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new IllegalArgumentException(
                    name + " must be in [" + fmt(lo) + ", " + fmt(hi) + "), got " + value);
        }
        return value;
    }

    /**
     * Requires a value in the closed interval {@code [lo, hi]}.
     *
     * @param name the parameter's name
     * @param value the value
     * @param lo the inclusive lower bound
     * @param hi the inclusive upper bound
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is outside {@code [lo, hi]} or NaN
     */
    public static double inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(
                    name + " must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + value);
        }
        return value;
    }

    /**
     * Requires a step {@code ≥ 0}.
     *
     * @param step the step
     * @return {@code step}
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public static long step(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        return step;
    }

    /**
     * Requires a non-null, non-empty array of a floating-point data type.
     *
     * @param name the parameter's name
     * @param array the array
     * @return {@code array}
     * @throws IllegalArgumentException if {@code array} is null, empty or not floating point
     */
    public static INDArray floatingArray(String name, INDArray array) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (array.isEmpty() || array.length() == 0) {
            throw new IllegalArgumentException(
                    name + " must not be empty, got shape " + Arrays.toString(array.shape()));
        }
        DataType t = array.dataType();
        if (t != DataType.DOUBLE && t != DataType.FLOAT) {
            throw new IllegalArgumentException(
                    name + " must be FLOAT or DOUBLE, got " + t);
        }
        return array;
    }

    /**
     * Requires two arrays of the same shape and data type.
     *
     * @param nameA the first parameter's name
     * @param a the first array
     * @param nameB the second parameter's name
     * @param b the second array
     * @throws IllegalArgumentException if the shapes or data types differ
     */
    public static void sameShapeAndType(String nameA, INDArray a, String nameB, INDArray b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException((a == null ? nameA : nameB) + " must not be null");
        }
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(nameB + " must have the shape of " + nameA + " "
                    + Arrays.toString(a.shape()) + ", got " + Arrays.toString(b.shape()));
        }
        if (a.dataType() != b.dataType()) {
            throw new IllegalArgumentException(nameB + " must have the data type of " + nameA
                    + " (" + a.dataType() + "), got " + b.dataType());
        }
    }

    /**
     * Requires two arrays of the same length.
     *
     * @param nameA the first parameter's name
     * @param a the first array
     * @param nameB the second parameter's name
     * @param b the second array
     * @throws IllegalArgumentException if the lengths differ
     */
    public static void sameLength(String nameA, INDArray a, String nameB, INDArray b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException((a == null ? nameA : nameB) + " must not be null");
        }
        if (a.length() != b.length()) {
            throw new IllegalArgumentException(nameB + " must have the length of " + nameA + " ("
                    + a.length() + "), got " + b.length() + " (shapes "
                    + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()) + ")");
        }
    }

    /**
     * Requires an array of the given length.
     *
     * @param name the parameter's name
     * @param a the array
     * @param length the expected length
     * @throws IllegalArgumentException if the length differs
     */
    public static void length(String name, INDArray a, long length) {
        if (a == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (a.length() != length) {
            throw new IllegalArgumentException(name + " must have length " + length + ", got "
                    + a.length() + " (shape " + Arrays.toString(a.shape()) + ")");
        }
    }

    /**
     * Requires a Java array of the given length.
     *
     * @param name the parameter's name
     * @param a the array
     * @param length the expected length
     * @throws IllegalArgumentException if {@code a} is null or its length differs
     */
    public static void length(String name, double[] a, long length) {
        if (a == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (a.length != length) {
            throw new IllegalArgumentException(
                    name + " must have length " + length + ", got " + a.length);
        }
    }

    /**
     * Requires two arrays that do not share memory: neither the same array nor views whose
     * element ranges intersect in one buffer. Meant for an output that must not alias an input
     * (an update's gradient and parameters, a loss's gradient and its predictions or targets);
     * checked before any memory is touched. Allocates nothing.
     *
     * @param nameA the first parameter's name
     * @param a the first array
     * @param nameB the second parameter's name
     * @param b the second array
     * @throws IllegalArgumentException if an array is null, or the two overlap in memory
     */
    public static void disjoint(String nameA, INDArray a, String nameB, INDArray b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException((a == null ? nameA : nameB) + " must not be null");
        }
        if (HostMemory.overlap(a, b)) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " must not share memory, "
                    + "but " + (a == b ? "they are the same array" : "their ranges of one buffer "
                    + "overlap (offsets " + a.offset() + " and " + b.offset() + ", lengths "
                    + a.length() + " and " + b.length() + ")")
                    + "; use separate arrays (for example " + nameB + ".dup())");
        }
    }

    /**
     * Requires two Java arrays that are not the same array (Java arrays cannot partly overlap).
     *
     * @param nameA the first parameter's name
     * @param a the first array
     * @param nameB the second parameter's name
     * @param b the second array
     * @throws IllegalArgumentException if {@code a} and {@code b} are the same array
     */
    public static void disjoint(String nameA, double[] a, String nameB, double[] b) {
        if (a == b && a != null) {
            throw new IllegalArgumentException(nameA + " and " + nameB
                    + " must not share memory, but they are the same array; use separate arrays"
                    + " (for example " + nameB + ".clone())");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
