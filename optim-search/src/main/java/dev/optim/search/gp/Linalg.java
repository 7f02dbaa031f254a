package dev.optim.search.gp;

/** Dense Cholesky factorisation and triangular solves on {@code double[][]}. */
final class Linalg {

    private Linalg() {}

    /** The lower Cholesky factor of a symmetric matrix given by its lower triangle. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = a[j][j];
            double[] lj = l[j];
            for (int k = 0; k < j; k++) {
                s -= lj[k] * lj[k];
            }
            if (!(s > 0)) {
                throw new ArithmeticException("matrix is not positive definite (pivot " + j + " = " + s + ")");
            }
            double d = Math.sqrt(s);
            lj[j] = d;
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= li[k] * lj[k];
                }
                li[j] = t / d;
            }
        }
        return l;
    }

    /** Solves {@code L·z = b}. */
    static double[] forward(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * z[k];
            }
            z[i] = s / li[i];
        }
        return z;
    }

    /** Solves {@code Lᵀ·z = b}. */
    static double[] backward(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * z[k];
            }
            z[i] = s / l[i][i];
        }
        return z;
    }

    /** Solves {@code L·Lᵀ·z = b}. */
    static double[] solveCholesky(double[][] l, double[] b) {
        return backward(l, forward(l, b));
    }

    /** {@code (L·Lᵀ)⁻¹}, full. */
    static double[][] inverseCholesky(double[][] l) {
        int n = l.length;
        double[][] inv = new double[n][];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            inv[j] = solveCholesky(l, e);
        }
        return inv;
    }
}
