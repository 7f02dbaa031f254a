package dev.optim.landscapes.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PowerIterationTest {

    @Test
    void findsTheDominantEigenvalue() {
        double[] lambda = {10, 4, 1, 0.5, -2};
        double[][] a = Matrices.withSpectrum(lambda, new double[] {1, 0.3, -0.2, 0.5, 0.7});
        Spectrum s = new PowerIteration(500, 1e-14, 3).largest(HessianVectorProduct.ofMatrix(a));
        assertEquals(10.0, s.top(), 1e-10);
        assertTrue(s.products() < 500, "converged in " + s.products());
        assertTrue(s.residuals()[0] < 1e-5, "residual " + s.residuals()[0]);
    }

    @Test
    void findsTheLargestInMagnitudeEvenIfNegative() {
        double[][] a = Matrices.withSpectrum(new double[] {3, -12, 1},
                new double[] {0.4, 1, -0.3});
        Spectrum s = new PowerIteration(1000, 1e-14, 1).largest(HessianVectorProduct.ofMatrix(a));
        assertEquals(-12.0, s.top(), 1e-9);
    }

    @Test
    void refusesBadInput() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new PowerIteration(0, 1e-6, 1));
        assertTrue(e.getMessage().contains("maxIterations must be >= 1, got 0"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new PowerIteration(10, Double.NaN, 1));
        assertTrue(e.getMessage().contains("tolerance"));
        assertThrows(IllegalArgumentException.class, () -> new PowerIteration(10, -1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new PowerIteration(10, 0, 1).largest(null));
    }
}
