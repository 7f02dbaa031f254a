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
 *       {@code clip_by_global_norm}): no change when {@code ‖g‖₂ ≤ c};
 *   <li>{@link #byGlobalNormPyTorch(double)}: {@code g ← g · min(c / (‖g‖₂ + 10⁻⁶), 1)}
 *       (PyTorch's {@code clip_grad_norm_}, which always multiplies, and scales slightly below
 *       {@code c} when clipping).
 * </ul>
 *
 * <p>The norm is taken over the whole parameter array the optimizer steps, or over every tensor
 * of a {@link dev.optim.core.params.ParameterSet} when a set is stepped.
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
        BY_GLOBAL_NORM,
        /**
         * Rescale the whole gradient by {@code min(c / (‖g‖₂ + 10⁻⁶), 1)}, as PyTorch's
         * {@code clip_grad_norm_}.
         */
        BY_GLOBAL_NORM_PYTORCH
    }

    /** The term PyTorch's {@code clip_grad_norm_} adds to the norm. */
    public static final double PYTORCH_NORM_EPSILON = 1e-6;

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

    /**
     * Clipping of the gradient's Euclidean norm as PyTorch's {@code clip_grad_norm_(max_norm=c)}:
     * {@code g ← g · min(c / (‖g‖₂ + 10⁻⁶), 1)}.
     *
     * @param c the threshold {@code max_norm}; positive and finite
     * @return the clipping
     * @throws IllegalArgumentException if {@code c} is not positive and finite
     */
    public static Clipping byGlobalNormPyTorch(double c) {
        return new Clipping(Mode.BY_GLOBAL_NORM_PYTORCH, c);
    }

    /**
     * Whether this clipping rescales by a norm ({@link Mode#BY_GLOBAL_NORM} or
     * {@link Mode#BY_GLOBAL_NORM_PYTORCH}).
     *
     * @return true for the norm modes
     */
    public boolean isByNorm() {
        return mode == Mode.BY_GLOBAL_NORM || mode == Mode.BY_GLOBAL_NORM_PYTORCH;
    }

    /**
     * The factor that the gradient is multiplied by, given its Euclidean norm: for
     * {@link Mode#BY_GLOBAL_NORM} {@code c / ‖g‖} when {@code ‖g‖ > c} (or not finite), else
     * exactly 1; for {@link Mode#BY_GLOBAL_NORM_PYTORCH} {@code min(c / (‖g‖ + 10⁻⁶), 1)}; 1 for
     * the other modes. A NaN or infinite norm gives a NaN or zero factor, so that the failure
     * reaches the parameters and is reported, not hidden.
     *
     * @param norm the gradient's Euclidean norm
     * @return the factor
     */
    public double scale(double norm) {
        return switch (mode) {
            case BY_GLOBAL_NORM -> norm > threshold || !Double.isFinite(norm)
                    ? threshold / norm : 1.0;
            case BY_GLOBAL_NORM_PYTORCH -> {
                double coef = threshold / (norm + PYTORCH_NORM_EPSILON);
                // torch.clamp(coef, max=1.0) keeps a NaN.
                yield coef < 1.0 || Double.isNaN(coef) ? coef : 1.0;
            }
            default -> 1.0;
        };
    }

    @Override
    public String toString() {
        return mode == Mode.NONE ? "none" : mode.name().toLowerCase() + "(" + threshold + ")";
    }
}
