package dev.optim.losses;

import static dev.optim.losses.TestSupport.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LinearModelTest {

    private static final INDArray X = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {-1, 0.5}});

    @Test
    void layoutAndPredictions() {
        LinearModel m = LinearModel.of(2);
        assertEquals(2, m.features());
        assertEquals(3, m.parameterCount());
        assertEquals(2, m.biasIndex());
        // θ = (w1, w2, b) = (10, 100, 0.5): rows 1·10 + 2·100 + 0.5, 3·10 + 4·100 + 0.5, −10 + 50 + 0.5
        INDArray theta = Nd4j.createFromArray(10.0, 100.0, 0.5);
        assertArrayEquals(new double[] {210.5, 430.5, 40.5}, m.predict(theta, X).toDoubleVector(), 0);
        assertEquals(210.5, m.predict(new double[] {10, 100, 0.5}, new double[] {1, 2}), 0);
        INDArray out = Nd4j.create(DataType.DOUBLE, 3);
        m.predict(theta, X, out);
        assertArrayEquals(new double[] {210.5, 430.5, 40.5}, out.toDoubleVector(), 0);
        // float32 throughout
        INDArray yf = m.predict(theta.castTo(DataType.FLOAT), X.castTo(DataType.FLOAT));
        assertEquals(DataType.FLOAT, yf.dataType());
        assertArrayEquals(new float[] {210.5f, 430.5f, 40.5f}, yf.toFloatVector(), 0);
    }

    @Test
    void backwardIsTheChainRuleByHand() {
        LinearModel m = LinearModel.of(2);
        // g = ∂L/∂ŷ = (1, −1, 2): Xᵀg = (1 − 3 − 2, 2 − 4 + 1) = (−4, −1), Σg = 2
        INDArray g = Nd4j.createFromArray(1.0, -1.0, 2.0);
        INDArray out = Nd4j.create(DataType.DOUBLE, 3);
        m.backward(X, g, out);
        assertArrayEquals(new double[] {-4, -1, 2}, out.toDoubleVector(), 0);
        // a [1, 3] row vector receives the same
        INDArray row = Nd4j.create(DataType.DOUBLE, 1, 3);
        m.backward(X, g, row);
        assertArrayEquals(new double[] {-4, -1, 2}, row.reshape(3).toDoubleVector(), 0);
    }

    @Test
    void valueAndGradientOfL2ByHand() {
        LinearModel m = LinearModel.of(2);
        INDArray theta = Nd4j.createFromArray(1.0, 0.0, 1.0);
        INDArray y = Nd4j.createFromArray(2.0, 4.0, 1.0);
        // ŷ = (2, 4, 0); residuals (0, 0, −1); MSE = 1/3; ∂L/∂ŷ = (0, 0, −2/3)
        // ∂L/∂θ = (−1·−2/3, 0.5·−2/3, −2/3) = (2/3, −1/3, −2/3)
        INDArray grad = Nd4j.create(DataType.DOUBLE, 3);
        double v = m.valueAndGradient(L2Loss.mean(), theta, X, y, grad);
        assertEquals(1.0 / 3, v, 1e-16);
        assertArrayEquals(new double[] {2.0 / 3, -1.0 / 3, -2.0 / 3}, grad.toDoubleVector(), 1e-15);
    }

    @Property(tries = 100)
    void gradientMatchesCentralDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int d) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(8);
        double[][] xv = new double[n][d];
        double[] yv = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xv[i][j] = 2 * r.nextGaussian();
            }
            yv[i] = r.nextGaussian();
        }
        double[] t = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            t[k] = r.nextGaussian();
        }
        LinearModel m = LinearModel.of(d);
        INDArray x = Nd4j.createFromArray(xv);
        INDArray y = Nd4j.createFromArray(yv);
        INDArray theta = Nd4j.createFromArray(t);
        INDArray grad = theta.like();
        m.valueAndGradient(L2Loss.sum(), theta, x, y, grad);
        double h = 1e-6;
        for (int k = 0; k <= d; k++) {
            theta.putScalar(k, t[k] + h);
            double up = L2Loss.sum().value(m.predict(theta, x), y);
            theta.putScalar(k, t[k] - h);
            double down = L2Loss.sum().value(m.predict(theta, x), y);
            theta.putScalar(k, t[k]);
            double fd = (up - down) / (2 * h);
            assertEquals(fd, grad.getDouble(k), 1e-6 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertMessage(() -> LinearModel.of(0), "features must be >= 1, got 0");
        LinearModel m = LinearModel.of(2);
        INDArray theta = Nd4j.createFromArray(1.0, 2.0, 3.0);
        assertMessage(() -> m.predict(Nd4j.createFromArray(1.0, 2.0), X), "params must have length 3, got 2");
        assertMessage(() -> m.predict(null, X), "params must not be null");
        assertMessage(() -> m.predict(theta, Nd4j.ones(DataType.DOUBLE, 3, 3)),
                "x must have shape [N, 2] (one example per row), got [3, 3]");
        assertMessage(() -> m.predict(theta, Nd4j.ones(DataType.DOUBLE, 2)),
                "x must have shape [N, 2] (one example per row), got [2]");
        assertMessage(() -> m.predict(theta, X.castTo(DataType.FLOAT)),
                "x must have the data type of params (DOUBLE), got FLOAT");
        assertMessage(() -> m.predict(theta, X, Nd4j.create(DataType.DOUBLE, 2)),
                "out must be a vector of length 3 (the rows of x [3, 2]), got shape [2]");
        assertMessage(() -> m.predict(theta, Nd4j.ones(DataType.INT, 3, 2)), "x must be FLOAT or DOUBLE, got INT");
        assertMessage(() -> m.backward(X, Nd4j.create(DataType.DOUBLE, 4), Nd4j.create(DataType.DOUBLE, 3)),
                "predictionGradient must be a vector of length 3 (the rows of x [3, 2]), got shape [4]");
        assertMessage(() -> m.backward(X, Nd4j.create(DataType.DOUBLE, 3), Nd4j.create(DataType.DOUBLE, 2)),
                "paramGradient must have length 3, got 2");
        assertMessage(() -> m.predict(new double[] {1, 2}, new double[] {1, 2}), "params must have length 3, got 2");
        assertMessage(() -> m.predict(new double[] {1, 2, 3}, new double[] {1}), "x must have length 2, got 1");
        assertMessage(() -> m.valueAndGradient(null, theta, X, Nd4j.create(DataType.DOUBLE, 3), theta.like()),
                "loss must not be null");
        assertMessage(() -> m.valueAndGradient(L2Loss.mean(), theta, X, Nd4j.create(DataType.DOUBLE, 2), theta.like()),
                "y must be a vector of length 3 (the rows of x [3, 2]), got shape [2]");
    }
}
