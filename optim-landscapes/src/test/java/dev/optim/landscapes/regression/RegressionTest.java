package dev.optim.landscapes.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.landscapes.Fixtures;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Surface;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The article's line fit: the least-squares line and the L2 loss against NumPy
 * (fixtures/regression_*.csv: numpy.polyfit and NumPy's mean squared error), against the normal
 * equations solved by hand, and the article's "lower than the ground truth" property.
 */
class RegressionTest {

    private static RegressionData fixtureData() {
        try {
            return RegressionData.fromCsv(Path.of(RegressionTest.class
                    .getResource("/fixtures/regression_points.csv").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leastSquaresAndLossMatchNumpy() {
        RegressionData data = fixtureData();
        assertEquals(300, data.size());
        assertTrue(data.truth().isEmpty());
        RegressionObjective objective = data.objective();
        for (String[] row : Fixtures.rows("regression_reference.csv")) {
            double w = Double.parseDouble(row[1]);
            double b = Double.parseDouble(row[2]);
            double mse = Double.parseDouble(row[3]);
            double gw = Double.parseDouble(row[4]);
            double gb = Double.parseDouble(row[5]);
            double[] g = new double[2];
            double value;
            if (row[0].equals("batch10-34")) {
                value = objective.evaluate(new double[] {w, b},
                        IntStream.range(10, 34).toArray(), g);
            } else {
                value = objective.evaluate(new double[] {w, b}, g);
            }
            assertEquals(mse, value, 1e-12 * mse, row[0]);
            double scale = Math.max(Math.abs(gw), Math.abs(gb));
            if (row[0].equals("fit")) {
                Line fit = data.leastSquares();
                assertEquals(w, fit.slope(), 1e-12 * Math.abs(w), "slope vs numpy.polyfit");
                assertEquals(b, fit.intercept(), 1e-12 * Math.abs(b), "intercept vs polyfit");
                // the gradient vanishes at the fit (to rounding of the sums)
                assertEquals(0.0, g[0], 1e-12);
                assertEquals(0.0, g[1], 1e-12);
            } else {
                assertEquals(gw, g[0], 1e-12 * scale, row[0] + " dL/dw");
                assertEquals(gb, g[1], 1e-12 * scale, row[0] + " dL/db");
            }
        }
    }

    /** The normal equations [Σx² Σx; Σx N]·(w, b) = (Σxy, Σy), by Cramer's rule. */
    private static double[] normalEquations(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
        }
        double n = x.length;
        double det = sxx * n - sx * sx;
        return new double[] {(sxy * n - sx * sy) / det, (sxx * sy - sx * sxy) / det};
    }

    @Property(tries = 200)
    void fitBeatsTheGroundTruthOnItsSample(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 800) int points) {
        RegressionData data = RegressionProblem.builder().points(points).seed(seed).build()
                .generate();
        Line truth = data.truth().orElseThrow();
        Line fit = data.leastSquares();
        double fitLoss = data.loss(fit);
        double truthLoss = data.loss(truth);
        assertTrue(fitLoss <= truthLoss * (1 + 1e-12) + 1e-300,
                "fit " + fit + " loss " + fitLoss + " > truth " + truth + " loss " + truthLoss);
        double[] ne = normalEquations(data.xs(), data.ys());
        assertEquals(ne[0], fit.slope(), 1e-8 * Math.max(1, Math.abs(ne[0])));
        assertEquals(ne[1], fit.intercept(), 1e-8 * Math.max(1, Math.abs(ne[1])));
    }

    @Property(tries = 200)
    void gradientMatchesCentralDifferencesOnAnyBatch(@ForAll long seed,
            @ForAll @DoubleRange(min = -5, max = 5) double w,
            @ForAll @DoubleRange(min = -5, max = 5) double b,
            @ForAll @IntRange(min = 1, max = 24) int batchSize) {
        RegressionData data = RegressionProblem.builder().points(50).seed(seed).build()
                .generate();
        RegressionObjective objective = data.objective();
        int[] batch = new int[batchSize];
        for (int k = 0; k < batchSize; k++) {
            batch[k] = (int) Math.floorMod(seed + 7L * k, 50L);
        }
        double[] g = new double[2];
        double f = objective.evaluate(new double[] {w, b}, batch, g);
        double h = 1e-5;
        double[] scratch = new double[2];
        double dw = (objective.evaluate(new double[] {w + h, b}, batch, scratch)
                - objective.evaluate(new double[] {w - h, b}, batch, scratch)) / (2 * h);
        double db = (objective.evaluate(new double[] {w, b + h}, batch, scratch)
                - objective.evaluate(new double[] {w, b - h}, batch, scratch)) / (2 * h);
        // a quadratic: central differences are exact up to rounding
        double tol = 1e-6 * (1 + Math.abs(g[0]) + Math.abs(g[1])) + 1e-12 * f / h;
        assertEquals(dw, g[0], tol);
        assertEquals(db, g[1], tol);
    }

    @Test
    void fullBatchEqualsTheBatchOfAllIndicesAndTheINDArrayForm() {
        RegressionData data = RegressionData.generate(3);
        RegressionObjective objective = data.objective();
        double[] theta = {0.7, -1.2};
        double[] g1 = new double[2];
        double[] g2 = new double[2];
        double f1 = objective.evaluate(theta, g1);
        double f2 = objective.evaluate(theta, IntStream.range(0, data.size()).toArray(), g2);
        assertEquals(f1, f2);
        assertArrayEquals(g1, g2);
        INDArray p = Nd4j.createFromArray(0.7f, -1.2f);
        INDArray grad = p.like();
        double f3 = objective.evaluate(p, IntStream.range(0, data.size()).toArray(), grad);
        assertEquals(f1, f3, 1e-5 * f1);
        assertEquals(g1[0], grad.getDouble(0), 1e-4 * Math.abs(g1[0]));
        INDArray pd = Nd4j.createFromArray(theta);
        INDArray gd = pd.like();
        assertEquals(f1, objective.evaluate(pd, gd));
        assertEquals(g1[1], gd.getDouble(1));
        assertEquals(2, objective.dimension());
        assertEquals(300, objective.size());
        assertEquals(f1, data.loss(new Line(0.7, -1.2)));
    }

    @Test
    void repeatedIndicesCountEachTime() {
        RegressionData data = RegressionData.of(new double[] {0, 1}, new double[] {0, 3});
        double[] g = new double[2];
        // θ = (0, 0): residuals 0 and −3; batch {1, 1, 0}: (9 + 9 + 0)/3 = 6
        assertEquals(6.0, data.objective().evaluate(new double[] {0, 0}, new int[] {1, 1, 0}, g));
        // ∂w = 2/3·(−3·1 − 3·1 + 0) = −4, ∂b = 2/3·(−6) = −4
        assertArrayEquals(new double[] {-4, -4}, g, 1e-15);
    }

    @Test
    void badBatchesAndParametersAreRefused() {
        RegressionObjective objective = RegressionData.generate(1).objective();
        double[] theta = {0, 0};
        double[] g = new double[2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> objective.evaluate(theta, new int[] {0, 300}, g));
        assertEquals("batch[1] must be in [0, 300), got 300", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> objective.evaluate(theta, new int[] {-1}, g));
        e = assertThrows(IllegalArgumentException.class,
                () -> objective.evaluate(theta, new int[0], g));
        assertEquals("batch must hold at least 1 index, got none", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> objective.evaluate(theta, (int[]) null, g));
        assertThrows(IllegalArgumentException.class,
                () -> objective.evaluate(new double[3], g));
        assertThrows(IllegalArgumentException.class,
                () -> objective.evaluate(theta, new double[1]));
        INDArray p = Nd4j.createFromArray(0.0, 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> objective.evaluate(p, new int[] {0}, Nd4j.create(DataType.FLOAT, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> objective.evaluate(Nd4j.createFromArray(0.0, 0.0, 0.0), new int[] {0},
                        Nd4j.create(DataType.DOUBLE, 3)));
    }

    @Test
    void generatorDefaultsAreTheArticles() {
        RegressionProblem p = RegressionProblem.builder().build();
        assertEquals(300, p.points());
        assertEquals(0L, p.seed());
        assertEquals(Math.sqrt(5), p.xSigma());
        assertEquals(Math.sqrt(10), p.noiseSigma());
        assertEquals(0.0, p.xMean());
        assertTrue(p.truth().isEmpty());
        RegressionData data = p.generate();
        assertEquals(300, data.size());
        Line truth = data.truth().orElseThrow();
        assertTrue(truth.slope() >= -4 && truth.slope() < 4, truth.toString());
        assertTrue(truth.intercept() >= -4 && truth.intercept() < 4, truth.toString());
    }

    @Test
    void generatorIsReproducibleFromTheSeed() {
        RegressionData a = RegressionData.generate(42);
        RegressionData b = RegressionData.generate(RegressionProblem.withSeed(42));
        RegressionData c = RegressionData.generate(43);
        assertArrayEquals(a.xs(), b.xs());
        assertArrayEquals(a.ys(), b.ys());
        assertEquals(a.truth(), b.truth());
        assertFalse(a.truth().equals(c.truth()));
    }

    @Test
    void generatorFollowsItsSettings() {
        // large sample: sample moments within about 5 standard errors
        int n = 200_000;
        RegressionData data = RegressionProblem.builder().points(n).seed(9).truth(1.5, -2)
                .xMean(3).xVariance(4).noiseVariance(9).build().generate();
        assertEquals(new Line(1.5, -2), data.truth().orElseThrow());
        double[] x = data.xs();
        double[] y = data.ys();
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        double noiseVar = 0;
        double noiseMean = 0;
        for (int i = 0; i < n; i++) {
            var += (x[i] - mean) * (x[i] - mean);
            double e = y[i] - (1.5 * x[i] - 2);
            noiseMean += e;
            noiseVar += e * e;
        }
        var /= n;
        noiseMean /= n;
        noiseVar = noiseVar / n - noiseMean * noiseMean;
        assertEquals(3.0, mean, 5 * 2 / Math.sqrt(n));
        assertEquals(4.0, var, 5 * 4 * Math.sqrt(2.0 / n));
        assertEquals(0.0, noiseMean, 5 * 3 / Math.sqrt(n));
        assertEquals(9.0, noiseVar, 5 * 9 * Math.sqrt(2.0 / n));
        Line fit = data.leastSquares();
        assertEquals(1.5, fit.slope(), 0.02);
        assertEquals(-2.0, fit.intercept(), 0.05);
    }

    @Test
    void noiseFreeDataLieOnTheLine() {
        RegressionData data = RegressionProblem.builder().points(20).truth(-0.5, 3)
                .noiseSigma(0).build().generate();
        for (int i = 0; i < 20; i++) {
            assertEquals(-0.5 * data.x(i) + 3, data.y(i));
        }
        assertEquals(0.0, data.loss(new Line(-0.5, 3)));
    }

    @Test
    void builderRefusesBadSettings() {
        RegressionProblem.Builder b = RegressionProblem.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.points(0));
        assertEquals("points must be in [1, 16777216], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.xVariance(-1));
        assertEquals("xVariance must be finite and > 0, got -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.xSigma(0));
        assertThrows(IllegalArgumentException.class, () -> b.noiseSigma(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> b.noiseVariance(-0.1));
        assertThrows(IllegalArgumentException.class, () -> b.truth(Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> b.truthRange(1, 1));
        assertThrows(IllegalArgumentException.class, () -> b.xMean(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RegressionData.generate(null));
    }

    @Test
    void dataFromArraysAreCopiedAndValidated() {
        double[] x = {1, 2, 3};
        double[] y = {2, 4, 6};
        RegressionData data = RegressionData.of(x, y);
        x[0] = 100;
        assertEquals(1.0, data.x(0));
        data.xs()[1] = 100;
        assertEquals(2.0, data.x(1));
        assertEquals(new Line(2, 0), data.leastSquares());
        assertThrows(IllegalArgumentException.class, () -> RegressionData.of(x, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> RegressionData.of(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> RegressionData.of(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> data.x(3));
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> RegressionData.of(new double[] {2, 2}, new double[] {1, 3}).leastSquares());
        assertTrue(s.getMessage().contains("at least 2 distinct x"), s.getMessage());
        assertThrows(IllegalStateException.class,
                () -> RegressionData.of(new double[] {1}, new double[] {1}).leastSquares());
    }

    @Test
    void lossSurfaceOverTheArticlesAxes() {
        RegressionData data = RegressionData.generate(5);
        Surface s = data.lossSurface(11, 21);
        Grid g = s.grid();
        assertEquals(new Grid(-5, 5, 11, -5, 5, 21), g);
        for (int j = 0; j < 21; j += 4) {
            for (int i = 0; i < 11; i += 3) {
                assertEquals(data.loss(new Line(g.x(i), g.y(j))), s.value(i, j));
            }
        }
        // the fit is the minimum: no grid point is lower
        assertTrue(s.min() >= data.loss(data.leastSquares()));
    }

    @Test
    void lineBasics() {
        Line l = Line.of(new double[] {2, -1});
        assertEquals(5.0, l.predict(3));
        assertArrayEquals(new double[] {2, -1}, l.toArray());
        assertThrows(IllegalArgumentException.class, () -> Line.of(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Line(Double.NaN, 0));
    }

    @Test
    void toStrings() {
        assertTrue(RegressionData.generate(1).toString()
                .startsWith("RegressionData[n=300, truth="));
        assertTrue(RegressionProblem.withSeed(1).toString().contains("points=300"));
    }
}
