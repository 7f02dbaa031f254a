package dev.optim.losses;

import dev.optim.core.Checks;
import dev.optim.core.Loss;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The linear model {@code ŷ = X·w + b} for {@code d ≥ 1} features, the article's house-price
 * model ({@code d = 3}: floor area, bedrooms, ceiling height) and its line fit ({@code d = 1}).
 *
 * <p><b>Parameter layout.</b> The parameters are one flat vector of length {@code d + 1},
 *
 * <pre>
 *   θ = (w₁, w₂, …, w_d, b)       weights first, in feature order, the bias last
 * </pre>
 *
 * <p>so that for {@code d = 1}, {@code θ = (slope, intercept)}. For the data {@code X} of shape
 * {@code [N, d]} (one example per row), the predictions are {@code ŷ_i = Σ_j X_ij·w_j + b}.
 *
 * <p><b>Chain rule.</b> Given the gradient {@code g = ∂L/∂ŷ} of any loss with respect to the
 * predictions (shape {@code [N]}),
 *
 * <pre>
 *   ∂L/∂w_j = Σ_i X_ij · g_i   (that is, Xᵀ·g)        ∂L/∂b = Σ_i g_i
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * LinearModel model = LinearModel.of(3);
 * INDArray theta = Nd4j.createFromArray(3.0, 12.0, 40.0, 25.0); // w1, w2, w3, b
 * INDArray prices = model.predict(theta, features);              // features: [N, 3]
 * }</pre>
 */
public final class LinearModel {

    private final int features;

    private LinearModel(int features) {
        this.features = features;
    }

    /**
     * A linear model over {@code features} features.
     *
     * @param features the number of features {@code d}, at least 1
     * @return the model
     * @throws IllegalArgumentException if {@code features} is less than 1
     */
    public static LinearModel of(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
        return new LinearModel(features);
    }

    /**
     * The number of features {@code d}.
     *
     * @return {@code d ≥ 1}
     */
    public int features() {
        return features;
    }

    /**
     * The number of parameters, {@code d + 1} (the weights and the bias).
     *
     * @return {@code d + 1}
     */
    public int parameterCount() {
        return features + 1;
    }

    /**
     * The index of the bias in {@code θ}: {@code d}, the last one.
     *
     * @return {@code d}
     */
    public int biasIndex() {
        return features;
    }

    /**
     * The prediction for one example, {@code Σ_j x_j·w_j + b}.
     *
     * @param params {@code θ = (w₁, …, w_d, b)}, length {@code d + 1}
     * @param x the example's features, length {@code d}
     * @return the prediction
     * @throws IllegalArgumentException if a length is wrong
     */
    public double predict(double[] params, double[] x) {
        Checks.length("params", params, parameterCount());
        Checks.length("x", x, features);
        double s = params[features];
        for (int j = 0; j < features; j++) {
            s += x[j] * params[j];
        }
        return s;
    }

