package dev.optim.losses;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Checks;
import dev.optim.core.Loss;
import dev.optim.core.Reduction;
import dev.optim.core.StochasticObjective;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A loss, a {@link LinearModel} and a data set {@code (X, y)} as an objective of the model's
 * parameters {@code θ = (w₁, …, w_d, b)}:
 *
 * <pre>
 *   f(θ)   = L(X·w + b, y)                    over all N examples
 *   f_B(θ) = L(X_B·w + b, y_B)                over the examples i ∈ B of a mini-batch
 *   ∇f_B   = (X_Bᵀ·g, Σ_{i∈B} g_i),   g = ∂L/∂ŷ   (the chain rule through the model)
 * </pre>
 *
 * <p>With the default {@link L2Loss#mean()}, {@code f(θ) = (1/N) Σ_i (x_i·w + b − y_i)²}, the
 * article's house-price cost, and {@code f_B} is the mean over the batch: the unbiased estimate
 * that stochastic gradient descent follows. With a {@link Reduction#SUM} loss, both are sums
 * over the examples they cover. A batch may name an example more than once (sampling with
 * replacement); it then counts as often as it is named. Choosing the batches (batch size from a
 * schedule, order, the last partial batch) is the job of the descent loop in {@code optim-core};
 * this class evaluates whatever index batch it is given.
 *
 * <p><b>Evaluation.</b> The model is evaluated in plain Java over a {@code double} copy of the
 * data made at construction (later changes to the caller's arrays have no effect). For an
 * {@link L2Loss}, weighted or not, the squared error is fused into the same pass, and a weighted
 * loss's weight {@code w_i} belongs to example {@code i} of the data set (so it needs {@code N}
 * weights). Any other {@link Loss} is called on predictions and targets of shape {@code [|B|]}
 * in the data type of the parameters, so it must accept any number of examples. No INDArray is
 * allocated per evaluation: the other-loss path keeps scratch arrays sized for the largest
 * batch seen. Parameters and gradients may be FLOAT or DOUBLE; arithmetic is in double.
 *
 * <p><b>Thread safety:</b> not thread-safe (it keeps scratch buffers); give each thread its own
 * instance.
 *
 * <pre>{@code
 * ModelObjective f = ModelObjective.l2(x, y);        // x: [N, d], y: [N]
 * INDArray theta = Nd4j.zeros(DataType.DOUBLE, f.dimension());
 * INDArray grad = theta.like();
 * double full = f.evaluate(theta, grad);               // over all N examples
 * double mini = f.evaluate(theta, new int[] {3, 1, 4}, grad);
 * }</pre>
 */
public final class ModelObjective implements StochasticObjective, ArrayObjective {

    private final Loss loss;
    private final LinearModel model;
    private final int n;
    private final int d;
    /** X in row-major order, {@code x[i·d + j] = X_ij}. */
    private final double[] x;
    private final double[] y;
    /** True when {@link #loss} is an {@link L2Loss}: the fused path. */
    private final boolean fusedL2;
    private final boolean mean;
    /** The L2 loss's per-example weights, or null. */
    private final double[] weights;
    private final int[] all;

    private final double[] theta;
    private final double[] acc;

    // Scratch for a loss other than L2Loss, allocated on first use.
    private DataType scratchType;
    private INDArray predBuf;
    private INDArray targetBuf;
    private INDArray gradBuf;
    private int viewSize = -1;
    private INDArray predView;
    private INDArray targetView;
    private INDArray gradView;

    private ModelObjective(Loss loss, LinearModel model, double[] x, double[] y) {
        this.loss = loss;
        this.model = model;
        this.d = model.features();
        this.n = y.length;
        this.x = x;
        this.y = y;
        this.fusedL2 = loss instanceof L2Loss;
        this.mean = loss.reduction() == Reduction.MEAN;
        this.weights = fusedL2 ? ((L2Loss) loss).weightsRef() : null;
        this.all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        this.theta = new double[d + 1];
        this.acc = new double[d + 1];
    }

    /**
     * The objective {@code θ ↦ loss(X·w + b, y)}.
     *
     * @param loss the loss; an {@link L2Loss} is fused into the model pass, any other loss must
     *     accept predictions and targets of shape {@code [B]} for any {@code B ≥ 1}
     * @param model the model; its feature count must equal the columns of {@code x}
     * @param x the features, shape {@code [N, d]} with {@code N ≥ 1}, finite; copied
     * @param y the targets, a vector of length {@code N}, finite; copied
     * @return the objective
     * @throws IllegalArgumentException if an argument is null, a shape does not fit (both shapes
     *     are named), a value is not finite, or a weighted {@link L2Loss} does not have {@code N}
     *     weights
     */
    public static ModelObjective of(Loss loss, LinearModel model, INDArray x, INDArray y) {
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        if (loss.reduction() == null) {
            throw new IllegalArgumentException("loss.reduction() must be MEAN or SUM, got null");
        }
        Checks.floatingArray("x", x);
        Checks.floatingArray("y", y);
        if (x.rank() != 2 || x.size(1) != model.features()) {
            throw new IllegalArgumentException("x must have shape [N, " + model.features()
                    + "] for " + model + ", got " + Arrays.toString(x.shape()));
        }
        long rows = x.size(0);
        if ((!y.isVector() && y.length() != 1) || y.length() != rows) {
            throw new IllegalArgumentException("y must be a vector of length " + rows
                    + " (the rows of x " + Arrays.toString(x.shape()) + "), got shape "
                    + Arrays.toString(y.shape()));
        }
        if (rows > Integer.MAX_VALUE || rows * x.size(1) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("x must have fewer than 2^31 elements, got shape "
                    + Arrays.toString(x.shape()));
        }
        double[] flatX = x.reshape('c', new long[] {x.length()}).toDoubleVector();
        double[] flatY = y.reshape(y.length()).toDoubleVector();
        int d = model.features();
        for (int k = 0; k < flatX.length; k++) {
            if (!Double.isFinite(flatX[k])) {
                throw new IllegalArgumentException("x[" + (k / d) + ", " + (k % d)
                        + "] must be finite, got " + flatX[k]);
            }
        }
        for (int i = 0; i < flatY.length; i++) {
            Checks.finite("y[" + i + "]", flatY[i]);
        }
        if (loss instanceof L2Loss l2 && l2.isWeighted() && l2.weightsRef().length != rows) {
            throw new IllegalArgumentException("the L2Loss weights must have length " + rows
                    + " (one per row of x " + Arrays.toString(x.shape()) + "), got "
                    + l2.weightsRef().length);
        }
        return new ModelObjective(loss, model, flatX, flatY);
    }

    /**
     * The article's house-price objective: {@link L2Loss#mean()} on a {@link LinearModel} with
     * as many features as {@code x} has columns, {@code f(θ) = (1/N) Σ_i (x_i·w + b − y_i)²}.
     *
     * @param x the features, shape {@code [N, d]}, finite; copied
     * @param y the targets, a vector of length {@code N}, finite; copied
     * @return the objective
     * @throws IllegalArgumentException as {@link #of}
     */
    public static ModelObjective l2(INDArray x, INDArray y) {
        Checks.floatingArray("x", x);
        if (x.rank() != 2 || x.size(1) < 1 || x.size(1) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("x must have shape [N, d] with d >= 1, got "
                    + Arrays.toString(x.shape()));
        }
        return of(L2Loss.mean(), LinearModel.of((int) x.size(1)), x, y);
    }

    /**
     * The loss.
     *
     * @return the loss
     */
    public Loss loss() {
        return loss;
    }

    /**
     * The model.
     *
     * @return the model
     */
    public LinearModel model() {
        return model;
    }

    /**
     * The number of parameters, {@code d + 1}.
     *
     * @return {@code d + 1}
     */
    @Override
    public long dimension() {
        return d + 1;
    }

    /**
     * The number of examples {@code N}.
     *
     * @return {@code N ≥ 1}
     */
    @Override
    public int size() {
        return n;
    }

    /**
     * The objective over all {@code N} examples and its gradient.
     *
     * @param params {@code θ}, length {@code d + 1}, FLOAT or DOUBLE; not modified
     * @param gradient where {@code ∇f(θ)} is written; same length and data type
     * @return {@code f(θ)}
     * @throws IllegalArgumentException if a length or data type is wrong
     */
    @Override
    public double evaluate(INDArray params, INDArray gradient) {
        return evaluate(params, all, n, gradient);
    }

    /**
     * The objective over the examples of {@code batch} and its gradient.
     *
     * @param params {@code θ}, length {@code d + 1}, FLOAT or DOUBLE; not modified
     * @param batch example indices, each in {@code [0, N)}, at least one; not modified
     * @param gradient where {@code ∇f_B(θ)} is written; same length and data type
     * @return {@code f_B(θ)}
     * @throws IllegalArgumentException if {@code batch} is null, empty or holds an index out of
     *     range, or if a length or data type is wrong
     */
    @Override
    public double evaluate(INDArray params, int[] batch, INDArray gradient) {
        checkBatch(batch);
        return evaluate(params, batch, batch.length, gradient);
    }

    /**
     * The objective over all {@code N} examples, without the gradient.
     *
     * @param params {@code θ}, length {@code d + 1}; not modified
     * @return {@code f(θ)}
     * @throws IllegalArgumentException if the length or data type is wrong
     */
    @Override
    public double value(INDArray params) {
        readParams(params);
        return compute(all, n, null, params.dataType());
    }

    /**
     * The objective over all {@code N} examples and its gradient, on plain arrays.
     *
     * @param params {@code θ}, length {@code d + 1}; not modified
     * @param gradient where {@code ∇f(θ)} is written, length {@code d + 1}
     * @return {@code f(θ)}
     * @throws IllegalArgumentException if a length is wrong
     */
    @Override
    public double evaluate(double[] params, double[] gradient) {
        return evaluate(params, all, n, gradient);
    }

    /**
     * The objective over the examples of {@code batch} and its gradient, on plain arrays.
     *
     * @param params {@code θ}, length {@code d + 1}; not modified
     * @param batch example indices, each in {@code [0, N)}, at least one; not modified
     * @param gradient where {@code ∇f_B(θ)} is written, length {@code d + 1}
     * @return {@code f_B(θ)}
     * @throws IllegalArgumentException if {@code batch} is null, empty or holds an index out of
     *     range, or if a length is wrong
     */
    public double evaluate(double[] params, int[] batch, double[] gradient) {
        checkBatch(batch);
        return evaluate(params, batch, batch.length, gradient);
    }

    /**
     * The objective over all {@code N} examples, without the gradient, on a plain array.
     *
     * @param params {@code θ}, length {@code d + 1}; not modified
     * @return {@code f(θ)}
     * @throws IllegalArgumentException if the length is wrong
     */
    @Override
    public double value(double[] params) {
        Checks.length("params", params, d + 1);
        System.arraycopy(params, 0, theta, 0, d + 1);
        return compute(all, n, null, DataType.DOUBLE);
    }

    private double evaluate(INDArray params, int[] batch, int count, INDArray gradient) {
        readParams(params);
        Checks.floatingArray("gradient", gradient);
        Checks.sameLength("params", params, "gradient", gradient);
        Checks.disjoint("params", params, "gradient", gradient);
        if (gradient.dataType() != params.dataType()) {
            throw new IllegalArgumentException("gradient must have the data type of params ("
                    + params.dataType() + "), got " + gradient.dataType());
        }
        double value = compute(batch, count, acc, params.dataType());
        for (int k = 0; k <= d; k++) {
            gradient.putScalar(k, acc[k]);
        }
        return value;
    }

    private double evaluate(double[] params, int[] batch, int count, double[] gradient) {
        Checks.length("params", params, d + 1);
        Checks.length("gradient", gradient, d + 1);
        Checks.disjoint("params", params, "gradient", gradient);
        System.arraycopy(params, 0, theta, 0, d + 1);
        double value = compute(batch, count, acc, DataType.DOUBLE);
        System.arraycopy(acc, 0, gradient, 0, d + 1);
        return value;
    }

    private void readParams(INDArray params) {
        Checks.floatingArray("params", params);
        Checks.length("params", params, d + 1);
        for (int k = 0; k <= d; k++) {
            theta[k] = params.getDouble(k);
        }
    }

    private void checkBatch(int[] batch) {
        if (batch == null || batch.length == 0) {
            throw new IllegalArgumentException("batch must hold at least one example index, got "
                    + (batch == null ? "null" : "an empty array"));
        }
        for (int t = 0; t < batch.length; t++) {
            if (batch[t] < 0 || batch[t] >= n) {
                throw new IllegalArgumentException("batch[" + t + "] must be in [0, " + n
                        + "), got " + batch[t]);
            }
        }
    }

    /** Evaluates over {@code batch[0..count)} with {@link #theta}; fills {@code grad} if given. */
    private double compute(int[] batch, int count, double[] grad, DataType type) {
        return fusedL2 ? computeL2(batch, count, grad) : computeLoss(batch, count, grad, type);
    }

    private double computeL2(int[] batch, int count, double[] grad) {
        if (grad != null) {
            Arrays.fill(grad, 0.0);
        }
        double sum = 0.0;
        for (int t = 0; t < count; t++) {
            int i = batch[t];
            int row = i * d;
            double r = theta[d] - y[i];
            for (int j = 0; j < d; j++) {
                r += x[row + j] * theta[j];
            }
            double wr = weights == null ? r : weights[i] * r;
            sum += wr * r;
            if (grad != null) {
                for (int j = 0; j < d; j++) {
                    grad[j] += wr * x[row + j];
                }
                grad[d] += wr;
            }
        }
        double c = mean ? 1.0 / count : 1.0;
        if (grad != null) {
            for (int k = 0; k <= d; k++) {
                grad[k] *= 2.0 * c;
            }
        }
        return sum * c;
    }

    private double computeLoss(int[] batch, int count, double[] grad, DataType type) {
        prepareScratch(type, count);
        for (int t = 0; t < count; t++) {
            int i = batch[t];
            int row = i * d;
            double p = theta[d];
            for (int j = 0; j < d; j++) {
                p += x[row + j] * theta[j];
            }
            predView.putScalar(t, p);
            targetView.putScalar(t, y[i]);
        }
        if (grad == null) {
            return loss.value(predView, targetView);
        }
        double value = loss.valueAndGradient(predView, targetView, gradView);
        Arrays.fill(grad, 0.0);
        for (int t = 0; t < count; t++) {
            int row = batch[t] * d;
            double g = gradView.getDouble(t);
            for (int j = 0; j < d; j++) {
                grad[j] += g * x[row + j];
            }
            grad[d] += g;
        }
        return value;
    }

    private void prepareScratch(DataType type, int count) {
        if (type != scratchType || predBuf.length() < count) {
            int capacity = type == scratchType ? Math.max(count, (int) predBuf.length()) : count;
            predBuf = Nd4j.create(type, capacity);
            targetBuf = Nd4j.create(type, capacity);
            gradBuf = Nd4j.create(type, capacity);
            scratchType = type;
            viewSize = -1;
        }
        if (count != viewSize) {
            boolean whole = count == predBuf.length();
            predView = whole ? predBuf : predBuf.get(NDArrayIndex.interval(0, count));
            targetView = whole ? targetBuf : targetBuf.get(NDArrayIndex.interval(0, count));
            gradView = whole ? gradBuf : gradBuf.get(NDArrayIndex.interval(0, count));
            viewSize = count;
        }
    }

    @Override
    public String toString() {
        return "ModelObjective[loss=" + loss + ", model=" + model + ", examples=" + n + "]";
    }
}
