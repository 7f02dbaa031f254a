package dev.optim.landscapes.sharpness;

/** Test matrices with a known spectrum, built by hand (no eigen-solver involved). */
final class Matrices {

    private Matrices() {}

    /**
     * {@code Q·diag(λ)·Qᵀ} with the Householder reflection {@code Q = I − 2uuᵀ/(uᵀu)}, which is
     * orthogonal, so the eigenvalues are exactly {@code λ} (up to the rounding of the product).
     */
    static double[][] withSpectrum(double[] lambda, double[] u) {
        int n = lambda.length;
        double uu = 0;
        for (double x : u) {
            uu += x * x;
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = (i == j ? 1 : 0) - 2 * u[i] * u[j] / uu;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * lambda[k] * q[j][k];
                }
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return a;
    }

    /** The eigenvalues of a symmetric 2 × 2 matrix, larger first, by the quadratic formula. */
    static double[] eigen2(double a, double b, double d) {
        double mean = (a + d) / 2;
        double r = Math.hypot((a - d) / 2, b);
        return new double[] {mean + r, mean - r};
    }
}
