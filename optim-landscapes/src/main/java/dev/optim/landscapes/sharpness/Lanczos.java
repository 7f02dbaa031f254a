package dev.optim.landscapes.sharpness;

import java.util.SplittableRandom;

/**
 * The largest eigenvalues of a symmetric operator by the Lanczos iteration with full
 * reorthogonalisation, from Hessian-vector products alone.
 *
 * <p>From a seeded random unit vector {@code q₁}, for {@code j = 1 … m}:
 * {@code w = H·q_j;  α_j = q_j·w;  w ← w − α_j·q_j − β_{j−1}·q_{j−1};}
 * {@code w ← w − Σ_{i≤j} (q_i·w)·q_i} (twice, which keeps the basis orthogonal to rounding);
 * {@code β_j = ‖w‖;  q_{j+1} = w / β_j}. The eigenvalues of the tridiagonal matrix
 * {@code T_m = tridiag(β, α, β)} (the Ritz values) approximate the extreme eigenvalues of
 * {@code H}, the largest ones first to converge. The iteration stops early when {@code β_j}
 * vanishes (an invariant subspace: the Ritz values are then exact) and never runs past the
 * dimension {@code n}.
 *
 * <p>Memory: {@code m + 1} vectors of length {@code n}. Cost: {@code m} products.
 *
 * <pre>{@code
 * HessianVectorProduct hvp = HessianVectorProduct.centralDifference(loss, theta);
 * Spectrum s = Lanczos.withIterations(20).topEigenvalues(hvp, 3);
 * double sharpness = s.top();
 * }</pre>
 *
 * <p>Reference: G. H. Golub and C. F. Van Loan, "Matrix Computations", 4th ed., section 10.1.
 *
 * @param iterations the number of iterations {@code m}, at least 1
 * @param seed the seed of the starting vector
 */
public record Lanczos(int iterations, long seed) {

    /** The default seed of the starting vector: {@value}. */
    public static final long DEFAULT_SEED = 1;

    /**
     * Validates the configuration.
     *
     * @param iterations the number of iterations
     * @param seed the seed of the starting vector
     * @throws IllegalArgumentException if {@code iterations < 1}
     */
    public Lanczos {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
    }

    /**
     * A Lanczos iteration of {@code iterations} steps from the default seed.
     *
     * @param iterations {@code m ≥ 1}
     * @return the configuration
     * @throws IllegalArgumentException if {@code iterations < 1}
     */
    public static Lanczos withIterations(int iterations) {
        return new Lanczos(iterations, DEFAULT_SEED);
    }

    /**
     * The {@code count} algebraically largest Ritz values of {@code hvp}'s operator.
     *
     * @param hvp the Hessian-vector products
     * @param count how many eigenvalues, at least 1 and at most {@code min(m, n)}
     * @return the eigenvalues, descending, with their residual bounds; fewer than {@code count}
     *     (all of them, exact) when the Krylov space is exhausted before, as for an operator with
     *     fewer distinct eigenvalues than {@code count}
     * @throws IllegalArgumentException if {@code hvp} is null, {@code count} is out of range, or
     *     a product is not finite
     */
    public Spectrum topEigenvalues(HessianVectorProduct hvp, int count) {
        if (hvp == null) {
            throw new IllegalArgumentException("hvp must not be null");
        }
        int n = hvp.dimension();
        int m = Math.min(iterations, n);
        if (count < 1 || count > m) {
            throw new IllegalArgumentException("count must be in [1, " + m
                    + "] (at most the iterations " + iterations + " and the dimension " + n
                    + "), got " + count);
        }
        double[][] q = new double[m + 1][];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        q[0] = randomUnit(n, seed);
        double[] w = new double[n];
        int steps = 0;
        double lastBeta = 0;
        for (int j = 0; j < m; j++) {
            hvp.apply(q[j], w);
            Points.requireFinite("H·q" + (j + 1), w);
            steps++;
            alpha[j] = Points.dot(q[j], w);
            for (int i = 0; i < n; i++) {
                w[i] -= alpha[j] * q[j][i] + (j > 0 ? beta[j - 1] * q[j - 1][i] : 0.0);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k <= j; k++) {
                    double c = Points.dot(q[k], w);
                    for (int i = 0; i < n; i++) {
                        w[i] -= c * q[k][i];
                    }
                }
            }
            double b = Points.norm(w);
            lastBeta = b;
            double scale = Math.abs(alpha[j]) + (j > 0 ? beta[j - 1] : 0.0);
            if (j == m - 1 || b <= 1e-12 * Math.max(scale, Double.MIN_NORMAL)) {
                if (j < m - 1) {
                    lastBeta = 0; // an invariant subspace: the Ritz values are exact
                }
                break;
            }
            beta[j] = b;
            q[j + 1] = new double[n];
            for (int i = 0; i < n; i++) {
                q[j + 1][i] = w[i] / b;
            }
        }
        double[][] t = new double[steps][steps];
        for (int j = 0; j < steps; j++) {
            t[j][j] = alpha[j];
            if (j + 1 < steps) {
                t[j][j + 1] = beta[j];
                t[j + 1][j] = beta[j];
            }
        }
        SymmetricEigen eigen = new SymmetricEigen(t);
        int k = Math.min(count, steps);
        double[] values = new double[k];
        double[] residuals = new double[k];
        for (int i = 0; i < k; i++) {
            values[i] = eigen.values[i];
            residuals[i] = Math.abs(lastBeta * eigen.vectors[steps - 1][i]);
        }
        return new Spectrum(values, residuals, steps);
    }

    /** A unit vector with N(0, 1) entries (Box–Muller over {@link SplittableRandom}). */
    static double[] randomUnit(int n, long seed) {
        double[] v = new double[n];
        Gaussians.fill(v, new SplittableRandom(seed));
        double norm = Points.norm(v);
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        return v;
    }

    @Override
    public String toString() {
        return "Lanczos{iterations=" + iterations + ", seed=" + seed + "}";
    }
}
