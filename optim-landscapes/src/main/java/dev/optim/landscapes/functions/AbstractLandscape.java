package dev.optim.landscapes.functions;

import dev.optim.core.Checks;
import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Minimum;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What every landscape shares: the metadata, the argument checks, and the plumbing of the batched
 * form (columns in, columns out). A subclass writes the function twice, once on {@code double}s
 * ({@link #compute}) and once on columns ({@link #computeBatch}), with the same operations in the
 * same order, using {@link Columns} for everything but plain arithmetic.
 */
abstract class AbstractLandscape implements Landscape {

    private final String name;
    private final int n;
    private final boolean anyDimension;
    private final Domain domain;
    private final List<Minimum> minima;
    private final String description;

    AbstractLandscape(String name, int n, boolean anyDimension, Domain domain,
            List<Minimum> minima, String description) {
        this.name = name;
        this.n = n;
        this.anyDimension = anyDimension;
        this.domain = domain;
        this.minima = List.copyOf(minima);
        this.description = description;
    }

    /**
     * Requires {@code 2 ≤ n ≤ Domain.MAX_DIMENSION} for a landscape defined in any dimension.
     *
     * @param name the landscape's name, for the message
     * @param n the requested dimension
     * @return {@code n}
     */
    static int requireDimension(String name, int n) {
        if (n < 2 || n > Domain.MAX_DIMENSION) {
            throw new IllegalArgumentException("n (the dimension of " + name + ") must be in [2, "
                    + Domain.MAX_DIMENSION + "], got " + n);
        }
        return n;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final long dimension() {
        return n;
    }

    @Override
    public final Domain domain() {
        return domain;
    }

    @Override
    public final List<Minimum> minima() {
        return minima;
    }

    @Override
    public final double evaluate(double[] params, double[] gradient) {
        Checks.length("params", params, n);
        Checks.length("gradient", gradient, n);
        return compute(params, gradient);
    }

    @Override
    public final double value(double[] params) {
        Checks.length("params", params, n);
        return compute(params, new double[n]);
    }

    @Override
    public final void evaluateBatch(INDArray points, INDArray valuesOut, INDArray gradientsOut) {
        long k = checkBatch(points, valuesOut, gradientsOut);
        INDArray p = points.dataType() == DataType.DOUBLE ? points
                : points.castTo(DataType.DOUBLE);
        INDArray[] x = new INDArray[n];
        for (int j = 0; j < n; j++) {
            x[j] = p.get(NDArrayIndex.all(), NDArrayIndex.point(j)).dup('c').reshape(k);
        }
        INDArray[] g = new INDArray[n];
        INDArray f = computeBatch(x, g);
        valuesOut.assign(f.reshape(valuesOut.shape()));
        gradientsOut.assign(Nd4j.stack(1, g));
    }

    /**
     * The function on {@code double}s.
     *
     * @param x the point, of length {@code n} (checked)
     * @param g where the gradient is written, of length {@code n} (checked)
     * @return {@code f(x)}
     */
    abstract double compute(double[] x, double[] g);

    /**
     * The function on columns, with the operations of {@link #compute} in the same order.
     *
     * @param x the coordinate columns, {@code n} fresh DOUBLE arrays of shape {@code [K]}, which
     *     must not be modified (a column may be reused by several terms)
     * @param g where to put the {@code n} gradient columns, each of shape {@code [K]}
     * @return the values, shape {@code [K]}
     */
    abstract INDArray computeBatch(INDArray[] x, INDArray[] g);

    private long checkBatch(INDArray points, INDArray valuesOut, INDArray gradientsOut) {
        Checks.floatingArray("points", points);
        Checks.floatingArray("valuesOut", valuesOut);
        Checks.floatingArray("gradientsOut", gradientsOut);
        if (points.rank() != 2 || points.size(1) != n) {
            throw new IllegalArgumentException("points must be a K x " + n + " matrix (one "
                    + n + "-D point per row) for " + name + ", got shape "
                    + Arrays.toString(points.shape()));
        }
        long k = points.size(0);
        long[] vs = valuesOut.shape();
        boolean vector = valuesOut.length() == k
                && (vs.length == 1 || (vs.length == 2 && (vs[0] == 1 || vs[1] == 1)));
        if (!vector) {
            throw new IllegalArgumentException("valuesOut must be a vector of length " + k
                    + " (the rows of points " + Arrays.toString(points.shape()) + "), got shape "
                    + Arrays.toString(vs));
        }
        if (!Arrays.equals(gradientsOut.shape(), points.shape())) {
            throw new IllegalArgumentException("gradientsOut must have the shape of points "
                    + Arrays.toString(points.shape()) + ", got "
                    + Arrays.toString(gradientsOut.shape()));
        }
        return k;
    }

    /**
     * The name, with the dimension for a landscape defined in any dimension.
     *
     * @return for example {@code "himmelblau"} or {@code "rosenbrock(n=10)"}
     */
    @Override
    public String toString() {
        return anyDimension ? name + "(n=" + n + ")" : name;
    }
}
