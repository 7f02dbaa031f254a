package dev.optim.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An objective that is an average over examples, {@code f(θ) = (1/N) Σᵢ fᵢ(θ)}, and can also be
 * evaluated on a mini-batch of them: {@code f_B(θ) = (1/|B|) Σ_{i∈B} fᵢ(θ)}, the estimate that
 * stochastic gradient descent follows.
 *
 * <p>{@link #evaluate(INDArray, INDArray)} evaluates the full objective (all {@link #size()}
 * examples).
 */
public interface StochasticObjective extends Objective {

    /**
     * The number of examples {@code N}.
     *
     * @return the number of examples, at least 1
     */
    int size();

    /**
     * Computes the objective over the examples named by {@code batch} and writes its gradient.
     *
     * @param params the parameters {@code θ}; not modified
     * @param batch the indices of the examples, each in {@code [0, size())}; not modified
     * @param gradient where the gradient is written; same length and data type as {@code params}
     * @return the mini-batch value {@code f_B(θ)}
     * @throws IllegalArgumentException if {@code batch} is empty or holds an index out of range,
     *     or if the lengths or data types do not match
     */
    double evaluate(INDArray params, int[] batch, INDArray gradient);
}
