package dev.optim.search.gp;

/**
 * Gaussian-process regression with a zero prior mean, a {@link Matern52} kernel and Gaussian
 * noise of variance {@code σn²} (Rasmussen and Williams 2006, Algorithm 2.1):
 *
 * <pre>
 * K = k(X, X) + σn²·I = L·Lᵀ,   α = K⁻¹·y
 * μ(x) = k(x, X)·α
 * s²(x) = k(x, x) − vᵀv,   v = L⁻¹·k(X, x)
 * log p(y | X) = −½·yᵀα − Σ_i log L_ii − (n/2)·log 2π
 * </pre>
 *
 * {@code s²} is the latent function's variance (without the noise), as scikit-learn's
 * {@code GaussianProcessRegressor(kernel, alpha=σn², optimizer=None, normalize_y=False)}
 * reports it. Immutable once fitted.
 */
public final class GaussianProcess {

    private final Matern52 kernel;
    private final double noise;
    private final double[][] x;
    private final double[][] chol;
    private final double[] alpha;
    private final double logLikelihood;

    private GaussianProcess(Matern52 kernel, double noise, double[][] x, double[][] chol, double[] alpha,
            double logLikelihood) {
        this.kernel = kernel;
        this.noise = noise;
        this.x = x;
        this.chol = chol;
        this.alpha = alpha;
        this.logLikelihood = logLikelihood;
    }

    /**
     * Conditions the process on observations.
     *
     * @param x the inputs, {@code n} rows of {@code kernel.dimension()} columns, {@code n ≥ 1}
     * @param y the outputs, {@code n} of them
     * @param kernel the kernel
     * @param noise the noise variance σn², {@code ≥ 0}
     * @return the posterior
     * @throws IllegalArgumentException if the shapes disagree or σn² is negative
     * @throws ArithmeticException if {@code K} is not positive definite (duplicate inputs without
     *     noise)
     */
    public static GaussianProcess fit(double[][] x, double[] y, Matern52 kernel, double noise) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("need n >= 1 inputs and as many outputs, got " + n + " and "
                    + y.length);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        double[][] xs = new double[n][];
        for (int i = 0; i < n; i++) {
            if (x[i].length != kernel.dimension()) {
                throw new IllegalArgumentException("input " + i + " has " + x[i].length
                        + " coordinates, the kernel " + kernel.dimension());
            }
            xs[i] = x[i].clone();
        }
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                k[i][j] = kernel.value(xs[i], xs[j]) + (i == j ? noise : 0);
            }
        }
        double[][] l = Linalg.cholesky(k);
        double[] alpha = Linalg.solveCholesky(l, y);
        double ll = -0.5 * n * Math.log(2 * Math.PI);
        for (int i = 0; i < n; i++) {
            ll -= 0.5 * y[i] * alpha[i] + Math.log(l[i][i]);
        }
        return new GaussianProcess(kernel, noise, xs, l, alpha, ll);
    }

    /**
     * The kernel.
     *
     * @return the kernel
     */
    public Matern52 kernel() {
        return kernel;
    }

    /**
     * The noise variance σn².
     *
     * @return σn²
     */
    public double noise() {
        return noise;
    }

    /**
     * The number of observations.
     *
     * @return {@code n}
     */
    public int size() {
        return x.length;
    }

    /**
     * The log marginal likelihood of the observations.
     *
     * @return {@code log p(y | X)}
     */
    public double logMarginalLikelihood() {
        return logLikelihood;
    }

    /**
     * The posterior mean {@code μ(x)}.
     *
     * @param point the input
     * @return the mean
     */
    public double mean(double[] point) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m += kernel.value(point, x[i]) * alpha[i];
        }
        return m;
    }

    /**
     * The posterior variance {@code s²(x)} of the latent function, clamped at 0.
     *
     * @param point the input
     * @return the variance
     */
    public double variance(double[] point) {
        return predict(point, null, null)[1];
    }

    /**
     * Mean and variance, and optionally their gradients with respect to the input.
     *
     * @param point the input
     * @param meanGradient where {@code ∂μ/∂x} is written, or {@code null}
     * @param varianceGradient where {@code ∂s²/∂x} is written, or {@code null}
     * @return {@code {μ(x), s²(x)}}
     */
    public double[] predict(double[] point, double[] meanGradient, double[] varianceGradient) {
        int n = x.length;
        double[] kx = new double[n];
        double m = 0;
        for (int i = 0; i < n; i++) {
            kx[i] = kernel.value(point, x[i]);
            m += kx[i] * alpha[i];
        }
        double[] v = Linalg.forward(chol, kx);
        double s2 = kernel.signalVariance();
        for (double vi : v) {
            s2 -= vi * vi;
        }
        if (meanGradient != null || varianceGradient != null) {
            // ∂μ/∂x = Σ_i α_i ∂k_i/∂x;  ∂s²/∂x = −2 Σ_i (K⁻¹k)_i ∂k_i/∂x.
            double[] w = varianceGradient != null ? Linalg.backward(chol, v) : null;
            if (meanGradient != null) {
                java.util.Arrays.fill(meanGradient, 0);
            }
            if (varianceGradient != null) {
                java.util.Arrays.fill(varianceGradient, 0);
            }
            for (int i = 0; i < n; i++) {
                if (meanGradient != null) {
                    kernel.addGradient(point, x[i], alpha[i], meanGradient);
                }
                if (varianceGradient != null) {
                    kernel.addGradient(point, x[i], -2 * w[i], varianceGradient);
                }
            }
            if (varianceGradient != null && s2 <= 0) {
                java.util.Arrays.fill(varianceGradient, 0);
            }
        }
        return new double[] {m, Math.max(0, s2)};
    }

    @Override
    public String toString() {
        return "GaussianProcess[n=" + x.length + ", " + kernel + ", noise=" + noise + "]";
    }
}
