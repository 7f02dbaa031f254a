package dev.optim.bench;

/**
 * The floors of issue 11's element-wise catalogue: each rule as one fused loop over plain
 * float32 arrays with the arithmetic of Optim's rules at their default hyperparameters
 * (coefficients in float64, cast to float), which C2 vectorises. Independent of optim-core.
 */
final class CatalogueLoops {

    private CatalogueLoops() {}

    /** The optimizers of the catalogue, as {@link CatalogueBenchmark} names them. */
    static final String[] NAMES = {"adagrad", "adadelta", "adamax", "nadam", "radam", "amsgrad",
        "rmsprop-centered", "rmsprop-momentum", "rmsprop-centered-momentum", "lion",
        "schedule-free-adamw"};

    /** The number of state buffers of each. */
    static int stateBuffers(String name) {
        return switch (name) {
            case "adagrad", "lion" -> 1;
            case "amsgrad", "rmsprop-centered-momentum", "schedule-free-adamw" -> 3;
            default -> 2;
        };
    }

    /**
     * Update {@code t} (1 for the first) of the named optimizer on float32 arrays; each rule is
     * its own small method, so that C2 compiles and vectorises each loop on its own.
     */
    static void step(String name, float[] p, float[] g, float[] s0, float[] s1, float[] s2,
            long t) {
        switch (name) {
            case "adagrad" -> adagrad(name, p, g, s0, s1, s2, t);
            case "adadelta" -> adadelta(name, p, g, s0, s1, s2, t);
            case "adamax" -> adamax(name, p, g, s0, s1, s2, t);
            case "nadam" -> nadam(name, p, g, s0, s1, s2, t);
            case "radam" -> radam(name, p, g, s0, s1, s2, t);
            case "amsgrad" -> amsgrad(name, p, g, s0, s1, s2, t);
            case "rmsprop-centered", "rmsprop-momentum", "rmsprop-centered-momentum" ->
                    rmspropVariants(name, p, g, s0, s1, s2, t);
            case "lion" -> lion(name, p, g, s0, s1, s2, t);
            case "schedule-free-adamw" -> scheduleFree(p, g, s0, s1, s2, t);
            default -> throw new IllegalArgumentException("unknown optimizer " + name);
        }
    }

