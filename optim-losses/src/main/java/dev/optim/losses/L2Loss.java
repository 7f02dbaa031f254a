package dev.optim.losses;

import dev.optim.core.Checks;
import dev.optim.core.Loss;
import dev.optim.core.Reduction;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The squared-error (L2) loss: the article's "square of the difference between your prediction
 * and the actual price", averaged by default.
 *
 * <p>Predictions {@code ŷ} and targets {@code y} have the same shape {@code [N, …]}, any rank; the
 * first dimension indexes the {@code N} examples and the other dimensions, {@code K} elements in
 * all, are the outputs of one example ({@code K = 1} for a rank-1 array). With per-element errors
 * {@code e_ik = (ŷ_ik − y_ik)²} and optional per-example weights {@code w_i ≥ 0}:
 *
 * <pre>
 *   MEAN (default):  L = (1/(N·K)) · Σ_i w_i · Σ_k e_ik
 *   SUM:             L =             Σ_i w_i · Σ_k e_ik
 *   gradient:        ∂L/∂ŷ_ik = 2 · c · w_i · (ŷ_ik − y_ik),   c = 1/(N·K) or 1
 * </pre>
 *
 * <p>Without weights ({@code w_i = 1}) this is exactly PyTorch's {@code MSELoss}: its
 * {@code 'mean'} averages over <em>all</em> {@code N·K} elements, so "averaged over examples"
 * means: each example contributes the mean of its {@code K} squared errors, and these
 * per-example losses are averaged over the {@code N} examples. For the linear regression of the
 * article, {@code K = 1} and {@code L = (1/N) Σ_i (ŷ_i − y_i)²}.
 *
 * <p>Weights multiply the per-example terms and are not renormalised: with the {@code MEAN}
 * reduction the sum is still divided by {@code N·K}, not by {@code Σ w_i} (as
 * {@code (w[:, None] * (ŷ − y)**2).mean()} in PyTorch). Weights that sum to {@code N} give a
 * weighted average. This keeps a weighted loss an average of per-example terms, so that a
 * mini-batch estimate (see {@link ModelObjective}) is unbiased.
 *
 * <p>Float32 and float64 are supported; the work is done by ND4J operations in the data type of
 * the arrays. Non-finite predictions give a non-finite value (they are not checked: the descent
 * loop reports divergence). Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Loss mse = L2Loss.mean();
 * double l = mse.value(Nd4j.createFromArray(1.0, 2.0), Nd4j.createFromArray(0.0, 4.0)); // 2.5
 * }</pre>
 *
 * <p>Reference: PyTorch, {@code torch.nn.MSELoss}.
 */
public final class L2Loss implements Loss {

    private static final L2Loss MEAN = new L2Loss(Reduction.MEAN, null);
    private static final L2Loss SUM = new L2Loss(Reduction.SUM, null);

    private final Reduction reduction;
    /** The per-example weights, or null. */
    private final double[] weights;
    /** √w as DOUBLE and as FLOAT, for the broadcast multiplications; null without weights. */
    private final INDArray sqrtWeightsDouble;
    private final INDArray sqrtWeightsFloat;

    private L2Loss(Reduction reduction, double[] weights) {
        this.reduction = reduction;
        this.weights = weights;
        if (weights == null) {
            sqrtWeightsDouble = null;
            sqrtWeightsFloat = null;
        } else {
            double[] root = new double[weights.length];
            for (int i = 0; i < root.length; i++) {
                root[i] = Math.sqrt(weights[i]);
            }
            sqrtWeightsDouble = Nd4j.createFromArray(root);
            sqrtWeightsFloat = sqrtWeightsDouble.castTo(DataType.FLOAT);
        }
    }

    /**
     * The mean squared error {@code (1/(N·K)) Σ (ŷ − y)²}, PyTorch's {@code MSELoss()}.
     *
     * @return the loss
     */
    public static L2Loss mean() {
        return MEAN;
    }

    /**
     * The summed squared error {@code Σ (ŷ − y)²}, PyTorch's {@code MSELoss(reduction='sum')}.
     *
     * @return the loss
     */
    public static L2Loss sum() {
        return SUM;
    }

    /**
     * The unweighted loss with the given reduction.
     *
     * @param reduction {@link Reduction#MEAN} or {@link Reduction#SUM}
     * @return the loss
     * @throws IllegalArgumentException if {@code reduction} is null
     */
    public static L2Loss of(Reduction reduction) {
        return requireReduction(reduction) == Reduction.MEAN ? MEAN : SUM;
    }

    /**
     * A loss with per-example weights {@code w_i}: example {@code i}'s squared errors are
     * multiplied by {@code w_i}. The loss then accepts only predictions with
     * {@code N = weights.length()} examples.
     *
     * @param weights the weights, a vector of length {@code N ≥ 1}, each finite and
     *     {@code ≥ 0}; copied
     * @param reduction {@link Reduction#MEAN} (divide by {@code N·K}) or {@link Reduction#SUM}
     * @return the weighted loss
     * @throws IllegalArgumentException if {@code weights} is null, empty, not a vector, or holds
     *     a negative or non-finite value, or if {@code reduction} is null
     */
    public static L2Loss withWeights(INDArray weights, Reduction reduction) {
        Checks.floatingArray("weights", weights);
        if (!weights.isVector() && weights.rank() != 0 && weights.length() != 1) {
            throw new IllegalArgumentException("weights must be a vector (one weight per "
                    + "example), got shape " + Arrays.toString(weights.shape()));
        }
        return withWeights(weights.reshape(weights.length()).toDoubleVector(), reduction);
    }

