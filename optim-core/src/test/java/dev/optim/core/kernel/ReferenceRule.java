package dev.optim.core.kernel;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;

/**
 * The update rules as one straightforward scalar loop per step, element by element, written
 * from the optimizers' Javadoc and the preparation order in {@link dev.optim.core.BaseOptimizer}: the reference the
 * kernel tiers must match. Float32 runs in float arithmetic with the coefficients cast to float.
 */
final class ReferenceRule {

    private ReferenceRule() {}

    /** One update {@code t} of {@code opt} in float64 on {@code p} and {@code s}. */
    static void step(BaseOptimizer opt, double[] p, double[] g, double[][] s, long t) {
        int n = p.length;
        double lr = opt.learningRate().valueAt(t - 1);
        Clipping c = opt.clipping();
        double clip = c.mode() == Clipping.Mode.BY_VALUE ? c.threshold() : Double.POSITIVE_INFINITY;
        double scale = 1;
        if (c.mode() == Clipping.Mode.BY_GLOBAL_NORM) {
            double sum = 0;
            for (double v : g) {
                sum += v * v;
            }
            double norm = Math.sqrt(sum);
            scale = norm > c.threshold() || !Double.isFinite(norm) ? c.threshold() / norm : 1;
        }
        double coupled = opt.decoupledWeightDecay() ? 0 : opt.weightDecay();
        double decay = opt.decoupledWeightDecay() ? 1 - lr * opt.weightDecay() : 1;
        for (int i = 0; i < n; i++) {
            double pi = decay != 1 ? p[i] * decay : p[i];
            double gi = g[i];
            if (clip < Double.POSITIVE_INFINITY) {
                gi = Math.max(-clip, Math.min(clip, gi));
            }
            if (scale != 1) {
                gi = gi * scale;
            }
            if (coupled != 0) {
                gi = gi + coupled * pi;
            }
            if (opt instanceof Sgd) {
                p[i] = pi + -lr * gi;
            } else if (opt instanceof Momentum m) {
                double mu = m.momentum();
                double vi;
                switch (m.form()) {
                    case EMA -> {
                        vi = s[0][i] * mu + (1 - mu) * gi;
                        p[i] = pi + -lr * vi;
                    }
                    case HEAVY_BALL -> {
                        vi = s[0][i] * mu + gi;
                        p[i] = pi + -lr * vi;
                    }
                    default -> {
                        vi = s[0][i] * mu + gi;
                        p[i] = pi + -lr * (gi + mu * vi);
                    }
                }
                s[0][i] = vi;
            } else if (opt instanceof RmsProp r) {
                double si = s[0][i] * r.rho() + (1 - r.rho()) * gi * gi;
                s[0][i] = si;
                p[i] = pi + -lr * gi / (Math.sqrt(si) + r.epsilon());
            } else {
                Adam a = (Adam) opt;
                double mi = s[0][i] * a.beta1() + (1 - a.beta1()) * gi;
                double vi = s[1][i] * a.beta2() + (1 - a.beta2()) * gi * gi;
                s[0][i] = mi;
                s[1][i] = vi;
                double negStep = -(lr / (1 - Math.pow(a.beta1(), t)));
                double bc2Sqrt = Math.sqrt(1 - Math.pow(a.beta2(), t));
                p[i] = pi + negStep * mi / (Math.sqrt(vi) / bc2Sqrt + a.epsilon());
            }
        }
    }

    /** One update {@code t} of {@code opt} in float32 on {@code p} and {@code s}. */
    static void step(BaseOptimizer opt, float[] p, float[] g, float[][] s, long t) {
        int n = p.length;
        double lr = opt.learningRate().valueAt(t - 1);
        Clipping c = opt.clipping();
        float clip = c.mode() == Clipping.Mode.BY_VALUE ? (float) c.threshold() : Float.POSITIVE_INFINITY;
        float scale = 1;
        if (c.mode() == Clipping.Mode.BY_GLOBAL_NORM) {
            double sum = 0;
            for (float f : g) {
                double v = f;
                sum += v * v;
            }
            double norm = Math.sqrt(sum);
            scale = (float) (norm > c.threshold() || !Double.isFinite(norm) ? c.threshold() / norm : 1);
        }
        float coupled = (float) (opt.decoupledWeightDecay() ? 0 : opt.weightDecay());
        float decay = (float) (opt.decoupledWeightDecay() ? 1 - lr * opt.weightDecay() : 1);
        float alpha = (float) -lr;
        for (int i = 0; i < n; i++) {
            float pi = decay != 1 ? p[i] * decay : p[i];
            float gi = g[i];
            if (clip < Float.POSITIVE_INFINITY) {
                gi = Math.max(-clip, Math.min(clip, gi));
            }
            if (scale != 1) {
                gi = gi * scale;
            }
            if (coupled != 0) {
                gi = gi + coupled * pi;
            }
            if (opt instanceof Sgd) {
                p[i] = pi + alpha * gi;
            } else if (opt instanceof Momentum m) {
                float mu = (float) m.momentum();
                float vi;
                switch (m.form()) {
                    case EMA -> {
                        vi = s[0][i] * mu + (float) (1 - m.momentum()) * gi;
                        p[i] = pi + alpha * vi;
                    }
                    case HEAVY_BALL -> {
                        vi = s[0][i] * mu + gi;
                        p[i] = pi + alpha * vi;
                    }
                    default -> {
                        vi = s[0][i] * mu + gi;
                        p[i] = pi + alpha * (gi + mu * vi);
                    }
                }
                s[0][i] = vi;
            } else if (opt instanceof RmsProp r) {
                float si = s[0][i] * (float) r.rho() + (float) (1 - r.rho()) * gi * gi;
                s[0][i] = si;
                p[i] = pi + alpha * gi / ((float) Math.sqrt(si) + (float) r.epsilon());
            } else {
                Adam a = (Adam) opt;
                float mi = s[0][i] * (float) a.beta1() + (float) (1 - a.beta1()) * gi;
                float vi = s[1][i] * (float) a.beta2() + (float) (1 - a.beta2()) * gi * gi;
                s[0][i] = mi;
                s[1][i] = vi;
                float negStep = (float) -(lr / (1 - Math.pow(a.beta1(), t)));
                float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(a.beta2(), t));
                p[i] = pi + negStep * mi / ((float) Math.sqrt(vi) / bc2Sqrt + (float) a.epsilon());
            }
        }
    }
}
