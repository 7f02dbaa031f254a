package dev.optim.losses;

/**
 * An independent least-squares solver for the tests: Householder QR of the design matrix
 * {@code [X 1]} (rows scaled by {@code √w_i} for weighted least squares), then back
 * substitution. Plain Java, no ND4J, nothing from the code under test.
 */
final class LeastSquares {

    private LeastSquares() {}

    /** argmin_θ Σ_i w_i (x_i·θ_w + θ_b − y_i)²; weights may be null (all 1). */
    static double[] solve(double[][] x, double[] y, double[] weights) {
        int n = x.length;
        int p = x[0].length + 1;
        double[][] a = new double[n][p];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double s = weights == null ? 1 : Math.sqrt(weights[i]);
            for (int j = 0; j < p - 1; j++) {
                a[i][j] = s * x[i][j];
            }
            a[i][p - 1] = s;
            b[i] = s * y[i];
        }
        for (int k = 0; k < p; k++) {
            double norm = 0;
            for (int i = k; i < n; i++) {
                norm += a[i][k] * a[i][k];
            }
            norm = Math.sqrt(norm);
            double alpha = a[k][k] > 0 ? -norm : norm;
            double[] v = new double[n];
            for (int i = k; i < n; i++) {
                v[i] = a[i][k];
            }
            v[k] -= alpha;
            double vv = 0;
            for (int i = k; i < n; i++) {
                vv += v[i] * v[i];
            }
            if (vv == 0) {
                continue;
            }
            for (int j = k; j < p; j++) {
                double dot = 0;
                for (int i = k; i < n; i++) {
                    dot += v[i] * a[i][j];
                }
                double f = 2 * dot / vv;
                for (int i = k; i < n; i++) {
                    a[i][j] -= f * v[i];
                }
            }
            double dot = 0;
            for (int i = k; i < n; i++) {
                dot += v[i] * b[i];
            }
            double f = 2 * dot / vv;
            for (int i = k; i < n; i++) {
                b[i] -= f * v[i];
            }
        }
        double[] theta = new double[p];
        for (int k = p - 1; k >= 0; k--) {
            double s = b[k];
            for (int j = k + 1; j < p; j++) {
                s -= a[k][j] * theta[j];
            }
            theta[k] = s / a[k][k];
        }
        return theta;
    }
}
