package dev.optim.losses;

import dev.optim.core.Checks;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Feature standardisation: each feature (column) of {@code X} is shifted to mean 0 and scaled to
 * standard deviation 1,
 *
 * <pre>
 *   x'_ij = (x_ij − μ_j) / σ_j,    μ_j = (1/N) Σ_i x_ij,    σ_j = √((1/N) Σ_i (x_ij − μ_j)²)
 * </pre>
 *
 * <p>(the population standard deviation, as scikit-learn's {@code StandardScaler}). Unscaled
 * house features (floor areas in the hundreds, ceiling heights near 3) make the loss surface a
 * long narrow valley in which plain gradient descent crawls; after standardisation its
 * curvature is similar in every direction.
 *
 * <p><b>Fitted parameters back in original units.</b> A linear model fitted on standardised
 * features, {@code ŷ = Σ_j w'_j·x'_j + b'}, is the same function as {@code ŷ = Σ_j w_j·x_j + b}
 * with
 *
 * <pre>
 *   w_j = w'_j / σ_j,        b = b' − Σ_j w_j·μ_j
 * </pre>
 *
 * <p>({@link #toOriginalParams}), and conversely {@code w'_j = w_j·σ_j},
 * {@code b' = b + Σ_j w_j·μ_j} ({@link #toStandardizedParams}); both use the layout
 * {@code θ = (w₁, …, w_d, b)} of {@link LinearModel}.
 *
 * <p><b>Constant features.</b> A feature whose standard deviation is zero, or at most
 * {@value #RELATIVE_TOLERANCE} times its mean's magnitude (constant up to rounding), cannot be
 * standardised and carries no information that the bias does not: {@link #fit} refuses it with a
 * message naming the feature, so that the caller drops it rather than divides by zero.
 *
 * <p>Immutable and thread-safe. All results are new arrays in the data type of the input.
 *
 * <pre>{@code
 * Standardizer s = Standardizer.fit(houses.features());
 * INDArray xs = s.transform(houses.features());
 * // ... fit theta on xs ...
 * INDArray theta = s.toOriginalParams(thetaStandardized); // weights per m², per bedroom, per m
 * }</pre>
 */
public final class Standardizer {

    /** A feature with {@code σ ≤ RELATIVE_TOLERANCE·|μ|} is treated as constant. */
    public static final double RELATIVE_TOLERANCE = 1e-12;

    private final double[] means;
    private final double[] stds;

    private Standardizer(double[] means, double[] stds) {
        this.means = means;
        this.stds = stds;
    }

    /**
     * Fits the means and standard deviations of the columns of {@code x}.
     *
     * @param x the data, shape {@code [N, d]} with {@code N ≥ 2}, finite; not modified
     * @return the fitted standardizer
     * @throws IllegalArgumentException if {@code x} is null, not a floating-point matrix, has
     *     fewer than 2 rows, holds a non-finite value, or has a constant column
     */
    public static Standardizer fit(INDArray x) {
        Checks.floatingArray("x", x);
        if (x.rank() != 2) {
            throw new IllegalArgumentException(
                    "x must have shape [N, d], got " + Arrays.toString(x.shape()));
        }
        if (x.size(0) < 2) {
            throw new IllegalArgumentException("x must have at least 2 rows to estimate a "
                    + "spread, got shape " + Arrays.toString(x.shape()));
        }
        double[][] rows = x.toDoubleMatrix();
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(
                            "x[" + i + ", " + j + "] must be finite, got " + rows[i][j]);
                }
                mean[j] += rows[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                std[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j] / n);
            if (!(std[j] > RELATIVE_TOLERANCE * Math.abs(mean[j]))) {
                throw new IllegalArgumentException("feature " + j + " of x is constant (mean "
                        + mean[j] + ", standard deviation " + std[j] + "): it cannot be "
                        + "standardised; drop the column (the bias already models a constant)");
            }
        }
        return new Standardizer(mean, std);
    }

    /**
     * The number of features {@code d}.
     *
     * @return {@code d}
     */
    public int features() {
        return means.length;
    }

    /**
     * The fitted means {@code μ_j}.
     *
     * @return a copy of the means
     */
    public double[] means() {
        return means.clone();
    }

    /**
     * The fitted standard deviations {@code σ_j}, each {@code > 0}.
     *
     * @return a copy of the standard deviations
     */
    public double[] stds() {
        return stds.clone();
    }

    /**
     * Standardises {@code x}: {@code x'_ij = (x_ij − μ_j)/σ_j}.
     *
     * @param x data of shape {@code [M, d]} (any number of rows), FLOAT or DOUBLE; not modified
     * @return the standardised data, a new array of the same shape and data type
     * @throws IllegalArgumentException if {@code x} is not a {@code [M, d]} floating-point matrix
     */
    public INDArray transform(INDArray x) {
        checkData("x", x);
        INDArray out = x.castTo(DataType.DOUBLE).dup('c');
        out.subiRowVector(Nd4j.createFromArray(means)).diviRowVector(Nd4j.createFromArray(stds));
        return out.castTo(x.dataType());
    }

    /**
     * Undoes {@link #transform}: {@code x_ij = x'_ij·σ_j + μ_j}.
     *
     * @param standardized data of shape {@code [M, d]}, FLOAT or DOUBLE; not modified
     * @return the data in original units, a new array of the same shape and data type
     * @throws IllegalArgumentException if the argument is not a {@code [M, d]} floating-point
     *     matrix
     */
    public INDArray inverseTransform(INDArray standardized) {
        checkData("standardized", standardized);
        INDArray out = standardized.castTo(DataType.DOUBLE).dup('c');
        out.muliRowVector(Nd4j.createFromArray(stds)).addiRowVector(Nd4j.createFromArray(means));
        return out.castTo(standardized.dataType());
    }

    /**
     * Converts parameters fitted on standardised features to the original units:
     * {@code w_j = w'_j/σ_j}, {@code b = b' − Σ_j w_j·μ_j}.
     *
     * @param standardizedParams {@code θ' = (w'₁, …, w'_d, b')}, length {@code d + 1}
     * @return {@code θ = (w₁, …, w_d, b)}, a new vector of the same data type
     * @throws IllegalArgumentException if the argument is null, not floating point or of the
     *     wrong length
     */
    public INDArray toOriginalParams(INDArray standardizedParams) {
        checkParams("standardizedParams", standardizedParams);
        double[] p = toOriginalParams(
                standardizedParams.reshape(standardizedParams.length()).toDoubleVector());
        return Nd4j.createFromArray(p).castTo(standardizedParams.dataType());
    }

    /**
     * Converts parameters fitted on standardised features to the original units; see
     * {@link #toOriginalParams(INDArray)}.
     *
     * @param standardizedParams {@code θ'}, length {@code d + 1}; not modified
     * @return {@code θ}, a new array
     * @throws IllegalArgumentException if the length is wrong
     */
    public double[] toOriginalParams(double[] standardizedParams) {
        int d = means.length;
        Checks.length("standardizedParams", standardizedParams, d + 1);
        double[] p = new double[d + 1];
        double b = standardizedParams[d];
        for (int j = 0; j < d; j++) {
            p[j] = standardizedParams[j] / stds[j];
            b -= p[j] * means[j];
        }
        p[d] = b;
        return p;
    }

    /**
     * Converts parameters in original units to those of the same model on standardised
     * features: {@code w'_j = w_j·σ_j}, {@code b' = b + Σ_j w_j·μ_j}.
     *
     * @param params {@code θ = (w₁, …, w_d, b)}, length {@code d + 1}
     * @return {@code θ'}, a new vector of the same data type
     * @throws IllegalArgumentException if the argument is null, not floating point or of the
     *     wrong length
     */
    public INDArray toStandardizedParams(INDArray params) {
        checkParams("params", params);
        double[] p = params.reshape(params.length()).toDoubleVector();
        int d = means.length;
        double[] q = new double[d + 1];
        double b = p[d];
        for (int j = 0; j < d; j++) {
            q[j] = p[j] * stds[j];
            b += p[j] * means[j];
        }
        q[d] = b;
        return Nd4j.createFromArray(q).castTo(params.dataType());
    }

    private void checkData(String name, INDArray x) {
        Checks.floatingArray(name, x);
        if (x.rank() != 2 || x.size(1) != means.length) {
            throw new IllegalArgumentException(name + " must have shape [M, " + means.length
                    + "] (the features this standardizer was fitted on), got "
                    + Arrays.toString(x.shape()));
        }
    }

    private void checkParams(String name, INDArray params) {
        Checks.floatingArray(name, params);
        Checks.length(name, params, means.length + 1);
    }

    @Override
    public String toString() {
        return "Standardizer[means=" + Arrays.toString(means) + ", stds="
                + Arrays.toString(stds) + "]";
    }
}
