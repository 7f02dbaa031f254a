package dev.optim.landscapes.sharpness;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Checks;
import dev.optim.core.Objective;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Evaluates an objective at points held as {@code double[]}: directly for an
 * {@link ArrayObjective}, otherwise through arrays of the reference point's shape and data type.
 * Not thread-safe (it reuses its arrays).
 */
final class Points {

    private final Objective objective;
    private final ArrayObjective plain;
    private final long[] shape;
    private final DataType dataType;
    private final int dimension;
    private INDArray x;
    private INDArray g;

    Points(Objective objective, INDArray theta) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        Checks.floatingArray("theta", theta);
        Checks.length("theta", theta, objective.dimension());
        if (theta.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("theta must have at most "
                    + (Integer.MAX_VALUE - 8) + " elements, got " + theta.length());
        }
        this.objective = objective;
        this.plain = objective instanceof ArrayObjective a ? a : null;
        this.shape = theta.shape();
        this.dataType = theta.dataType();
        this.dimension = (int) theta.length();
    }

    int dimension() {
        return dimension;
    }

    /** The value at {@code point}, with the gradient written into {@code gradient}. */
    double evaluate(double[] point, double[] gradient) {
        if (plain != null) {
            return plain.evaluate(point, gradient);
        }
        bind(point);
        double f = objective.evaluate(x, g);
        double[] gv = g.reshape(dimension).toDoubleVector();
        System.arraycopy(gv, 0, gradient, 0, dimension);
        return f;
    }

    /** The value at {@code point}. */
    double value(double[] point) {
        if (plain != null) {
            return plain.value(point);
        }
        bind(point);
        return objective.value(x);
    }

    private void bind(double[] point) {
        INDArray p = Nd4j.createFromArray(point).castTo(dataType).reshape(shape);
        if (x == null) {
            x = p;
            g = p.like();
        } else {
            x.assign(p);
        }
    }

    /** The flat values of {@code theta} in float64. */
    static double[] flat(INDArray theta) {
        return theta.reshape(theta.length()).toDoubleVector();
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static void requireFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got "
                        + v[i]);
            }
        }
    }
}
