package dev.optim.search.gp;

import dev.optim.core.ArrayObjective;

/**
 * A local minimizer of a smooth function of a few variables: the GP's hyperparameters (the
 * negative log marginal likelihood) and the acquisition function's multi-start refinement.
 * {@link #lbfgs()} is the default.
 */
@FunctionalInterface
public interface Minimizer {

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @param f the function, with its gradient
     * @param start the starting point (not modified)
     * @return the best point found (never worse than {@code start}; finite)
     */
    double[] minimize(ArrayObjective f, double[] start);

    /**
     * L-BFGS (memory 10, backtracking Armijo line search, at most 200 iterations, stopping when
     * the largest gradient component is below 1e-6 or the value stops decreasing).
     *
     * @return the minimizer
     */
    static Minimizer lbfgs() {
        return SmallLbfgs::minimize;
    }
}
