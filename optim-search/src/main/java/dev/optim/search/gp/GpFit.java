package dev.optim.search.gp;

import dev.optim.core.ArrayObjective;
import java.util.SplittableRandom;

/**
 * Fits a {@link GaussianProcess}'s hyperparameters (signal variance σ², length scales ℓ_d, noise
 * σn²) by maximising the log marginal likelihood with a {@link Minimizer} (L-BFGS), from a fixed
 * start and {@code restarts} random ones; the best fit wins. Each hyperparameter lives in a box in
 * log space, through a logistic map ({@code log θ = lo + (hi − lo)·sigmoid(z)}), so the search is
 * unconstrained. The gradient (Rasmussen and Williams 2006, eq. 5.9):
 *
 * <pre>
 * ∂ log p(y|X) / ∂θ_j = ½ · tr((ααᵀ − K⁻¹) · ∂K/∂θ_j)
 * ∂K/∂log σ² = σ²·M,  ∂K/∂log σn² = σn²·I,
 * ∂K_ij/∂log ℓ_d = σ²·(5/3)·(1 + √5·r)·exp(−√5·r)·(x_id − x_jd)²/ℓ_d²
 * </pre>
 *
 * The outputs should be standardised (mean 0, variance 1) for the default boxes:
 * σ² ∈ [{@value #MIN_SIGNAL}, {@value #MAX_SIGNAL}], ℓ ∈ [{@value #MIN_LENGTH}, {@value #MAX_LENGTH}]
 * (inputs in the unit cube), σn² ∈ [{@value #MIN_NOISE}, {@value #MAX_NOISE}].
 */
public final class GpFit {

    /** Lower bound of σ². */
    public static final double MIN_SIGNAL = 0.01;
    /** Upper bound of σ². */
    public static final double MAX_SIGNAL = 1000;
    /** Lower bound of each ℓ. */
    public static final double MIN_LENGTH = 0.01;
    /** Upper bound of each ℓ. */
    public static final double MAX_LENGTH = 20;
    /** Lower bound of σn². */
    public static final double MIN_NOISE = 1e-8;
    /** Upper bound of σn². */
    public static final double MAX_NOISE = 0.5;

    private GpFit() {}

    /**
     * Fits the hyperparameters and returns the conditioned process.
     *
     * @param x the inputs, {@code n ≥ 1} rows in the unit cube
     * @param y the standardised outputs
     * @param minimizer the local minimizer
     * @param seed the seed of the random restarts
     * @param restarts how many random starts besides the fixed one
     * @return the fitted process
     */
    public static GaussianProcess fit(double[][] x, double[] y, Minimizer minimizer, long seed, int restarts) {
        int dim = x[0].length;
        var nll = new NegativeLogLikelihood(x, y);
        var rng = new SplittableRandom(seed);
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int r = 0; r <= restarts; r++) {
            double[] z0 = new double[dim + 2];
            if (r == 0) {
                // σ² = 1, ℓ = 0.5 (z for these), σn² = 1e-4.
                z0[0] = logit(MIN_SIGNAL, MAX_SIGNAL, 1);
                for (int d = 0; d < dim; d++) {
                    z0[1 + d] = logit(MIN_LENGTH, MAX_LENGTH, 0.5);
                }
                z0[dim + 1] = logit(MIN_NOISE, MAX_NOISE, 1e-4);
            } else {
                for (int i = 0; i < z0.length; i++) {
                    z0[i] = rng.nextDouble(-3, 3);
                }
            }
            double[] z = minimizer.minimize(nll, z0);
            double v = nll.value(z);
            if (Double.isFinite(v) && v < bestValue) {
                bestValue = v;
                best = z;
            }
        }
        if (best == null) {
            throw new ArithmeticException("no hyperparameters give a finite likelihood for " + x.length
                    + " points");
        }
        return GaussianProcess.fit(x, y, nll.kernel(best), nll.noise(best));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double logit(double lo, double hi, double value) {
        double t = (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
        return Math.log(t / (1 - t));
    }

    static double fromZ(double lo, double hi, double z) {
        return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * sigmoid(z));
    }

