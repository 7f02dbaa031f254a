package dev.optim.core.optimizer;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The outcome of an {@link Lbfgs} run: the final point, the value and gradient norm there, the
 * iterations and evaluations it took, the curvature pairs it skipped, and why it stopped.
 * Immutable; {@link #point()} returns a copy.
 */
public final class LbfgsResult {

    private final double[] point;
    private final double value;
    private final double gradientNorm;
    private final double gradientMaxAbs;
    private final int iterations;
    private final long evaluations;
    private final int skippedPairs;
    private final LbfgsStop reason;
    private final DataType dataType;
    private final long[] shape;

    LbfgsResult(double[] point, double value, double gradientNorm, double gradientMaxAbs,
            int iterations, long evaluations, int skippedPairs, LbfgsStop reason,
            DataType dataType, long[] shape) {
        this.point = point;
        this.value = value;
        this.gradientNorm = gradientNorm;
        this.gradientMaxAbs = gradientMaxAbs;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.skippedPairs = skippedPairs;
        this.reason = reason;
        this.dataType = dataType;
        this.shape = shape;
    }

    /**
     * The final point, copied (the last finite one if the run stopped on a non-finite value).
     *
     * @return the point
     */
    public double[] point() {
        return point.clone();
    }

    /**
     * The final point as an array of the data type the objective was evaluated in, shaped as
     * the start ({@code [n]} for a {@code double[]} start).
     *
     * @return a new array
     */
    public INDArray pointArray() {
        INDArray a = Nd4j.createFromArray(point.clone());
        if (shape != null) {
            a = a.reshape(shape);
        }
        return dataType == DataType.DOUBLE ? a : a.castTo(dataType);
    }

    /**
     * The value at {@link #point()}.
     *
     * @return {@code f}
     */
    public double value() {
        return value;
    }

    /**
     * The Euclidean norm of the gradient at {@link #point()}.
     *
     * @return {@code ‖∇f‖₂}
     */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * The largest absolute gradient component at {@link #point()}, which
     * {@link Lbfgs#toleranceGrad()} bounds.
     *
     * @return {@code max|∇f|}
     */
    public double gradientMaxAbs() {
        return gradientMaxAbs;
    }

    /**
     * The iterations made (PyTorch's {@code n_iter}).
     *
     * @return the iteration count
     */
    public int iterations() {
        return iterations;
    }

    /**
     * The evaluations of the objective, the start's included (PyTorch's {@code func_evals}).
     *
     * @return the evaluation count
     */
    public long evaluations() {
        return evaluations;
    }

    /**
     * The curvature pairs skipped because {@code y·s ≤ 1e-10} (a degenerate or negative
     * curvature along the step: keeping them would make the inverse-Hessian estimate
     * indefinite or infinite).
     *
     * @return the skipped count
     */
    public int skippedPairs() {
        return skippedPairs;
    }

    /**
     * Why the run stopped.
     *
     * @return the reason
     */
    public LbfgsStop reason() {
        return reason;
    }

    /**
     * Whether the run converged by a tolerance (see {@link LbfgsStop#converged()}).
     *
     * @return true if converged
     */
    public boolean converged() {
        return reason != null && reason.converged();
    }

    @Override
    public String toString() {
        return "LbfgsResult[reason=" + reason + ", value=" + value + ", gradientNorm="
                + gradientNorm + ", iterations=" + iterations + ", evaluations=" + evaluations
                + ", skippedPairs=" + skippedPairs + ", point="
                + (point.length <= 8 ? Arrays.toString(point) : point.length + " values") + "]";
    }
}
