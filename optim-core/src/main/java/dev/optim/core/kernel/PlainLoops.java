package dev.optim.core.kernel;

/**
 * The update rules as plain loops over Java arrays, elements {@code [from, to)} of every array.
 * Each loop is a fused single pass without branches, which C2 vectorises. The arithmetic is
 * that of {@link Kernel}'s rule methods, in the same order.
 */
final class PlainLoops {

    private PlainLoops() {}

    // ---------------------------------------------------------------- float64

    static void sgd(double[] p, double[] g, int from, int to, double alpha) {
        for (int i = from; i < to; i++) {
            p[i] = p[i] + alpha * g[i];
        }
    }

    static void momentumEma(double[] p, double[] g, double[] v, int from, int to, double mu,
            double oneMinus, double alpha) {
        for (int i = from; i < to; i++) {
            double vi = v[i] * mu + oneMinus * g[i];
            v[i] = vi;
            p[i] = p[i] + alpha * vi;
        }
    }

    static void heavyBall(double[] p, double[] g, double[] v, int from, int to, double mu,
            double alpha) {
        for (int i = from; i < to; i++) {
            double vi = v[i] * mu + g[i];
            v[i] = vi;
            p[i] = p[i] + alpha * vi;
        }
    }

    static void nesterov(double[] p, double[] g, double[] v, int from, int to, double mu,
            double alpha) {
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double vi = v[i] * mu + gi;
            v[i] = vi;
            p[i] = p[i] + alpha * (gi + mu * vi);
        }
    }

    static void rmsProp(double[] p, double[] g, double[] s, int from, int to, double rho,
            double oneMinus, double alpha, double eps) {
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double si = s[i] * rho + oneMinus * gi * gi;
            s[i] = si;
            p[i] = p[i] + alpha * gi / (Math.sqrt(si) + eps);
        }
    }

    static void adam(double[] p, double[] g, double[] m, double[] v, int from, int to,
            double b1, double b2, double c1, double c2, double negStep, double bc2Sqrt,
            double eps) {
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = m[i] * b1 + c1 * gi;
            double vi = v[i] * b2 + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] + negStep * mi / (Math.sqrt(vi) / bc2Sqrt + eps);
        }
    }

    /** Gradient preparation in place over {@code [0, len)}: decay θ; clip, scale, couple g. */
    static void prepare(double[] p, double[] g, int len, Kernel k) {
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

    // ---------------------------------------------------------------- float32

    static void sgd(float[] p, float[] g, int from, int to, float alpha) {
        for (int i = from; i < to; i++) {
            p[i] = p[i] + alpha * g[i];
        }
    }

    static void momentumEma(float[] p, float[] g, float[] v, int from, int to, float mu,
            float oneMinus, float alpha) {
        for (int i = from; i < to; i++) {
            float vi = v[i] * mu + oneMinus * g[i];
            v[i] = vi;
            p[i] = p[i] + alpha * vi;
        }
    }

    static void heavyBall(float[] p, float[] g, float[] v, int from, int to, float mu,
            float alpha) {
        for (int i = from; i < to; i++) {
            float vi = v[i] * mu + g[i];
            v[i] = vi;
            p[i] = p[i] + alpha * vi;
        }
    }

    static void nesterov(float[] p, float[] g, float[] v, int from, int to, float mu,
            float alpha) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float vi = v[i] * mu + gi;
            v[i] = vi;
            p[i] = p[i] + alpha * (gi + mu * vi);
        }
    }

    static void rmsProp(float[] p, float[] g, float[] s, int from, int to, float rho,
            float oneMinus, float alpha, float eps) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float si = s[i] * rho + oneMinus * gi * gi;
            s[i] = si;
            p[i] = p[i] + alpha * gi / ((float) Math.sqrt(si) + eps);
        }
    }

    static void adam(float[] p, float[] g, float[] m, float[] v, int from, int to, float b1,
            float b2, float c1, float c2, float negStep, float bc2Sqrt, float eps) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = m[i] * b1 + c1 * gi;
            float vi = v[i] * b2 + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] + negStep * mi / ((float) Math.sqrt(vi) / bc2Sqrt + eps);
        }
    }

    /** As {@link #prepare(double[], double[], int, Kernel)}, in float32. */
    static void prepare(float[] p, float[] g, int len, Kernel k) {
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
}
