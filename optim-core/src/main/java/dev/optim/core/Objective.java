package dev.optim.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A function to minimise: given parameters {@code θ}, its value {@code f(θ)} and its gradient
 * {@code ∇f(θ)}.
 *
 * <p>The gradient is written into an array that the caller owns and passes in, so that a descent
 * allocates nothing per evaluation. The parameters are never modified.
 *
 * <pre>{@code
 * INDArray theta = Nd4j.createFromArray(0.0, 0.0);
 * INDArray grad = theta.like();
 * double f = objective.evaluate(theta, grad);
 * }</pre>
 */
public interface Objective {

    /**
     * The number of parameters this objective takes (the length of {@code θ}).
     *
     * @return the number of parameters, at least 1
     */
    long dimension();

    /**
     * Computes {@code f(θ)} and writes {@code ∇f(θ)} into {@code gradient}.
     *
     * @param params the parameters {@code θ}, of length {@link #dimension()}; not modified
     * @param gradient where the gradient is written; same length and data type as
     *     {@code params}, not sharing memory with it
     * @return the value {@code f(θ)}
     * @throws IllegalArgumentException if the lengths or data types do not match (Optim's own
     *     objectives also refuse a gradient that shares memory with {@code params})
     */
    double evaluate(INDArray params, INDArray gradient);

    /**
     * Computes {@code f(θ)} only. The default evaluates the gradient into a scratch array;
     * implementations override it where the value alone is cheaper.
     *
     * @param params the parameters {@code θ}; not modified
     * @return the value {@code f(θ)}
     */
    default double value(INDArray params) {
        return evaluate(params, params.like());
    }
}
