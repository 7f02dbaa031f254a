package dev.optim.search.gp;

import java.util.Arrays;

/**
 * The Matérn 5/2 kernel with automatic relevance determination (one length scale per input):
 *
 * <pre>
 * r = √( Σ_d ((x_d − y_d) / ℓ_d)² )
 * k(x, y) = σ² · (1 + √5·r + 5r²/3) · exp(−√5·r)
 * </pre>
 *
 * as scikit-learn's {@code ConstantKernel(σ²) * Matern(length_scale=ℓ, nu=2.5)}. Immutable.
 *
 * <p>Reference: C. E. Rasmussen and C. K. I. Williams, "Gaussian Processes for Machine Learning",
 * MIT Press 2006, eq. (4.17).
 */
public final class Matern52 {

    static final double SQRT5 = Math.sqrt(5);

    private final double signalVariance;
    private final double[] lengthScales;

    /**
     * A kernel.
     *
     * @param signalVariance σ², positive and finite
     * @param lengthScales ℓ, one per input, each positive and finite
     * @throws IllegalArgumentException if a value is out of range, naming it
     */
    public Matern52(double signalVariance, double[] lengthScales) {
        if (!(signalVariance > 0) || !Double.isFinite(signalVariance)) {
            throw new IllegalArgumentException("signalVariance must be finite and > 0, got " + signalVariance);
        }
        if (lengthScales.length == 0) {
            throw new IllegalArgumentException("lengthScales must not be empty");
        }
        for (int d = 0; d < lengthScales.length; d++) {
            if (!(lengthScales[d] > 0) || !Double.isFinite(lengthScales[d])) {
                throw new IllegalArgumentException("lengthScales[" + d + "] must be finite and > 0, got "
                        + lengthScales[d]);
            }
        }
        this.signalVariance = signalVariance;
        this.lengthScales = lengthScales.clone();
    }

    /**
     * σ².
     *
     * @return the signal variance
     */
    public double signalVariance() {
        return signalVariance;
    }

    /**
     * ℓ.
     *
     * @return a copy of the length scales
     */
    public double[] lengthScales() {
        return lengthScales.clone();
    }

    /**
     * The number of inputs.
     *
     * @return the dimension
     */
    public int dimension() {
        return lengthScales.length;
    }

    /**
     * The scaled distance {@code r}.
     *
     * @param x a point
     * @param y a point
     * @return {@code r ≥ 0}
     */
    public double distance(double[] x, double[] y) {
        double s = 0;
        for (int d = 0; d < lengthScales.length; d++) {
            double t = (x[d] - y[d]) / lengthScales[d];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /**
     * {@code k(x, y)}.
     *
     * @param x a point
     * @param y a point
     * @return the covariance
     */
    public double value(double[] x, double[] y) {
        double r = distance(x, y);
        return signalVariance * (1 + SQRT5 * r + 5 * r * r / 3) * Math.exp(-SQRT5 * r);
    }

    /**
     * {@code ∂k(x, y)/∂x_d = −(5/3)·σ²·(1 + √5·r)·exp(−√5·r)·(x_d − y_d)/ℓ_d²}, added into
     * {@code grad} times {@code weight}.
     *
     * @param x the point differentiated at
     * @param y the other point
     * @param weight a factor
     * @param grad where {@code weight·∂k/∂x} is added
     */
    public void addGradient(double[] x, double[] y, double weight, double[] grad) {
        double r = distance(x, y);
        double c = -weight * signalVariance * 5.0 / 3 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
        for (int d = 0; d < lengthScales.length; d++) {
            grad[d] += c * (x[d] - y[d]) / (lengthScales[d] * lengthScales[d]);
        }
    }

    @Override
    public String toString() {
        return "Matern52[signalVariance=" + signalVariance + ", lengthScales=" + Arrays.toString(lengthScales) + "]";
    }
}
