package dev.optim.losses;

import static dev.optim.losses.TestSupport.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StandardizerTest {

    @Test
    void fitsPopulationMeanAndStdByHand() {
        // column 0: 1, 2, 3, 6 → mean 3, deviations −2, −1, 0, 3 → variance 14/4 = 3.5
        // column 1: 10, 10, 20, 20 → mean 15, std 5
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 10}, {2, 10}, {3, 20}, {6, 20}});
        Standardizer s = Standardizer.fit(x);
        assertEquals(2, s.features());
        assertArrayEquals(new double[] {3, 15}, s.means(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(3.5), 5}, s.stds(), 1e-15);
        INDArray xs = s.transform(x);
        double r = Math.sqrt(3.5);
        assertArrayEquals(new double[][] {{-2 / r, -1}, {-1 / r, -1}, {0, 1}, {3 / r, 1}}, xs.toDoubleMatrix());
        assertArrayEquals(x.toDoubleMatrix()[3], s.inverseTransform(xs).toDoubleMatrix()[3], 1e-14);
        // the input is not modified; FLOAT stays FLOAT
        assertEquals(1.0, x.getDouble(0, 0), 0);
        assertEquals(DataType.FLOAT, s.transform(x.castTo(DataType.FLOAT)).dataType());
    }

    /** Parameters converted to original units predict exactly what the standardised ones did. */
    @Property(tries = 100)
    void convertedParametersGiveTheSamePredictions(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 3 + r.nextInt(20);
        int d = 1 + r.nextInt(4);
        double[][] xv = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xv[i][j] = (j + 1) * 100 * r.nextGaussian() + 50 * j;
            }
        }
        INDArray x = Nd4j.createFromArray(xv);
        Standardizer s = Standardizer.fit(x);
        double[] thetaStd = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            thetaStd[k] = r.nextGaussian();
        }
        double[] theta = s.toOriginalParams(thetaStd);
        double[][] xs = s.transform(x).toDoubleMatrix();
        for (int i = 0; i < n; i++) {
            double a = thetaStd[d];
            double b = theta[d];
            for (int j = 0; j < d; j++) {
                a += thetaStd[j] * xs[i][j];
                b += theta[j] * xv[i][j];
            }
            assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)));
        }
        // and back
        assertArrayEquals(thetaStd, s.toStandardizedParams(Nd4j.createFromArray(theta)).toDoubleVector(), 1e-10);
        assertArrayEquals(theta, s.toOriginalParams(Nd4j.createFromArray(thetaStd)).toDoubleVector(), 1e-12);
        // transformed columns have mean 0 and std 1
        for (int j = 0; j < d; j++) {
            double m = 0;
            double v = 0;
            for (double[] row : xs) {
                m += row[j] / n;
            }
            for (double[] row : xs) {
                v += (row[j] - m) * (row[j] - m) / n;
            }
            assertEquals(0, m, 1e-12);
            assertEquals(1, v, 1e-12);
        }
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertMessage(() -> Standardizer.fit(null), "x must not be null");
        assertMessage(() -> Standardizer.fit(Nd4j.createFromArray(1.0, 2.0)), "x must have shape [N, d], got [2]");
        assertMessage(() -> Standardizer.fit(Nd4j.createFromArray(new double[][] {{1, 2}})),
                "x must have at least 2 rows to estimate a spread, got shape [1, 2]");
        assertMessage(() -> Standardizer.fit(Nd4j.createFromArray(new double[][] {{1, 3}, {2, 3}, {5, 3}})),
                "feature 1 of x is constant (mean 3.0, standard deviation 0.0)");
        assertMessage(() -> Standardizer.fit(Nd4j.createFromArray(new double[][] {{0.1, 1}, {0.1, 2}, {0.1, 4}})),
                "feature 0 of x is constant");
        assertMessage(() -> Standardizer.fit(Nd4j.createFromArray(new double[][] {{1, 2}, {Double.NaN, 3}})),
                "x[1, 0] must be finite, got NaN");
        Standardizer s = Standardizer.fit(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 5}}));
        assertMessage(() -> s.transform(Nd4j.ones(DataType.DOUBLE, 3, 3)),
                "x must have shape [M, 2] (the features this standardizer was fitted on), got [3, 3]");
        assertMessage(() -> s.inverseTransform(Nd4j.ones(DataType.DOUBLE, 2)),
                "standardized must have shape [M, 2] (the features this standardizer was fitted on), got [2]");
        assertMessage(() -> s.toOriginalParams(Nd4j.ones(DataType.DOUBLE, 2)), "standardizedParams must have length 3, got 2");
        assertMessage(() -> s.toOriginalParams(new double[4]), "standardizedParams must have length 3, got 4");
        assertMessage(() -> s.toStandardizedParams(Nd4j.ones(DataType.INT, 3)), "params must be FLOAT or DOUBLE, got INT");
    }
}
