package dev.optim.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss: predictions {@code ŷ} and targets {@code y} in, a scalar {@code L(ŷ, y)} and its
 * gradient {@code ∂L/∂ŷ} out. The first dimension indexes examples; how the per-example terms
 * are combined is given by {@link #reduction()}.
 *
 * <p>The gradient is written into an array the caller owns, which must not share memory with
 * either input (neither the same array nor an overlapping view; implementations refuse it with
 * {@link Checks#disjoint}); neither input is modified.
 */
public interface Loss {

    /**
     * How the per-example terms are combined.
     *
     * @return the reduction, {@link Reduction#MEAN} unless configured otherwise
     */
    Reduction reduction();

    /**
     * Computes the loss.
     *
     * @param predictions the predictions {@code ŷ}; not modified
     * @param targets the targets {@code y}, of the shape this loss expects for {@code predictions}
     * @return {@code L(ŷ, y)}
     * @throws IllegalArgumentException if the shapes or data types do not fit
     */
    double value(INDArray predictions, INDArray targets);

    /**
     * Computes the loss and writes {@code ∂L/∂ŷ} into {@code gradient}.
     *
     * @param predictions the predictions {@code ŷ}; not modified
     * @param targets the targets {@code y}; not modified
     * @param gradient where {@code ∂L/∂ŷ} is written; same shape and data type as
     *     {@code predictions}, sharing memory with neither input
     * @return {@code L(ŷ, y)}
     * @throws IllegalArgumentException if the shapes or data types do not fit, or
     *     {@code gradient} shares memory with an input
     */
    double valueAndGradient(INDArray predictions, INDArray targets, INDArray gradient);
}
