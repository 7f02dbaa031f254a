package dev.optim.core;

/**
 * What an optimizer does to each gradient element and parameter before its own update rule, in
 * this order (PyTorch's order when clipping precedes {@code optimizer.step()}):
 *
 * <ol>
 *   <li>clipping by value: {@code g ← clamp(g, −c, c)} (or none);
 *   <li>clipping by global norm: {@code g ← g · s}, {@code s = c / max(‖g‖₂, c)} computed over
 *       the whole gradient before the update pass (1 when off);
 *   <li>coupled weight decay: {@code g ← g + λ·θ} (PyTorch's {@code weight_decay});
 *   <li>decoupled weight decay: {@code θ ← θ·(1 − η·λ)} before the update (AdamW).
 * </ol>
 *
 * <p>A value made by the optimizer for each step; kernels call {@link #grad} and {@link #param}
 * once per element. Immutable.
 */
public final class GradientPrep {

    /** No clipping, no decay. */
    public static final GradientPrep NONE = new GradientPrep(Double.POSITIVE_INFINITY, 1.0, 0.0, 1.0);

    private final double clip;
    private final double scale;
    private final double coupled;
    private final double decay;
    private final float clipF;
    private final float scaleF;
    private final float coupledF;
    private final float decayF;
    private final boolean clips;
    private final boolean scales;
    private final boolean couples;
    private final boolean decays;

    GradientPrep(double clip, double scale, double coupled, double decay) {
        this.clip = clip;
        this.scale = scale;
        this.coupled = coupled;
        this.decay = decay;
        this.clipF = (float) clip;
        this.scaleF = (float) scale;
        this.coupledF = (float) coupled;
        this.decayF = (float) decay;
        this.clips = clip < Double.POSITIVE_INFINITY;
        this.scales = scale != 1.0;
        this.couples = coupled != 0.0;
        this.decays = decay != 1.0;
    }

    /**
     * The effective gradient element.
     *
     * @param g the raw gradient element
     * @param p the parameter element (after {@link #param})
     * @return the clipped, scaled, decayed gradient element
     */
    public double grad(double g, double p) {
        if (clips) {
            g = Math.max(-clip, Math.min(clip, g));
        }
        if (scales) {
            g = g * scale;
        }
        if (couples) {
            g = g + coupled * p;
        }
        return g;
    }

    /**
     * The effective gradient element, in float arithmetic.
     *
     * @param g the raw gradient element
     * @param p the parameter element (after {@link #param})
     * @return the clipped, scaled, decayed gradient element
     */
    public float grad(float g, float p) {
        if (clips) {
            g = Math.max(-clipF, Math.min(clipF, g));
        }
        if (scales) {
            g = g * scaleF;
        }
        if (couples) {
            g = g + coupledF * p;
        }
        return g;
    }

    /**
     * The parameter element after decoupled weight decay.
     *
     * @param p the parameter element
     * @return {@code p·(1 − η·λ)}, or {@code p} without decoupled decay
     */
    public double param(double p) {
        return decays ? p * decay : p;
    }

    /**
     * The parameter element after decoupled weight decay, in float arithmetic.
     *
     * @param p the parameter element
     * @return {@code p·(1 − η·λ)}, or {@code p} without decoupled decay
     */
    public float param(float p) {
        return decays ? p * decayF : p;
    }

    @Override
    public String toString() {
        return "GradientPrep[clip=" + clip + ", scale=" + scale + ", coupled=" + coupled
                + ", decay=" + decay + "]";
    }
}
