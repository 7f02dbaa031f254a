package dev.optim.landscapes.sharpness;

import dev.optim.core.Objective;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The product {@code v ↦ H·v} of the Hessian {@code H = ∇²f(θ)} of an objective at a fixed point
 * {@code θ} with vectors, the only access to {@code H} that {@link Lanczos} and
 * {@link PowerIteration} need, so that no {@code n × n} matrix is ever formed.
 *
 * <p>{@link #centralDifference(Objective, INDArray)} builds it from gradients alone:
 * {@code H·v ≈ (∇f(θ + h·v) − ∇f(θ − h·v)) / (2h)}, exact for quadratics up to rounding and with
 * error {@code O(h²)} otherwise. A framework with second derivatives (SameDiff) can supply its own.
 *
 * <p>Implementations need not be thread-safe.
 */
public interface HessianVectorProduct {

    /** The default relative step of central differences in float64: {@value}. */
    double DEFAULT_STEP_FLOAT64 = 1e-5;

    /** The default relative step of central differences in float32: {@value}. */
    double DEFAULT_STEP_FLOAT32 = 1e-2;

    /**
     * The dimension {@code n} of the vectors.
     *
     * @return {@code n ≥ 1}
     */
    int dimension();

    /**
     * Writes {@code H·v} into {@code out}.
     *
     * @param v the vector, of length {@link #dimension()}; not modified
     * @param out where the product is written, of length {@link #dimension()}; not {@code v}
     * @throws IllegalArgumentException if a length is wrong
     */
    void apply(double[] v, double[] out);

    /**
     * Hessian-vector products by central differences of the gradient at {@code theta}, with the
     * step {@code h = s·max(1, ‖θ‖) / ‖v‖} and {@code s} = {@value #DEFAULT_STEP_FLOAT64} for
     * float64 parameters, {@value #DEFAULT_STEP_FLOAT32} for float32 (whose gradients carry
     * about 7 digits). Each product costs two gradient evaluations.
     *
     * @param objective the objective {@code f}
     * @param theta the point {@code θ}; copied
     * @return the products
     * @throws IllegalArgumentException if an argument is null, not floating point, of the wrong
     *     length, or not finite
     */
    static HessianVectorProduct centralDifference(Objective objective, INDArray theta) {
        double step = theta != null && theta.dataType() == DataType.FLOAT
                ? DEFAULT_STEP_FLOAT32 : DEFAULT_STEP_FLOAT64;
        return centralDifference(objective, theta, step);
    }

    /**
     * Hessian-vector products by central differences with relative step {@code s}, as
     * {@link #centralDifference(Objective, INDArray)}.
     *
     * @param objective the objective {@code f}
     * @param theta the point {@code θ}; copied
     * @param relativeStep {@code s}; finite and {@code > 0}
     * @return the products
     * @throws IllegalArgumentException if an argument is null, not floating point, of the wrong
     *     length or not finite, or {@code relativeStep} is not in {@code (0, ∞)}
     */
    static HessianVectorProduct centralDifference(Objective objective, INDArray theta,
            double relativeStep) {
        return new CentralDifferenceHvp(objective, theta, relativeStep);
    }

    /**
     * The products with an explicit symmetric matrix, for small problems whose Hessian is known.
     *
     * @param matrix the {@code n × n} matrix; copied; must be symmetric and finite
     * @return the products
     * @throws IllegalArgumentException if {@code matrix} is null, empty, not square, not
     *     symmetric or not finite
     */
    static HessianVectorProduct ofMatrix(double[][] matrix) {
        return new MatrixHvp(matrix);
    }
}
