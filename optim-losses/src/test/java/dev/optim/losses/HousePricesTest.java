package dev.optim.losses;

import static dev.optim.losses.TestSupport.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class HousePricesTest {

    @Test
    void sameSeedSameData() {
        HousePrices a = HousePrices.generate(50, 1);
        HousePrices b = HousePrices.generate(50, 1);
        assertEquals(a.features(), b.features());
        assertEquals(a.prices(), b.prices());
        assertFalse(a.prices().equals(HousePrices.generate(50, 2).prices()));
        assertEquals(50, a.size());
        assertEquals(1, a.seed());
        assertEquals(HousePrices.DEFAULT_NOISE, a.noise());
    }

    @Test
    void featuresAreOnTheirDocumentedScales() {
        HousePrices h = HousePrices.generate(2000, 9);
        double[][] x = h.features().toDoubleMatrix();
        assertEquals(DataType.DOUBLE, h.features().dataType());
        assertArrayEquals(new long[] {2000, 3}, h.features().shape());
        assertArrayEquals(new long[] {2000}, h.prices().shape());
        for (double[] row : x) {
            assertTrue(row[0] >= 40 && row[0] <= 220, "area " + row[0]);
            assertTrue(row[1] >= 1 && row[1] <= 7 && row[1] == Math.rint(row[1]), "bedrooms " + row[1]);
            assertTrue(row[2] >= 2.4 && row[2] <= 3.4, "ceiling " + row[2]);
        }
        // bedrooms follow area
        double areaOfOneBed = Arrays.stream(x).filter(r -> r[1] == 1).mapToDouble(r -> r[0]).average().orElseThrow();
        double areaOfFiveBeds = Arrays.stream(x).filter(r -> r[1] == 5).mapToDouble(r -> r[0]).average().orElseThrow();
        assertTrue(areaOfFiveBeds > areaOfOneBed + 60, areaOfOneBed + " vs " + areaOfFiveBeds);
        assertEquals(List.of("floor area (m²)", "bedrooms", "ceiling height (m)"), HousePrices.FEATURE_NAMES);
    }

    @Test
    void withoutNoiseThePricesLieOnTheTruePlane() {
        HousePrices h = HousePrices.generate(100, 4, 0.0);
        double[][] x = h.features().toDoubleMatrix();
        double[] y = h.prices().toDoubleVector();
        for (int i = 0; i < y.length; i++) {
            assertEquals(25 + 3 * x[i][0] + 12 * x[i][1] + 40 * x[i][2], y[i], 1e-12);
        }
        assertArrayEquals(new double[] {3, 12, 40, 25}, HousePrices.trueParams());
        assertEquals(List.of(3.0, 12.0, 40.0, 25.0), HousePrices.TRUE_PARAMS);
    }

    @Test
    void leastSquaresRecoversTheTruthWithinItsNoise() {
        // σ = 20 over 20 000 houses: the standard errors are about 0.005 (area), 0.3 (bedrooms),
        // 0.5 (ceiling) and 2 (bias); allow five of them.
        HousePrices h = HousePrices.generate(20_000, 21);
        double[] fit = LeastSquares.solve(h.features().toDoubleMatrix(), h.prices().toDoubleVector(), null);
        assertEquals(3, fit[0], 0.03);
        assertEquals(12, fit[1], 1.5);
        assertEquals(40, fit[2], 2.5);
        assertEquals(25, fit[3], 10);
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertMessage(() -> HousePrices.generate(0, 1), "n must be in [1, 16777216], got 0");
        assertMessage(() -> HousePrices.generate(Integer.MAX_VALUE, 1),
                "n must be in [1, 16777216], got " + Integer.MAX_VALUE);
        assertMessage(() -> HousePrices.generate(10, 1, -1), "noise must be finite and >= 0, got -1.0");
        assertMessage(() -> HousePrices.generate(10, 1, Double.NaN), "noise must be finite and >= 0, got NaN");
    }
}
