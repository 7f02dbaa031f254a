package dev.optim.core.descent;

/** Why a descent stopped. */
public enum StopReason {
    /** The step budget was spent. */
    MAX_STEPS,
    /** The gradient's Euclidean norm fell to the tolerance or below: converged. */
    GRADIENT_TOLERANCE,
    /** The change of the loss between two steps fell to the tolerance or below: converged. */
    LOSS_TOLERANCE,
    /** The caller's stop condition held. */
    STOP_CONDITION,
    /**
     * The loss or the gradient became non-finite, or the loss rose above the configured multiple
     * of its start value; the result holds the last finite parameters (the start itself, with
     * {@code divergedAtStep() = 0}, if the objective was not finite there).
     */
    DIVERGED,
    /** The caller cancelled the run (its cancellation signal, or the thread was interrupted). */
    CANCELLED;

    /**
     * Whether this reason means convergence by a tolerance.
     *
     * @return true for {@link #GRADIENT_TOLERANCE} and {@link #LOSS_TOLERANCE}
     */
    public boolean converged() {
        return this == GRADIENT_TOLERANCE || this == LOSS_TOLERANCE;
    }
}