    /**
     * The predictions {@code ŷ = X·w + b} as a new array.
     *
     * @param params {@code θ}, a vector of length {@code d + 1}; not modified
     * @param x the data, shape {@code [N, d]}, the data type of {@code params}; not modified
     * @return {@code ŷ}, shape {@code [N]}, the data type of {@code x}
     * @throws IllegalArgumentException if a shape or data type is wrong
     */
    public INDArray predict(INDArray params, INDArray x) {
        checkData(x);
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0));
        predict(params, x, out);
        return out;
    }

    /**
     * Writes the predictions {@code ŷ = X·w + b} into {@code out}.
     *
     * @param params {@code θ}, a vector of length {@code d + 1}; not modified
     * @param x the data, shape {@code [N, d]}, the data type of {@code params}; not modified
     * @param out where {@code ŷ} is written: a vector of length {@code N}, the data type of
     *     {@code x}
     * @throws IllegalArgumentException if a shape or data type is wrong
     */
    public void predict(INDArray params, INDArray x, INDArray out) {
        checkParams(params);
        checkData(x);
        checkSameType("params", params, "x", x);
        checkVector("out", out, x.size(0), x);
        checkSameType("x", x, "out", out);
        INDArray w = params.reshape(params.length())
                .get(NDArrayIndex.interval(0, features)).reshape(features, 1);
        INDArray y = x.mmul(w);
        y.addi(params.getDouble(features));
        out.assign(y.reshape(out.shape()));
    }

    /**
     * The chain rule: writes {@code ∂L/∂θ = (Xᵀ·g, Σ_i g_i)} into {@code paramGradient}, given
     * {@code g = ∂L/∂ŷ}. The linear model's Jacobian does not depend on {@code θ}, so the
     * parameters are not needed.
     *
     * @param x the data the predictions were made from, shape {@code [N, d]}; not modified
     * @param predictionGradient {@code g = ∂L/∂ŷ}, a vector of length {@code N}, the data type
     *     of {@code x}; not modified
     * @param paramGradient where {@code ∂L/∂θ} is written, a vector of length {@code d + 1}
     * @throws IllegalArgumentException if a shape or data type is wrong
     */
    public void backward(INDArray x, INDArray predictionGradient, INDArray paramGradient) {
        checkData(x);
        long n = x.size(0);
        checkVector("predictionGradient", predictionGradient, n, x);
        checkSameType("x", x, "predictionGradient", predictionGradient);
        Checks.floatingArray("paramGradient", paramGradient);
        Checks.length("paramGradient", paramGradient, parameterCount());
        INDArray gw = x.transpose().mmul(predictionGradient.reshape(n, 1));
        for (int j = 0; j < features; j++) {
            paramGradient.putScalar(j, gw.getDouble(j));
        }
        paramGradient.putScalar(features, predictionGradient.sumNumber().doubleValue());
    }

    /**
     * Evaluates {@code loss} on the model's predictions and writes the gradient with respect to
     * {@code θ} by the chain rule ({@link #predict}, {@link Loss#valueAndGradient},
     * {@link #backward}). A convenience that allocates the predictions and their gradient;
     * {@link ModelObjective} is the allocation-free form for repeated evaluation.
     *
     * @param loss the loss; it receives predictions of shape {@code [N]}
     * @param params {@code θ}, a vector of length {@code d + 1}; not modified
     * @param x the data, shape {@code [N, d]}, the data type of {@code params}; not modified
     * @param y the targets, a vector of length {@code N}, the data type of {@code x}
     * @param paramGradient where {@code ∂L/∂θ} is written, a vector of length {@code d + 1}
     * @return the loss value
     * @throws IllegalArgumentException if {@code loss} is null or a shape or data type is wrong
     */
    public double valueAndGradient(Loss loss, INDArray params, INDArray x, INDArray y,
            INDArray paramGradient) {
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        INDArray predictions = predict(params, x);
        checkVector("y", y, x.size(0), x);
        checkSameType("x", x, "y", y);
        INDArray g = predictions.like();
        double value = loss.valueAndGradient(predictions, y.reshape(predictions.shape()), g);
        backward(x, g, paramGradient);
        return value;
    }

    private void checkParams(INDArray params) {
        Checks.floatingArray("params", params);
        if (!params.isVector() && params.length() != 1) {
            throw new IllegalArgumentException("params must be a vector of length "
                    + parameterCount() + ", got shape " + Arrays.toString(params.shape()));
        }
        Checks.length("params", params, parameterCount());
    }

    private void checkData(INDArray x) {
        Checks.floatingArray("x", x);
        if (x.rank() != 2 || x.size(1) != features) {
            throw new IllegalArgumentException("x must have shape [N, " + features
                    + "] (one example per row), got " + Arrays.toString(x.shape()));
        }
    }

    private static void checkVector(String name, INDArray v, long n, INDArray x) {
        Checks.floatingArray(name, v);
        if ((!v.isVector() && v.length() != 1) || v.length() != n) {
            throw new IllegalArgumentException(name + " must be a vector of length " + n
                    + " (the rows of x " + Arrays.toString(x.shape()) + "), got shape "
                    + Arrays.toString(v.shape()));
        }
    }

    private static void checkSameType(String nameA, INDArray a, String nameB, INDArray b) {
        if (a.dataType() != b.dataType()) {
            throw new IllegalArgumentException(nameB + " must have the data type of " + nameA
                    + " (" + a.dataType() + "), got " + b.dataType());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearModel other && features == other.features;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(features);
    }

    @Override
    public String toString() {
        return "LinearModel[features=" + features + "]";
    }
}
