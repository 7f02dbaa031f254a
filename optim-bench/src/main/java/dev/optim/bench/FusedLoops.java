package dev.optim.bench;

/**
 * The floor: each update rule as one fused loop over plain Java arrays, with the same
 * arithmetic as Optim's kernels (coefficients in float64, cast to float for float32), which C2
 * vectorises. Independent of optim-core.
 */
final class FusedLoops {

    private FusedLoops() {}

    /** Update {@code t} (1 for the first) of the named optimizer on float32 arrays. */
    static void step(String name, float[] p, float[] g, float[] s0, float[] s1, long t) {
        int n = p.length;
        switch (name) {
            case "sgd" -> {
                float alpha = (float) -Workload.SGD_LR;
                for (int i = 0; i < n; i++) {
                    p[i] = p[i] + alpha * g[i];
                }
            }
            case "momentum" -> {
                float alpha = (float) -Workload.MOMENTUM_LR;
                float mu = (float) Workload.MOMENTUM;
                for (int i = 0; i < n; i++) {
                    float gi = g[i];
                    float vi = s0[i] * mu + gi;
                    s0[i] = vi;
                    p[i] = p[i] + alpha * (gi + mu * vi);
                }
            }
            case "rmsprop" -> {
                float alpha = (float) -Workload.RMSPROP_LR;
                float rho = (float) Workload.RHO;
                float oneMinus = (float) (1 - Workload.RHO);
                float eps = (float) Workload.EPSILON;
                for (int i = 0; i < n; i++) {
                    float gi = g[i];
                    float si = s0[i] * rho + oneMinus * gi * gi;
                    s0[i] = si;
                    p[i] = p[i] + alpha * gi / ((float) Math.sqrt(si) + eps);
                }
            }
            case "adam" -> {
                float b1 = (float) Workload.BETA1;
                float b2 = (float) Workload.BETA2;
                float c1 = (float) (1 - Workload.BETA1);
                float c2 = (float) (1 - Workload.BETA2);
                float negStep = (float) -(Workload.ADAM_LR / (1 - Math.pow(Workload.BETA1, t)));
                float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(Workload.BETA2, t));
                float eps = (float) Workload.EPSILON;
                for (int i = 0; i < n; i++) {
                    float gi = g[i];
                    float mi = s0[i] * b1 + c1 * gi;
                    float vi = s1[i] * b2 + c2 * gi * gi;
                    s0[i] = mi;
                    s1[i] = vi;
                    p[i] = p[i] + negStep * mi / ((float) Math.sqrt(vi) / bc2Sqrt + eps);
                }
            }
            default -> throw new IllegalArgumentException("unknown optimizer " + name);
        }
    }

    /** Update {@code t} (1 for the first) of the named optimizer on float64 arrays. */
    static void step(String name, double[] p, double[] g, double[] s0, double[] s1, long t) {
        int n = p.length;
        switch (name) {
            case "sgd" -> {
                double alpha = -Workload.SGD_LR;
                for (int i = 0; i < n; i++) {
                    p[i] = p[i] + alpha * g[i];
                }
            }
            case "momentum" -> {
                double alpha = -Workload.MOMENTUM_LR;
                double mu = Workload.MOMENTUM;
                for (int i = 0; i < n; i++) {
                    double gi = g[i];
                    double vi = s0[i] * mu + gi;
                    s0[i] = vi;
                    p[i] = p[i] + alpha * (gi + mu * vi);
                }
            }
            case "rmsprop" -> {
                double alpha = -Workload.RMSPROP_LR;
                double rho = Workload.RHO;
                double oneMinus = 1 - Workload.RHO;
                double eps = Workload.EPSILON;
                for (int i = 0; i < n; i++) {
                    double gi = g[i];
                    double si = s0[i] * rho + oneMinus * gi * gi;
                    s0[i] = si;
                    p[i] = p[i] + alpha * gi / (Math.sqrt(si) + eps);
                }
            }
            case "adam" -> {
                double b1 = Workload.BETA1;
                double b2 = Workload.BETA2;
                double c1 = 1 - b1;
                double c2 = 1 - b2;
                double negStep = -(Workload.ADAM_LR / (1 - Math.pow(b1, t)));
                double bc2Sqrt = Math.sqrt(1 - Math.pow(b2, t));
                double eps = Workload.EPSILON;
                for (int i = 0; i < n; i++) {
                    double gi = g[i];
                    double mi = s0[i] * b1 + c1 * gi;
                    double vi = s1[i] * b2 + c2 * gi * gi;
                    s0[i] = mi;
                    s1[i] = vi;
                    p[i] = p[i] + negStep * mi / (Math.sqrt(vi) / bc2Sqrt + eps);
                }
            }
            default -> throw new IllegalArgumentException("unknown optimizer " + name);
        }
    }
}
