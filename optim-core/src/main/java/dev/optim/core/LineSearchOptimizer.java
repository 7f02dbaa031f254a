package dev.optim.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An optimizer that evaluates the objective itself, several times per iteration (a line
 * search), and so cannot be stepped from one gradient: {@link dev.optim.core.optimizer.Lbfgs}.
 * {@link dev.optim.core.descent.Descent#lineSearch(LineSearchOptimizer)} runs it with the descent
 * loop's stop rules and trajectory; {@link #start} gives a run to advance by hand.
 */
public interface LineSearchOptimizer {

    /**
     * The kind of optimizer, as {@link Optimizer#kind()}.
     *
     * @return the kind
     */
    String kind();

    /**
     * The step length the first trial of each line search starts from, for the trajectory's
     * rate column.
     *
     * @return the initial step
     */
    double learningRate();

    /**
     * Starts a run from {@code start} on plain arrays, evaluating the objective there once.
     *
     * @param objective the objective
     * @param start the start point, of length {@code objective.dimension()}; not modified
     * @return the run
     * @throws IllegalArgumentException if an argument is null or the lengths differ
     */
    Run start(ArrayObjective objective, double[] start);

    /**
     * Starts a run from {@code start}, evaluating the objective on arrays of its data type.
     *
     * @param objective the objective
     * @param start the start point, FLOAT or DOUBLE; not modified
     * @return the run
     * @throws IllegalArgumentException if an argument is null, the lengths differ or the start
     *     is not floating point
     */
    Run start(Objective objective, INDArray start);

    /** One run of a line-search optimizer: the iterate and what is known there. */
    interface Run {
        /**
         * Performs one iteration (a direction, a line search, the move).
         *
         * @return false if the method stopped by its own rule (before or after moving); see
         *     {@link #converged()} and {@link #failed()}
         */
        boolean advance();

        /**
         * Whether the method's own stop means convergence (a tolerance held).
         *
         * @return true if converged
         */
        boolean converged();

        /**
         * Whether the method stopped on a non-finite value (its point is the last finite one).
         *
         * @return true on a numerical failure
         */
        boolean failed();

        /**
         * The value at the current iterate.
         *
         * @return {@code f(x_k)}
         */
        double value();

        /**
         * The Euclidean norm of the gradient at the current iterate.
         *
         * @return {@code ‖∇f(x_k)‖₂}
         */
        double gradientNorm();

        /**
         * The current iterate, copied.
         *
         * @return {@code x_k}
         */
        double[] point();

        /**
         * The evaluations of the objective so far, the start's included.
         *
         * @return the count
         */
        long evaluations();

        /**
         * The iterations made.
         *
         * @return the count
         */
        int iterations();
    }
}
