package dev.optim.search.gp;

/**
 * Expected improvement below the best value {@code f*} (Jones, Schonlau and Welch 1998), for
 * minimisation, with an exploration margin ξ:
 *
 * <pre>
 * s = √s²(x),   z = (f* − ξ − μ(x)) / s
 * EI(x) = (f* − ξ − μ(x))·Φ(z) + s·φ(z)        (0 where s = 0 and μ ≥ f* − ξ)
 * ∂EI/∂μ = −Φ(z),   ∂EI/∂s = φ(z)
 * </pre>
 */
public final class ExpectedImprovement {

    private ExpectedImprovement() {}

    /**
     * EI at a point and, optionally, its gradient.
     *
     * @param gp the posterior
     * @param x the point
     * @param best the best observed value {@code f*}
     * @param xi the margin ξ, {@code ≥ 0}
     * @param grad where {@code ∂EI/∂x} is written, or {@code null}
     * @return EI, {@code ≥ 0}
     */
    public static double value(GaussianProcess gp, double[] x, double best, double xi, double[] grad) {
        double[] dm = grad == null ? null : new double[x.length];
        double[] dv = grad == null ? null : new double[x.length];
        double[] p = gp.predict(x, dm, dv);
        double s = Math.sqrt(p[1]);
        double imp = best - xi - p[0];
        if (s < 1e-12) {
            if (grad != null) {
                java.util.Arrays.fill(grad, 0);
                if (imp > 0) {
                    for (int d = 0; d < x.length; d++) {
                        grad[d] = -dm[d];
                    }
                }
            }
            return Math.max(0, imp);
        }
        double z = imp / s;
        double cdf = normalCdf(z);
        double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        double ei = imp * cdf + s * pdf;
        if (grad != null) {
            for (int d = 0; d < x.length; d++) {
                // ∂s/∂x = ∂s²/∂x / (2s).
                grad[d] = -cdf * dm[d] + pdf * dv[d] / (2 * s);
            }
        }
        return Math.max(0, ei);
    }

    /**
     * The standard normal distribution function Φ, through the complementary error function of
     * Numerical Recipes' {@code erfcc} (Chebyshev fit, relative error below 1.2e-7).
     *
     * @param z the argument
     * @return Φ(z)
     */
    public static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