    private static void adagrad(String name, float[] p, float[] g, float[] s0, float[] s1,
            float[] s2, long t) {
        int n = p.length;
        float alpha = (float) -0.01;
        float eps = 1e-10f;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float si = s0[i] + gi * gi;
            s0[i] = si;
            p[i] = p[i] + alpha * gi / ((float) Math.sqrt(si) + eps);
        }
    }

    private static void adadelta(String name, float[] p, float[] g, float[] s0, float[] s1,
            float[] s2, long t) {
        int n = p.length;
        float rho = 0.9f;
        float oneMinus = (float) (1 - 0.9);
        float eps = 1e-6f;
        float alpha = -1f;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float si = s0[i] * rho + oneMinus * gi * gi;
            s0[i] = si;
            float d = (float) Math.sqrt(s1[i] + eps) / (float) Math.sqrt(si + eps) * gi;
            s1[i] = s1[i] * rho + oneMinus * d * d;
            p[i] = p[i] + alpha * d;
        }
    }

    private static void adamax(String name, float[] p, float[] g, float[] s0, float[] s1,
            float[] s2, long t) {
        int n = p.length;
        float b1 = 0.9f;
        float b2 = 0.999f;
        float c1 = (float) (1 - 0.9);
        float eps = 1e-8f;
        float negStep = (float) -(0.002 / (1 - Math.pow(0.9, t)));
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = s0[i] * b1 + c1 * gi;
            float ui = Math.max(s1[i] * b2, Math.abs(gi) + eps);
            s0[i] = mi;
            s1[i] = ui;
            p[i] = p[i] + negStep * mi / ui;
        }
    }

    private static void nadam(String name, float[] p, float[] g, float[] s0, float[] s1,
            float[] s2, long t) {
        int n = p.length;
        double mu = 0.9 * (1 - 0.5 * Math.pow(0.96, t * 0.004));
        double muNext = 0.9 * (1 - 0.5 * Math.pow(0.96, (t + 1) * 0.004));
        float b1 = 0.9f;
        float b2 = 0.999f;
        float c1 = (float) (1 - 0.9);
        float c2 = (float) (1 - 0.999);
        float eps = 1e-8f;
        float bc2 = (float) (1 - Math.pow(0.999, t));
        float k1 = (float) (-0.002 * (1 - mu) / (1 - Math.pow(mu, t)));
        float k2 = (float) (-0.002 * muNext / (1 - Math.pow(mu, t) * muNext));
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = s0[i] * b1 + c1 * gi;
            float vi = s1[i] * b2 + c2 * gi * gi;
            s0[i] = mi;
            s1[i] = vi;
            float d = (float) Math.sqrt(vi / bc2) + eps;
            float pi = p[i] + k1 * gi / d;
            p[i] = pi + k2 * mi / d;
        }
    }

    private static void radam(String name, float[] p, float[] g, float[] s0, float[] s1,
            float[] s2, long t) {
        int n = p.length;
        // RAdam's rectification, as the paper: ρ_∞ = 2/(1 − β2) − 1, ρ_t = ρ_∞ − 2tβ2ᵗ/(1 − β2ᵗ);
        // rectified (ρ_t > 5, every step after the fifth at the default β2) or plain momentum.
        float b1 = 0.9f;
        float b2 = 0.999f;
        float c1 = (float) (1 - 0.9);
        float c2 = (float) (1 - 0.999);
        float eps = 1e-8f;
        float lr = 0.001f;
        double bc2d = 1 - Math.pow(0.999, t);
        double rhoInf = 2 / (1 - 0.999) - 1;
        double rhoT = rhoInf - 2 * (double) t * Math.pow(0.999, t) / bc2d;
        float bc1 = (float) (1 - Math.pow(0.9, t));
        float sqrtBc2 = (float) Math.sqrt(bc2d);
        if (rhoT <= 5) {
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float mi = s0[i] * b1 + c1 * gi;
                s0[i] = mi;
                s1[i] = s1[i] * b2 + c2 * gi * gi;
                p[i] = p[i] - mi / bc1 * lr;
            }
            return;
        }
        float rect = (float) Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf
                / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = s0[i] * b1 + c1 * gi;
            float vi = s1[i] * b2 + c2 * gi * gi;
            s0[i] = mi;
            s1[i] = vi;
            p[i] = p[i] - mi / bc1 * lr * (sqrtBc2 / ((float) Math.sqrt(vi) + eps)) * rect;
        }
    }

    private static void amsgrad(String name, float[] p, float[] g, float[] s0, float[] s1,
            float[] s2, long t) {
        int n = p.length;
        float b1 = 0.9f;
        float b2 = 0.999f;
        float c1 = (float) (1 - 0.9);
        float c2 = (float) (1 - 0.999);
        float negStep = (float) -(0.001 / (1 - Math.pow(0.9, t)));
        float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(0.999, t));
        float eps = 1e-8f;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = s0[i] * b1 + c1 * gi;
            float vi = s1[i] * b2 + c2 * gi * gi;
            float wi = Math.max(s2[i], vi);
            s0[i] = mi;
            s1[i] = vi;
            s2[i] = wi;
            p[i] = p[i] + negStep * mi / ((float) Math.sqrt(wi) / bc2Sqrt + eps);
        }
    }

    private static void rmspropVariants(String name, float[] p, float[] g, float[] s0,
            float[] s1, float[] s2, long t) {
        int n = p.length;
        float rho = 0.9f;
        float oneMinus = (float) (1 - 0.9);
        float eps = 1e-8f;
        float mu = 0.9f;
        float alpha = -0.01f;
        if (name.equals("rmsprop-centered")) {
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float si = s0[i] * rho + oneMinus * gi * gi;
                float ai = s1[i] * rho + oneMinus * gi;
                s0[i] = si;
                s1[i] = ai;
                p[i] = p[i] + alpha * gi / ((float) Math.sqrt(si - ai * ai) + eps);
            }
        } else if (name.equals("rmsprop-momentum")) {
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float si = s0[i] * rho + oneMinus * gi * gi;
                s0[i] = si;
                float bi = s1[i] * mu + gi / ((float) Math.sqrt(si) + eps);
                s1[i] = bi;
                p[i] = p[i] + alpha * bi;
            }
        } else {
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float si = s0[i] * rho + oneMinus * gi * gi;
                float ai = s1[i] * rho + oneMinus * gi;
                s0[i] = si;
                s1[i] = ai;
                float bi = s2[i] * mu + gi / ((float) Math.sqrt(si - ai * ai) + eps);
                s2[i] = bi;
                p[i] = p[i] + alpha * bi;
            }
        }
    }

    private static void lion(String name, float[] p, float[] g, float[] s0, float[] s1,
            float[] s2, long t) {
        int n = p.length;
        float b1 = 0.9f;
        float b2 = 0.99f;
        float c1 = (float) (1 - 0.9);
        float c2 = (float) (1 - 0.99);
        float alpha = (float) -1e-4;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = s0[i];
            float c = mi * b1 + gi * c1;
            p[i] = p[i] + alpha * Math.signum(c);
            s0[i] = mi * b2 + c2 * gi;
        }
    }

    /**
     * Schedule-Free AdamW at its defaults with λ = 0.01 (warm-up 0, r 0, weight-lr power 2):
     * {@code s0} is z, {@code s1} is v, {@code s2} is x (z and x start at the parameters). The
     * rate {@code γ_t = lr·√(1 − β₂ᵗ)} grows with t, so its running maximum is {@code γ_t} and
     * the averaging weight {@code c_t = γ_t² / Σ_{j≤t} γ_j²} has the closed-form sum
     * {@code Σ_{j≤t} γ_j² = lr²·(t − β₂(1 − β₂ᵗ)/(1 − β₂))}.
     */
    private static void scheduleFree(float[] p, float[] g, float[] s0, float[] s1, float[] s2,
            long t) {
        double lr = 0.0025;
        double beta2 = 0.999;
        double pow = Math.pow(beta2, t);
        double gamma = lr * Math.sqrt(1 - pow);
        double sum = lr * lr * (t - beta2 * (1 - pow) / (1 - beta2));
        float c = (float) (gamma * gamma / sum);
        float keep = 1 - c;
        float b1 = 0.9f;
        float c1 = (float) (1 - 0.9);
        float b2 = (float) beta2;
        float c2 = (float) (1 - beta2);
        float eps = 1e-8f;
        float negLr = (float) -gamma;
        float dc = (float) (gamma * 0.01);
        int n = p.length;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float zi = s0[i] - dc * p[i];
            float vi = s1[i] * b2 + c2 * gi * gi;
            zi = zi + negLr * (gi / ((float) Math.sqrt(vi) + eps));
            float xi = s2[i] * keep + c * zi;
            s1[i] = vi;
            s0[i] = zi;
            s2[i] = xi;
            p[i] = xi * b1 + c1 * zi;
        }
    }
}
