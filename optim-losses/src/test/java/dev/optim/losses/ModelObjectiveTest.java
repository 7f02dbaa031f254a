package dev.optim.losses;

import static dev.optim.losses.TestSupport.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Loss;
import dev.optim.core.OptimizerState;
import dev.optim.core.Reduction;
import dev.optim.core.StochasticObjective;
import dev.optim.core.optimizer.Sgd;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelObjectiveTest {

    /** A loss that is not an L2Loss, to drive the generic path: mean((ŷ − y)⁴). */
    static final class QuarticLoss implements Loss {
        @Override
        public Reduction reduction() {
            return Reduction.MEAN;
        }

        @Override
        public double value(INDArray p, INDArray y) {
            INDArray d = p.sub(y);
            return d.mul(d).muli(d).muli(d).sumNumber().doubleValue() / p.length();
        }

        @Override
        public double valueAndGradient(INDArray p, INDArray y, INDArray g) {
            INDArray d = p.sub(y);
            g.assign(d.mul(d).muli(d).muli(4.0 / p.length()));
            return value(p, y);
        }
    }

    /** Delegates to another loss: the same numbers through the generic (non-fused) path. */
    static Loss wrap(Loss inner) {
        return new Loss() {
            @Override
            public Reduction reduction() {
                return inner.reduction();
            }

            @Override
            public double value(INDArray p, INDArray y) {
                return inner.value(p, y);
            }

            @Override
            public double valueAndGradient(INDArray p, INDArray y, INDArray g) {
                return inner.valueAndGradient(p, y, g);
            }
        };
    }

    private static final double[][] XS = {{1, 2}, {3, 4}, {-1, 0.5}, {0, -2}};
    private static final double[] YS = {1, 0, 2, -1};

    @Test
    void valuesByHand() {
        ModelObjective f = ModelObjective.l2(Nd4j.createFromArray(XS), Nd4j.createFromArray(YS));
        assertEquals(3, f.dimension());
        assertEquals(4, f.size());
        assertTrue(f instanceof StochasticObjective && f instanceof ArrayObjective);
        // θ = (1, −1, 0.5): ŷ = (−0.5, −0.5, −1, 2.5); residuals (−1.5, −0.5, −3, 3.5)
        // squares 2.25, 0.25, 9, 12.25: mean 23.75/4
        double[] theta = {1, -1, 0.5};
        double[] g = new double[3];
        assertEquals(23.75 / 4, f.evaluate(theta, g), 1e-15);
        // ∂/∂θ = (2/4) Σ r_i (x_i, 1): Σ r x1 = −1.5 − 1.5 + 3 + 0 = 0; Σ r x2 = −3 − 2 − 1.5 − 7 = −13.5;
        // Σ r = −1.5
        assertArrayEquals(new double[] {0, -6.75, -0.75}, g, 1e-15);
        // batch {2, 3, 3}: squares 9, 12.25, 12.25 → mean 33.5/3; Σ r x1 = −3·−1 = 3; Σ r x2 = −1.5 − 14 = −15.5;
        // Σ r = −3 + 7 = 4; gradient (2/3)(3, −15.5, 4)
        assertEquals(33.5 / 3, f.evaluate(theta, new int[] {2, 3, 3}, g), 1e-14);
        assertArrayEquals(new double[] {2, -31.0 / 3, 8.0 / 3}, g, 1e-14);
        // INDArray form, FLOAT and DOUBLE
        INDArray t = Nd4j.createFromArray(theta);
        INDArray gd = t.like();
        assertEquals(23.75 / 4, f.evaluate(t, gd), 1e-15);
        assertArrayEquals(new double[] {0, -6.75, -0.75}, gd.toDoubleVector(), 1e-15);
        assertEquals(23.75 / 4, f.value(t), 1e-15);
        assertEquals(23.75 / 4, f.value(theta), 1e-15);
        INDArray tf = t.castTo(DataType.FLOAT);
        INDArray gf = tf.like();
        assertEquals(23.75 / 4, f.evaluate(tf, gf), 1e-6);
        assertEquals(DataType.FLOAT, gf.dataType());
        assertArrayEquals(new float[] {0, -6.75f, -0.75f}, gf.toFloatVector(), 1e-6f);
        // SUM and weights: weights (1, 0, 2, 0.5), batch {0, 2}: 1·2.25 + 2·9 = 20.25
        ModelObjective w = ModelObjective.of(L2Loss.withWeights(new double[] {1, 0, 2, 0.5}, Reduction.SUM),
                LinearModel.of(2), Nd4j.createFromArray(XS), Nd4j.createFromArray(YS));
        assertEquals(20.25, w.evaluate(theta, new int[] {0, 2}, g), 1e-15);
        // full: 2.25 + 0 + 18 + 6.125
        assertEquals(26.375, w.evaluate(theta, g), 1e-15);
    }

    @Test
    void dataIsCopiedAtConstruction() {
        INDArray x = Nd4j.createFromArray(XS);
        INDArray y = Nd4j.createFromArray(YS);
        ModelObjective f = ModelObjective.l2(x, y);
        double before = f.value(new double[] {1, -1, 0.5});
        x.assign(0);
        y.assign(0);
        assertEquals(before, f.value(new double[] {1, -1, 0.5}), 0);
    }

    @Test
    void layoutOfTheDataDoesNotMatter() {
        double[] theta = {1, -1, 0.5};
        double expected = 23.75 / 4;
        INDArray x = Nd4j.createFromArray(XS);
        INDArray y = Nd4j.createFromArray(YS);
        assertEquals(expected, ModelObjective.l2(x.dup('f'), y).value(theta), 1e-15);
        // x as a strided view: columns 1 and 3 of a wider matrix; y as a column of a matrix
        INDArray wide = Nd4j.zeros(DataType.DOUBLE, 4, 4);
        wide.getColumn(1).assign(x.getColumn(0));
        wide.getColumn(3).assign(x.getColumn(1));
        INDArray view = wide.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 2, 4));
        INDArray yColumn = Nd4j.zeros(DataType.DOUBLE, 4, 2);
        yColumn.getColumn(1).assign(y);
        assertEquals(expected, ModelObjective.l2(view, yColumn.getColumn(1)).value(theta), 1e-15);
        assertEquals(expected, ModelObjective.l2(x.castTo(DataType.FLOAT), y.castTo(DataType.FLOAT)).value(theta), 1e-6);
    }

    /** Central differences of the full and mini-batch objectives, fused and generic paths. */
    @Property(tries = 150)
    void gradientMatchesCentralDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int d) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(10);
        double[][] xv = new double[n][d];
        double[] yv = new double[n];
        double[] wv = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xv[i][j] = r.nextGaussian();
            }
            yv[i] = r.nextGaussian();
            wv[i] = 2 * r.nextDouble();
        }
        Loss loss = switch (r.nextInt(5)) {
            case 0 -> L2Loss.mean();
            case 1 -> L2Loss.sum();
            case 2 -> L2Loss.withWeights(wv, r.nextBoolean() ? Reduction.MEAN : Reduction.SUM);
            case 3 -> wrap(L2Loss.sum());
            default -> new QuarticLoss();
        };
        ModelObjective f = ModelObjective.of(loss, LinearModel.of(d), Nd4j.createFromArray(xv), Nd4j.createFromArray(yv));
        int[] batch = new int[1 + r.nextInt(2 * n)];
        for (int t = 0; t < batch.length; t++) {
            batch[t] = r.nextInt(n);
        }
        double[] theta = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            theta[k] = r.nextGaussian();
        }
        double[] g = new double[d + 1];
        double[] gb = new double[d + 1];
        f.evaluate(theta, g);
        f.evaluate(theta, batch, gb);
        double h = 1e-6;
        double[] gUp = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            double orig = theta[k];
            theta[k] = orig + h;
            double up = f.value(theta);
            double upB = f.evaluate(theta, batch, gUp);
            theta[k] = orig - h;
            double down = f.value(theta);
            double downB = f.evaluate(theta, batch, gUp);
            theta[k] = orig;
            double fd = (up - down) / (2 * h);
            double fdB = (upB - downB) / (2 * h);
            assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), "full, parameter " + k + ", " + loss);
            assertEquals(fdB, gb[k], 1e-6 * Math.max(1, Math.abs(fdB)), "batch, parameter " + k + ", " + loss);
        }
    }

    /** The fused L2 pass and the generic Loss path compute the same function. */
    @Property(tries = 100)
    void fusedAndGenericPathsAgree(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(20);
        int d = 1 + r.nextInt(4);
        double[][] xv = new double[n][d];
        double[] yv = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xv[i][j] = 5 * r.nextGaussian();
            }
            yv[i] = 5 * r.nextGaussian();
        }
        L2Loss l2 = r.nextBoolean() ? L2Loss.mean() : L2Loss.sum();
        INDArray x = Nd4j.createFromArray(xv);
        INDArray y = Nd4j.createFromArray(yv);
        ModelObjective fused = ModelObjective.of(l2, LinearModel.of(d), x, y);
        ModelObjective generic = ModelObjective.of(wrap(l2), LinearModel.of(d), x, y);
        INDArray theta = Nd4j.rand(DataType.DOUBLE, d + 1).subi(0.5);
        for (int rep = 0; rep < 3; rep++) {
            int[] batch = new int[1 + r.nextInt(n)];
            for (int t = 0; t < batch.length; t++) {
                batch[t] = r.nextInt(n);
            }
            INDArray g1 = theta.like();
            INDArray g2 = theta.like();
            double v1 = fused.evaluate(theta, batch, g1);
            double v2 = generic.evaluate(theta, batch, g2);
            assertEquals(v1, v2, 1e-12 * Math.max(1, Math.abs(v1)));
            assertArrayEquals(g1.toDoubleVector(), g2.toDoubleVector(), 1e-11 * Math.max(1, g1.norm2Number().doubleValue()));
        }
        INDArray g1 = theta.like();
        INDArray g2 = theta.like();
        assertEquals(fused.evaluate(theta, g1), generic.evaluate(theta, g2), 1e-11 * Math.max(1, fused.value(theta)));
        assertArrayEquals(g1.toDoubleVector(), g2.toDoubleVector(), 1e-10 * Math.max(1, g1.norm2Number().doubleValue()));
        // and in float32 (the generic path then hands FLOAT arrays to the loss)
        INDArray tf = theta.castTo(DataType.FLOAT);
        INDArray gf = tf.like();
        double vf = generic.evaluate(tf, gf);
        assertEquals(fused.value(theta), vf, 1e-4 * Math.max(1, Math.abs(vf)));
    }

    /** The article's line fit: x ~ N(0, 5), y = b + w·x + N(0, 10); unscaled data, full-batch GD. */
    @Test
    void fullBatchGradientDescentReachesOlsOnTheArticlesLine() {
        Random r = new Random(7);
        int n = 300;
        double w = -4 + 8 * r.nextDouble();
        double b = -4 + 8 * r.nextDouble();
        double[][] xv = new double[n][1];
        double[] yv = new double[n];
        for (int i = 0; i < n; i++) {
            xv[i][0] = Math.sqrt(5) * r.nextGaussian();
            yv[i] = b + w * xv[i][0] + Math.sqrt(10) * r.nextGaussian();
        }
        double[] ols = LeastSquares.solve(xv, yv, null);
        ModelObjective f = ModelObjective.l2(Nd4j.createFromArray(xv), Nd4j.createFromArray(yv));
        INDArray theta = Nd4j.createFromArray(-1 + 2 * r.nextDouble(), -1 + 2 * r.nextDouble());
        descend(f, theta, 0.05, 3000);
        assertArrayEquals(ols, theta.toDoubleVector(), 1e-8);
    }

    /** House prices: standardised features, full-batch GD, back to original units: OLS. */
    @Test
    void fullBatchGradientDescentReachesOlsOnStandardisedHousePrices() {
        HousePrices houses = HousePrices.generate(300, 11);
        double[] ols = LeastSquares.solve(houses.features().toDoubleMatrix(), houses.prices().toDoubleVector(), null);
        Standardizer s = Standardizer.fit(houses.features());
        ModelObjective f = ModelObjective.l2(s.transform(houses.features()), houses.prices());
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 4);
        descend(f, theta, 0.2, 4000);
        assertArrayEquals(ols, s.toOriginalParams(theta).toDoubleVector(), 1e-8);
    }

    /** Weighted least squares: weights (0.5 … 2) on the standardised house data. */
    @Test
    void fullBatchGradientDescentReachesWeightedLeastSquares() {
        HousePrices houses = HousePrices.generate(200, 5);
        double[] weights = new double[200];
        Random r = new Random(3);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.5 + 1.5 * r.nextDouble();
        }
        double[] wls = LeastSquares.solve(houses.features().toDoubleMatrix(), houses.prices().toDoubleVector(), weights);
        Standardizer s = Standardizer.fit(houses.features());
        ModelObjective f = ModelObjective.of(L2Loss.withWeights(weights, Reduction.MEAN), LinearModel.of(3),
                s.transform(houses.features()), houses.prices());
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 4);
        descend(f, theta, 0.1, 8000);
        assertArrayEquals(wls, s.toOriginalParams(theta).toDoubleVector(), 1e-8);
    }

    private static void descend(ModelObjective f, INDArray theta, double lr, int steps) {
        Sgd sgd = Sgd.of(lr);
        OptimizerState state = sgd.init(theta);
        INDArray grad = theta.like();
        for (int k = 0; k < steps; k++) {
            f.evaluate(theta, grad);
            sgd.step(theta, grad, state);
        }
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        INDArray x = Nd4j.createFromArray(XS);
        INDArray y = Nd4j.createFromArray(YS);
        LinearModel m = LinearModel.of(2);
        assertMessage(() -> ModelObjective.of(null, m, x, y), "loss must not be null");
        assertMessage(() -> ModelObjective.of(L2Loss.mean(), null, x, y), "model must not be null");
        assertMessage(() -> ModelObjective.of(L2Loss.mean(), m, null, y), "x must not be null");
        assertMessage(() -> ModelObjective.of(L2Loss.mean(), m, x, null), "y must not be null");
        assertMessage(() -> ModelObjective.of(L2Loss.mean(), LinearModel.of(3), x, y),
                "x must have shape [N, 3] for LinearModel[features=3], got [4, 2]");
        assertMessage(() -> ModelObjective.of(L2Loss.mean(), m, x, Nd4j.createFromArray(1.0, 2.0)),
                "y must be a vector of length 4 (the rows of x [4, 2]), got shape [2]");
        assertMessage(() -> ModelObjective.of(L2Loss.mean(), m, x, Nd4j.ones(DataType.DOUBLE, 2, 2)),
                "y must be a vector of length 4 (the rows of x [4, 2]), got shape [2, 2]");
        assertMessage(() -> ModelObjective.l2(Nd4j.createFromArray(1.0, 2.0), y), "x must have shape [N, d] with d >= 1, got [2]");
        INDArray bad = x.dup();
        bad.putScalar(new long[] {2, 1}, Double.NaN);
        assertMessage(() -> ModelObjective.l2(bad, y), "x[2, 1] must be finite, got NaN");
        INDArray badY = y.dup();
        badY.putScalar(3, Double.POSITIVE_INFINITY);
        assertMessage(() -> ModelObjective.l2(x, badY), "y[3] must be finite, got Infinity");
        assertMessage(() -> ModelObjective.of(L2Loss.withWeights(new double[] {1, 2}, Reduction.MEAN), m, x, y),
                "the L2Loss weights must have length 4 (one per row of x [4, 2]), got 2");

        ModelObjective f = ModelObjective.l2(x, y);
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 3);
        assertMessage(() -> f.evaluate(theta, (int[]) null, theta.like()), "batch must hold at least one example index, got null");
        assertMessage(() -> f.evaluate(theta, new int[0], theta.like()), "batch must hold at least one example index, got an empty array");
        assertMessage(() -> f.evaluate(theta, new int[] {0, 4}, theta.like()), "batch[1] must be in [0, 4), got 4");
        assertMessage(() -> f.evaluate(theta, new int[] {-1}, theta.like()), "batch[0] must be in [0, 4), got -1");
        assertMessage(() -> f.evaluate(Nd4j.zeros(DataType.DOUBLE, 2), Nd4j.zeros(DataType.DOUBLE, 2)), "params must have length 3, got 2");
        assertMessage(() -> f.evaluate(theta, Nd4j.zeros(DataType.DOUBLE, 4)), "gradient must have the length of params (3), got 4");
        assertMessage(() -> f.evaluate(theta, Nd4j.zeros(DataType.FLOAT, 3)), "gradient must have the data type of params (DOUBLE), got FLOAT");
        assertMessage(() -> f.evaluate(theta, null), "gradient must not be null");
        assertMessage(() -> f.evaluate(new double[2], new double[3]), "params must have length 3, got 2");
        assertMessage(() -> f.evaluate(new double[3], new double[2]), "gradient must have length 3, got 2");
        assertMessage(() -> f.evaluate(new double[3], new int[] {9}, new double[3]), "batch[0] must be in [0, 4), got 9");
        assertMessage(() -> f.value(new double[4]), "params must have length 3, got 4");
    }
}
