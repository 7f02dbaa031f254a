package dev.optim.landscapes.regression;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Checks;
import dev.optim.core.StochasticObjective;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The article's L2 objective of a line fit, over {@code θ = (w, b)} (slope, intercept):
 * {@code L(θ) = (1/N)·Σᵢ (w·xᵢ + b − yᵢ)²}, the mean squared error (PyTorch's {@code MSELoss}),
 * or the same mean over a mini-batch {@code B} of indices.
 *
 * <p>Gradient, with residuals {@code rᵢ = w·xᵢ + b − yᵢ}:
 * {@code ∂L/∂w = (2/|B|)·Σ rᵢ·xᵢ}, {@code ∂L/∂b = (2/|B|)·Σ rᵢ}. A batch may repeat an index
 * (sampling with replacement); each occurrence counts.
 *
 * <p>Immutable and thread-safe; it allocates nothing per evaluation on the {@code double[]} path.
 * Which indices form a batch, and in what order (the article's sequential batches, or shuffled),
 * is up to the caller.
 */
public final class RegressionObjective implements StochasticObjective, ArrayObjective {

    private final RegressionData data;
    private final double[] x;
    private final double[] y;

    /**
     * The objective on a data set.
     *
     * @param data the points
     * @throws IllegalArgumentException if {@code data} is null
     */
    public RegressionObjective(RegressionData data) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        this.data = data;
        this.x = data.xRef();
        this.y = data.yRef();
    }

    /**
     * The data this objective is computed on.
     *
     * @return the points
     */
    public RegressionData data() {
        return data;
    }

    /**
     * Two parameters, slope and intercept.
     *
     * @return 2
     */
    @Override
    public long dimension() {
        return 2;
    }

    /**
     * The number of points.
     *
     * @return {@code N}
     */
    @Override
    public int size() {
        return x.length;
    }

    /**
     * The loss over all points, and its gradient.
     *
     * @param params {@code θ = (w, b)}; not modified
     * @param gradient where {@code (∂L/∂w, ∂L/∂b)} is written
     * @return {@code L(θ)}
     * @throws IllegalArgumentException if an array is null or not of length 2
     */
    @Override
    public double evaluate(double[] params, double[] gradient) {
        Checks.length("params", params, 2);
        Checks.length("gradient", gradient, 2);
        double w = params[0];
        double b = params[1];
        double sum = 0;
        double gw = 0;
        double gb = 0;
        for (int i = 0; i < x.length; i++) {
            double r = w * x[i] + b - y[i];
            sum += r * r;
            gw += r * x[i];
            gb += r;
        }
        return finish(sum, gw, gb, x.length, gradient);
    }

    /**
     * The loss over a mini-batch, and its gradient.
     *
     * @param params {@code θ = (w, b)}; not modified
     * @param batch the indices of the points, each in {@code [0, size())}; not modified
     * @param gradient where {@code (∂L_B/∂w, ∂L_B/∂b)} is written
     * @return {@code L_B(θ)}, the mean over the batch
     * @throws IllegalArgumentException if an array is null, {@code params} or {@code gradient} is
     *     not of length 2, {@code batch} is empty, or an index is out of range
     */
    public double evaluate(double[] params, int[] batch, double[] gradient) {
        Checks.length("params", params, 2);
        Checks.length("gradient", gradient, 2);
        checkBatch(batch);
        double w = params[0];
        double b = params[1];
        double sum = 0;
        double gw = 0;
        double gb = 0;
        for (int i : batch) {
            double r = w * x[i] + b - y[i];
            sum += r * r;
            gw += r * x[i];
            gb += r;
        }
        return finish(sum, gw, gb, batch.length, gradient);
    }

    /**
     * The loss over a mini-batch, and its gradient, on ND4J arrays.
     *
     * @param params {@code θ = (w, b)}, FLOAT or DOUBLE; not modified
     * @param batch the indices of the points, each in {@code [0, size())}; not modified
     * @param gradient where the gradient is written; same length and data type as {@code params}
     * @return {@code L_B(θ)}
     * @throws IllegalArgumentException if {@code batch} is null, empty or holds an index out of
     *     range, or if the lengths or data types do not match
     */
    @Override
    public double evaluate(INDArray params, int[] batch, INDArray gradient) {
        Checks.floatingArray("params", params);
        Checks.floatingArray("gradient", gradient);
        Checks.length("params", params, 2);
        Checks.sameShapeAndType("params", params, "gradient", gradient);
        double[] g = new double[2];
        double f = evaluate(params.toDoubleVector(), batch, g);
        gradient.putScalar(0, g[0]);
        gradient.putScalar(1, g[1]);
        return f;
    }

    private void checkBatch(int[] batch) {
        if (batch == null || batch.length == 0) {
            throw new IllegalArgumentException("batch must hold at least 1 index, got "
                    + (batch == null ? "null" : "none"));
        }
        for (int k = 0; k < batch.length; k++) {
            if (batch[k] < 0 || batch[k] >= x.length) {
                throw new IllegalArgumentException("batch[" + k + "] must be in [0, " + x.length
                        + "), got " + batch[k]);
            }
        }
    }

    private static double finish(double sum, double gw, double gb, int n, double[] gradient) {
        gradient[0] = 2 * gw / n;
        gradient[1] = 2 * gb / n;
        return sum / n;
    }

    /**
     * A short description.
     *
     * @return the objective and the number of points
     */
    @Override
    public String toString() {
        return "RegressionObjective[mean squared error of w·x + b over " + x.length + " points]";
    }
}
