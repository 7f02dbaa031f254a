package dev.optim.search.gp;

import dev.optim.core.ArrayObjective;

/**
 * A small L-BFGS (Nocedal and Wright 2006, Algorithm 7.4 and 7.5) with a backtracking Armijo line
 * search that also backs off from non-finite values; curvature pairs with {@code sᵀy ≤ 0} are
 * skipped.
 */
final class SmallLbfgs {

    private static final int MEMORY = 10;
    private static final int MAX_ITERATIONS = 200;
    private static final double GRADIENT_TOLERANCE = 1e-6;

    private SmallLbfgs() {}

    static double[] minimize(ArrayObjective f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        if (!Double.isFinite(fx)) {
            return x;
        }
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int count = 0;
        double[] xn = new double[n];
        double[] gn = new double[n];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            if (maxAbs(g) < GRADIENT_TOLERANCE) {
                break;
            }
            // Two-loop recursion: d = −H·g.
            double[] q = g.clone();
            int m = Math.min(count, MEMORY);
            double[] a = new double[m];
            for (int k = 0; k < m; k++) {
                int j = Math.floorMod(count - 1 - k, MEMORY);
                a[k] = rho[j] * dot(s[j], q);
                axpy(-a[k], y[j], q);
            }
            double gamma = 1;
            if (m > 0) {
                int j = Math.floorMod(count - 1, MEMORY);
                gamma = dot(s[j], y[j]) / dot(y[j], y[j]);
            } else {
                gamma = 1 / Math.max(1, Math.sqrt(dot(g, g)));
            }
            for (int i = 0; i < n; i++) {
                q[i] *= gamma;
            }
            for (int k = m - 1; k >= 0; k--) {
                int j = Math.floorMod(count - 1 - k, MEMORY);
                double b = rho[j] * dot(y[j], q);
                axpy(a[k] - b, s[j], q);
            }
            double slope = 0;
            for (int i = 0; i < n; i++) {
                q[i] = -q[i];
                slope += q[i] * g[i];
            }
            if (!(slope < 0)) {
                // Not a descent direction: restart from steepest descent.
                count = 0;
                for (int i = 0; i < n; i++) {
                    q[i] = -g[i] * gamma;
                }
                slope = -dot(g, g) * gamma;
            }
            double step = 1;
            double fn = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 40; ls++) {
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + step * q[i];
                }
                fn = f.evaluate(xn, gn);
                if (Double.isFinite(fn) && fn <= fx + 1e-4 * step * slope && allFinite(gn)) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            int j = Math.floorMod(count, MEMORY);
            s[j] = new double[n];
            y[j] = new double[n];
            for (int i = 0; i < n; i++) {
                s[j][i] = xn[i] - x[i];
                y[j][i] = gn[i] - g[i];
            }
            double sy = dot(s[j], y[j]);
            if (sy > 1e-12) {
                rho[j] = 1 / sy;
                count++;
            }
            boolean stalled = fx - fn <= 1e-12 * Math.max(1, Math.abs(fx));
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            if (stalled) {
                break;
            }
        }
        return x;
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
