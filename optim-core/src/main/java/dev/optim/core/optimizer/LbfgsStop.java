package dev.optim.core.optimizer;

/**
 * Why an {@link Lbfgs} run stopped. The rules are PyTorch's ({@code torch.optim.LBFGS.step}),
 * checked in its order after each iteration; {@link #NON_FINITE} is Optim's own.
 */
public enum LbfgsStop {
    /** {@code max|∇f| ≤ toleranceGrad}, at the start or after an iteration: converged. */
    GRADIENT_TOLERANCE,
    /** The iteration budget {@code maxIterations} was spent. */
    MAX_ITERATIONS,
    /** The evaluation budget {@code maxEvaluations} was reached or passed. */
    MAX_EVALUATIONS,
    /** The last step moved no coordinate by more than {@code toleranceChange}. */
    STEP_TOLERANCE,
    /** The value changed by less than {@code toleranceChange} in the last iteration. */
    VALUE_TOLERANCE,
    /**
     * The directional derivative {@code ∇f·d} along the new direction is above
     * {@code −toleranceChange}: no descent is possible along it (for example the gradient is
     * already tiny). The point is that of the previous iteration.
     */
    NO_DESCENT_DIRECTION,
    /**
     * The objective or its gradient was not finite at the start point, or the search direction
     * became non-finite, or a fixed step (no line search) reached a non-finite value; the result
     * holds the last point with a finite value.
     */
    NON_FINITE;

    /**
     * Whether this reason means convergence by a tolerance.
     *
     * @return true for {@link #GRADIENT_TOLERANCE}, {@link #STEP_TOLERANCE},
     *     {@link #VALUE_TOLERANCE} and {@link #NO_DESCENT_DIRECTION}
     */
    public boolean converged() {
        return this == GRADIENT_TOLERANCE || this == STEP_TOLERANCE || this == VALUE_TOLERANCE
                || this == NO_DESCENT_DIRECTION;
    }
}
