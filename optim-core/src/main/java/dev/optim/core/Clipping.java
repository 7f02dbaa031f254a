package dev.optim.core;

/**
 * Gradient clipping applied by an optimizer before its update, without modifying the caller's
 * gradient array. Immutable.
 *
 * <ul>
 *   <li>{@link #none()}: {@code g} unchanged;
 *   <li>{@link #byValue(double)}: {@code g ← clamp(g, −c, c)} element-wise (PyTorch's
 *       {@code clip_grad_value_}, Optax's {@code clip});
 *   <li>{@link #byGlobalNorm(double)}: {@code g ← g · c / max(‖g‖₂, c)} (Optax's
 *       {@code clip_by_global_norm}; PyTorch's {@code clip_grad_norm_} adds 1e-6 to the norm).
 *       The norm is taken over the whole parameter array the optimizer steps.
 * </ul>
 *
 * @param mode the kind of clipping
 * @param threshold the threshold {@code c}; positive and finite unless {@code mode} is NONE
 */
public record Clipping(Mode mode, double threshold) {

    /** The kinds of clipping. */
    public enum Mode {
        /** No clipping. */
        NONE,
        /** Element-wise clamp to {@code [−c, c]}. */
        BY_VALUE,
        /** Rescale the whole gradient so that its Euclidean norm is at most {@code c}. */
        BY_GLOBAL_NORM
    }

    /**
     * Validates the clipping.
     *
     * @param mode the kind of clipping
     * @param threshold the threshold {@code c}; positive and finite unless {@code mode} is NONE
     * @throws IllegalArgumentException if {@code mode} is null or {@code threshold} is not
     *     positive and finite for a clipping mode
     */
    public Clipping {
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        if (mode != Mode.NONE) {
            Checks.positive("clipping threshold", threshold);
        }
    }

    /**
     * No clipping.
     *
     * @return the no-op clipping
     */
    public static Clipping none() {
        return new Clipping(Mode.NONE, 0);
    }

    /**
     * Element-wise clipping to {@code [−c, c]}.
     *
     * @param c the threshold; positive and finite
     * @return the clipping
     * @throws IllegalArgumentException if {@code c} is not positive and finite
     */
    public static Clipping byValue(double c) {
        return new Clipping(Mode.BY_VALUE, c);
    }

    /**
     * Clipping of the gradient's Euclidean norm to at most {@code c}.
     *
     * @param c the threshold; positive and finite
     * @return the clipping
     * @throws IllegalArgumentException if {@code c} is not positive and finite
     */
    public static Clipping byGlobalNorm(double c) {
        return new Clipping(Mode.BY_GLOBAL_NORM, c);
    }

    @Override
    public String toString() {
        return mode == Mode.NONE ? "none" : mode.name().toLowerCase() + "(" + threshold + ")";
    }
}
