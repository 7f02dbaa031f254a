package dev.optim.core.optimizer;

/**
 * The explicit gradients of the reference fixtures' test functions, written with the same
 * operation order as {@code tools/fixtures/gen_optimizer_fixtures.py}, in float64 and in float32
 * arithmetic, so that a trajectory compared with PyTorch's differs only by the optimizer.
 *
 * <ul>
 *   <li>{@code rosenbrock}: {@code f = (1−x)² + 100(y−x²)²}; {@code t = y − x·x},
 *       {@code gx = −2·(1 − x) − 400·x·t}, {@code gy = 200·t};
 *   <li>{@code quadratic}: {@code f = ½ Σ aᵢ xᵢ²}; {@code gᵢ = aᵢ·xᵢ}.
 * </ul>
 */
final class ReferenceFunctions {

    private ReferenceFunctions() {}

    /** A gradient in float64 and in float32 arithmetic. */
    interface Gradient {
        double[] at(double[] x);

        float[] at(float[] x);
    }

    static Gradient named(String name, double[] a) {
        return switch (name) {
            case "rosenbrock" -> new Gradient() {
                @Override
                public double[] at(double[] p) {
                    double x = p[0];
                    double y = p[1];
                    double t = y - x * x;
                    return new double[] {-2.0 * (1.0 - x) - 400.0 * x * t, 200.0 * t};
                }

                @Override
                public float[] at(float[] p) {
                    float x = p[0];
                    float y = p[1];
                    float t = y - x * x;
                    return new float[] {-2f * (1f - x) - 400f * x * t, 200f * t};
                }
            };
            case "quadratic" -> new Gradient() {
                @Override
                public double[] at(double[] x) {
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = a[i] * x[i];
                    }
                    return g;
                }

                @Override
                public float[] at(float[] x) {
                    float[] g = new float[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = (float) a[i] * x[i];
                    }
                    return g;
                }
            };
            default -> throw new IllegalArgumentException("unknown test function " + name);
        };
    }
}
