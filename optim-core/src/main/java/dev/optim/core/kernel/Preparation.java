package dev.optim.core.kernel;

/**
 * The gradient preparation as plain loops over the scratch chunk of θ and g (decay θ; clip,
 * scale, couple g), and the finiteness scans of {@link Kernel#finite()}. Shared by every host
 * tier's scalar path.
 */
final class Preparation {

    private Preparation() {}

    /** Gradient preparation in place over {@code [0, len)}: decay θ; clip, scale, couple g. */
    static void apply(double[] p, double[] g, int len, Kernel k) {
        if (k.decays) {
            double decay = k.decay;
            for (int i = 0; i < len; i++) {
                p[i] = p[i] * decay;
            }
        }
        if (k.clips) {
            double clip = k.clip;
            for (int i = 0; i < len; i++) {
                g[i] = Math.max(-clip, Math.min(clip, g[i]));
            }
        }
        if (k.scales) {
            double scale = k.scale;
            for (int i = 0; i < len; i++) {
                g[i] = g[i] * scale;
            }
        }
        if (k.couples) {
            double coupled = k.coupled;
            for (int i = 0; i < len; i++) {
                g[i] = g[i] + coupled * p[i];
            }
        }
    }

    /** As {@link #apply(double[], double[], int, Kernel)}, in float32. */
    static void apply(float[] p, float[] g, int len, Kernel k) {
        if (k.decays) {
            float decay = (float) k.decay;
            for (int i = 0; i < len; i++) {
                p[i] = p[i] * decay;
            }
        }
        if (k.clips) {
            float clip = (float) k.clip;
            for (int i = 0; i < len; i++) {
                g[i] = Math.max(-clip, Math.min(clip, g[i]));
            }
        }
        if (k.scales) {
            float scale = (float) k.scale;
            for (int i = 0; i < len; i++) {
                g[i] = g[i] * scale;
            }
        }
        if (k.couples) {
            float coupled = (float) k.coupled;
            for (int i = 0; i < len; i++) {
                g[i] = g[i] + coupled * p[i];
            }
        }
    }

    /** Whether elements {@code [0, len)} are all finite. */
    static boolean finite(double[] a, int len) {
        double zero = 0;
        for (int i = 0; i < len; i++) {
            zero += a[i] * 0.0;
        }
        return zero == 0;
    }

    /** Whether elements {@code [0, len)} are all finite. */
    static boolean finite(float[] a, int len) {
        float zero = 0;
        for (int i = 0; i < len; i++) {
            zero += a[i] * 0f;
        }
        return zero == 0;
    }
}
