package dev.optim.search.gp;

import dev.optim.core.ArrayObjective;
import dev.optim.core.optimizer.Lbfgs;
import dev.optim.core.optimizer.LbfgsResult;

/**
 * A local minimizer of a smooth function of a few variables: the GP's hyperparameters (the
 * negative log marginal likelihood) and the acquisition function's multi-start refinement.
 * {@link #lbfgs()}, Optim's own L-BFGS, is the default.
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
     * Optim's {@link Lbfgs} with the strong-Wolfe line search, at most 100 iterations and 250
     * evaluations, gradient tolerance 1e-6 (largest component), change tolerance 1e-10. A run that
     * ends worse than its start, or not finite, returns the start.
     *
     * @return the minimizer
     */
    static Minimizer lbfgs() {
        Lbfgs lbfgs = Lbfgs.builder().lineSearch(Lbfgs.LineSearch.STRONG_WOLFE).maxIterations(100)
                .maxEvaluations(250).toleranceGrad(1e-6).toleranceChange(1e-10).build();
        return (f, start) -> {
            double f0 = f.evaluate(start, new double[start.length]);
            if (!Double.isFinite(f0)) {
                return start.clone();
            }
            LbfgsResult r = lbfgs.minimize(f, start);
            return Double.isFinite(r.value()) && r.value() <= f0 ? r.point() : start.clone();
        };
    }
}
