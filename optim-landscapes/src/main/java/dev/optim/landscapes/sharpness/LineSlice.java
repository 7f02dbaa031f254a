package dev.optim.landscapes.sharpness;

import dev.optim.core.Checks;
import dev.optim.core.Objective;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss along a line through parameter space, the 1-D companion of
 * {@link dev.optim.landscapes.Surface#slice}:
 *
 * <ul>
 *   <li>{@link #between}: {@code f((1 − α)·θ₁ + α·θ₂)}, the linear interpolation between two
 *       solutions (Goodfellow et al. 2015; Keskar et al. 2017, Figure 3, with {@code θ₁} the
 *       small-batch and {@code θ₂} the large-batch solution, {@code α} beyond {@code [0, 1]} to see
 *       past both);
 *   <li>{@link #along}: {@code f(θ + α·d)}, along a direction such as a filter-normalised random
 *       one ({@link dev.optim.landscapes.Directions}, Li et al. 2018).
 * </ul>
 *
 * <p>Each point is formed in float64 and evaluated in the parameters' data type.
 */
public final class LineSlice {

    /** The largest number of points of one slice: {@value}. */
    public static final int MAX_POINTS = 1_000_000;

    private LineSlice() {}

    /**
     * {@code count} evenly spaced values from {@code lo} to {@code hi}, both included.
     *
     * @param lo the first value, finite
     * @param hi the last value, finite and {@code > lo}
     * @param count the number of values, in {@code [2, MAX_POINTS]}
     * @return the values
     * @throws IllegalArgumentException if the range is not finite or empty, or {@code count} is
     *     out of range
     */
    public static double[] linspace(double lo, double hi, int count) {
        Checks.finite("lo", lo);
        Checks.finite("hi", hi);
        if (!(hi > lo) || !Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException("hi must be > lo with a finite span, got lo=" + lo
                    + ", hi=" + hi);
        }
        if (count < 2 || count > MAX_POINTS) {
            throw new IllegalArgumentException("count must be in [2, " + MAX_POINTS + "], got "
                    + count);
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = i == count - 1 ? hi : lo + (hi - lo) * i / (count - 1);
        }
        return v;
    }

    /**
     * The loss on the line between two solutions: {@code f((1 − α)·θ₁ + α·θ₂)} for each
     * {@code α}.
     *
     * @param objective the loss {@code f}
     * @param from {@code θ₁} (α = 0); not modified
     * @param to {@code θ₂} (α = 1), of the shape and data type of {@code from}; not modified
     * @param alphas the positions, finite, at most {@value #MAX_POINTS}
     * @return the values, one per position
     * @throws IllegalArgumentException if an argument is null, not finite, or the shapes differ
     */
    public static double[] between(Objective objective, INDArray from, INDArray to,
            double[] alphas) {
        Checks.sameShapeAndType("from", from, "to", to);
        Points points = new Points(objective, from);
        double[] a = Points.flat(from);
        double[] b = Points.flat(to);
        Points.requireFinite("from", a);
        Points.requireFinite("to", b);
        checkAlphas(alphas);
        double[] point = new double[a.length];
        double[] values = new double[alphas.length];
        for (int k = 0; k < alphas.length; k++) {
            double t = alphas[k];
            for (int i = 0; i < a.length; i++) {
                point[i] = (1 - t) * a[i] + t * b[i];
            }
            values[k] = points.value(point);
        }
        return values;
    }

    /**
     * The loss along a direction: {@code f(θ + α·d)} for each {@code α}.
     *
     * @param objective the loss {@code f}
     * @param theta {@code θ}; not modified
     * @param direction {@code d}, of the shape and data type of {@code theta}; not modified
     * @param alphas the positions, finite, at most {@value #MAX_POINTS}
     * @return the values, one per position
     * @throws IllegalArgumentException if an argument is null, not finite, or the shapes differ
     */
    public static double[] along(Objective objective, INDArray theta, INDArray direction,
            double[] alphas) {
        Checks.sameShapeAndType("theta", theta, "direction", direction);
        Points points = new Points(objective, theta);
        double[] x = Points.flat(theta);
        double[] d = Points.flat(direction);
        Points.requireFinite("theta", x);
        Points.requireFinite("direction", d);
        checkAlphas(alphas);
        double[] point = new double[x.length];
        double[] values = new double[alphas.length];
        for (int k = 0; k < alphas.length; k++) {
            for (int i = 0; i < x.length; i++) {
                point[i] = x[i] + alphas[k] * d[i];
            }
            values[k] = points.value(point);
        }
        return values;
    }

    private static void checkAlphas(double[] alphas) {
        if (alphas == null || alphas.length == 0 || alphas.length > MAX_POINTS) {
            throw new IllegalArgumentException("alphas must hold 1 to " + MAX_POINTS
                    + " positions, got " + (alphas == null ? "null" : alphas.length));
        }
        Points.requireFinite("alphas", alphas);
    }
}