    /**
     * A loss with per-example weights; see {@link #withWeights(INDArray, Reduction)}.
     *
     * @param weights the weights, length {@code N ≥ 1}, each finite and {@code ≥ 0}; copied
     * @param reduction {@link Reduction#MEAN} or {@link Reduction#SUM}
     * @return the weighted loss
     * @throws IllegalArgumentException if {@code weights} is null or empty, or holds a negative
     *     or non-finite value, or if {@code reduction} is null
     */
    public static L2Loss withWeights(double[] weights, Reduction reduction) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("weights must hold at least one value, got "
                    + (weights == null ? "null" : "an empty array"));
        }
        requireReduction(reduction);
        double[] copy = weights.clone();
        for (int i = 0; i < copy.length; i++) {
            Checks.nonNegative("weights[" + i + "]", copy[i]);
        }
        return new L2Loss(reduction, copy);
    }

    private static Reduction requireReduction(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction must be MEAN or SUM, got null");
        }
        return reduction;
    }

    @Override
    public Reduction reduction() {
        return reduction;
    }

    /**
     * Whether this loss has per-example weights.
     *
     * @return true if weighted
     */
    public boolean isWeighted() {
        return weights != null;
    }

    /**
     * The per-example weights.
     *
     * @return a copy of the weights, or empty if this loss is unweighted
     */
    public Optional<double[]> weights() {
        return Optional.ofNullable(weights).map(double[]::clone);
    }

    /** The weights without copying, for {@link ModelObjective}; null if unweighted. */
    double[] weightsRef() {
        return weights;
    }

    /**
     * Computes the loss; see the class description for the formula.
     *
     * @param predictions {@code ŷ}, shape {@code [N, …]}, FLOAT or DOUBLE; not modified
     * @param targets {@code y}, the same shape and data type; not modified
     * @return the loss
     * @throws IllegalArgumentException if an array is null, empty or not floating point, if the
     *     shapes or data types differ, or if the loss is weighted and {@code N} differs from the
     *     number of weights
     */
    @Override
    public double value(INDArray predictions, INDArray targets) {
        check(predictions, targets);
        INDArray d = Nd4j.createUninitialized(predictions.dataType(), predictions.shape(), 'c');
        return weightedResiduals(predictions, targets, d) * scale(predictions);
    }

    /**
     * Computes the loss and writes {@code ∂L/∂ŷ = 2·c·w_i·(ŷ − y)} into {@code gradient};
     * allocates nothing.
     *
     * @param predictions {@code ŷ}, shape {@code [N, …]}, FLOAT or DOUBLE; not modified
     * @param targets {@code y}, the same shape and data type; not modified
     * @param gradient where the gradient is written; the shape and data type of
     *     {@code predictions}, sharing memory with neither input
     * @return the loss
     * @throws IllegalArgumentException as {@link #value}, or if {@code gradient} does not match
     *     or shares memory with an input (the same array, or a view of intersecting memory)
     */
    @Override
    public double valueAndGradient(INDArray predictions, INDArray targets, INDArray gradient) {
        check(predictions, targets);
        Checks.sameShapeAndType("predictions", predictions, "gradient", gradient);
        Checks.disjoint("gradient", gradient, "predictions", predictions);
        Checks.disjoint("gradient", gradient, "targets", targets);
        double c = scale(predictions);
        double squares = weightedResiduals(predictions, targets, gradient);
        if (weights != null) {
            multiplyPerExample(gradient, sqrtWeights(gradient.dataType()));
        }
        gradient.muli(2.0 * c);
        return squares * c;
    }

    /** Writes {@code √w_i·(ŷ − y)} into {@code out} and returns {@code Σ w_i (ŷ − y)²}. */
    private double weightedResiduals(INDArray predictions, INDArray targets, INDArray out) {
        out.assign(predictions).subi(targets);
        if (weights != null) {
            multiplyPerExample(out, sqrtWeights(out.dataType()));
        }
        return Nd4j.getExecutioner().exec(new SquaredNorm(out)).getDouble(0);
    }

    private INDArray sqrtWeights(DataType type) {
        return type == DataType.DOUBLE ? sqrtWeightsDouble : sqrtWeightsFloat;
    }

    /** {@code a[i, …] *= v[i]} for every example {@code i}. */
    private static void multiplyPerExample(INDArray a, INDArray v) {
        if (a.rank() == 1) {
            a.muli(v);
        } else {
            Nd4j.getExecutioner().exec(new BroadcastMulOp(a, v, a, 0));
        }
    }

    private double scale(INDArray predictions) {
        return reduction == Reduction.MEAN ? 1.0 / predictions.length() : 1.0;
    }

    private void check(INDArray predictions, INDArray targets) {
        Checks.floatingArray("predictions", predictions);
        Checks.floatingArray("targets", targets);
        Checks.sameShapeAndType("predictions", predictions, "targets", targets);
        if (weights != null) {
            long n = predictions.rank() == 0 ? -1 : predictions.size(0);
            if (n != weights.length) {
                throw new IllegalArgumentException("predictions must have " + weights.length
                        + " examples (one per weight) along dimension 0, got shape "
                        + Arrays.toString(predictions.shape()));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof L2Loss other && reduction == other.reduction
                && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reduction, Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "L2Loss[reduction=" + reduction
                + (weights == null ? "" : ", weights=" + weights.length + " examples") + "]";
    }
}