    /** {@code d log θ / dz}. */
    static double dLogDz(double lo, double hi, double z) {
        double s = sigmoid(z);
        return (Math.log(hi) - Math.log(lo)) * s * (1 - s);
    }

    /** The negative log marginal likelihood as a function of the unconstrained z. */
    static final class NegativeLogLikelihood implements ArrayObjective {
        private final double[][] x;
        private final double[] y;
        private final int dim;

        NegativeLogLikelihood(double[][] x, double[] y) {
            this.x = x;
            this.y = y;
            this.dim = x[0].length;
        }

        Matern52 kernel(double[] z) {
            double[] ls = new double[dim];
            for (int d = 0; d < dim; d++) {
                ls[d] = fromZ(MIN_LENGTH, MAX_LENGTH, z[1 + d]);
            }
            return new Matern52(fromZ(MIN_SIGNAL, MAX_SIGNAL, z[0]), ls);
        }

        double noise(double[] z) {
            return fromZ(MIN_NOISE, MAX_NOISE, z[dim + 1]);
        }

        @Override
        public long dimension() {
            return dim + 2;
        }

        @Override
        public double evaluate(double[] z, double[] grad) {
            for (double v : z) {
                if (!Double.isFinite(v)) {
                    return Double.NaN;
                }
            }
            Matern52 k = kernel(z);
            double noise = noise(z);
            int n = x.length;
            double sig = k.signalVariance();
            double[] ls = k.lengthScales();
            double[][] kk = new double[n][n];
            double[][] r = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double d = k.distance(x[i], x[j]);
                    r[i][j] = d;
                    kk[i][j] = k.value(x[i], x[j]) + (i == j ? noise : 0);
                }
            }
            double[][] l;
            try {
                l = Linalg.cholesky(kk);
            } catch (ArithmeticException e) {
                return Double.NaN;
            }
            double[] alpha = Linalg.solveCholesky(l, y);
            double nll = 0.5 * n * Math.log(2 * Math.PI);
            for (int i = 0; i < n; i++) {
                nll += 0.5 * y[i] * alpha[i] + Math.log(l[i][i]);
            }
            double[][] inv = Linalg.inverseCholesky(l);
            java.util.Arrays.fill(grad, 0);
            // g_θ = −½ Σ_ij W_ij ∂K_ij/∂θ, W = ααᵀ − K⁻¹; symmetric: off-diagonal terms twice.
            double gSig = 0;
            double gNoise = 0;
            double[] gLen = new double[dim];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double w = alpha[i] * alpha[j] - inv[i][j];
                    double mult = i == j ? 1 : 2;
                    double rij = r[i][j];
                    double e = Math.exp(-Matern52.SQRT5 * rij);
                    double m = (1 + Matern52.SQRT5 * rij + 5 * rij * rij / 3) * e;
                    gSig += mult * w * sig * m;
                    if (i == j) {
                        gNoise += w * noise;
                    } else {
                        double c = sig * 5.0 / 3 * (1 + Matern52.SQRT5 * rij) * e;
                        for (int d = 0; d < dim; d++) {
                            double t = (x[i][d] - x[j][d]) / ls[d];
                            gLen[d] += mult * w * c * t * t;
                        }
                    }
                }
            }
            grad[0] = -0.5 * gSig * dLogDz(MIN_SIGNAL, MAX_SIGNAL, z[0]);
            for (int d = 0; d < dim; d++) {
                grad[1 + d] = -0.5 * gLen[d] * dLogDz(MIN_LENGTH, MAX_LENGTH, z[1 + d]);
            }
            grad[dim + 1] = -0.5 * gNoise * dLogDz(MIN_NOISE, MAX_NOISE, z[dim + 1]);
            return nll;
        }
    }
}
