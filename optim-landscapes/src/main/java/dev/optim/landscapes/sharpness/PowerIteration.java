package dev.optim.landscapes.sharpness;

/**
 * The eigenvalue of largest magnitude of a symmetric operator by power iteration: from a seeded
 * random unit vector {@code v}, repeat {@code w = H·v;  λ = v·w;  v ← w / ‖w‖} until
 * {@code |λ_k − λ_{k−1}| ≤ tol·|λ_k|} or the iteration budget is spent. Simpler than
 * {@link Lanczos} and needing only two vectors, but it converges at the rate
 * {@code |λ₂/λ₁|} and finds the largest eigenvalue in magnitude, which is the sharpness only
 * where that one is positive (near a minimum).
 *
 * <p>Reference: G. H. Golub and C. F. Van Loan, "Matrix Computations", 4th ed., section 8.2.1.
 *
 * @param maxIterations the budget of products, at least 1
 * @param tolerance the relative change of {@code λ} that ends the iteration, finite and
 *     {@code ≥ 0}
 * @param seed the seed of the starting vector
 */
public record PowerIteration(int maxIterations, double tolerance, long seed) {

    /**
     * Validates the configuration.
     *
     * @param maxIterations the budget of products
     * @param tolerance the relative change that ends it
     * @param seed the seed of the starting vector
     * @throws IllegalArgumentException if {@code maxIterations < 1} or {@code tolerance} is
     *     negative or not finite
     */
    public PowerIteration {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got "
                    + maxIterations);
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got "
                    + tolerance);
        }
    }

    /**
     * The eigenvalue of largest magnitude, with its residual {@code ‖H·v − λ·v‖} at the last
     * vector.
     *
     * @param hvp the Hessian-vector products
     * @return a spectrum of one eigenvalue
     * @throws IllegalArgumentException if {@code hvp} is null or a product is not finite
     */
    public Spectrum largest(HessianVectorProduct hvp) {
        if (hvp == null) {
            throw new IllegalArgumentException("hvp must not be null");
        }
        int n = hvp.dimension();
        double[] v = Lanczos.randomUnit(n, seed);
        double[] w = new double[n];
        double lambda = Double.NaN;
        double residual = Double.NaN;
        int products = 0;
        for (int k = 0; k < maxIterations; k++) {
            hvp.apply(v, w);
            Points.requireFinite("H·v", w);
            products++;
            double next = Points.dot(v, w);
            double r = 0;
            for (int i = 0; i < n; i++) {
                double d = w[i] - next * v[i];
                r += d * d;
            }
            residual = Math.sqrt(r);
            double norm = Points.norm(w);
            boolean done = Math.abs(next - lambda) <= tolerance * Math.abs(next) || norm == 0;
            lambda = next;
            if (done) {
                break;
            }
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / norm;
            }
        }
        return new Spectrum(new double[] {lambda}, new double[] {residual}, products);
    }
}
