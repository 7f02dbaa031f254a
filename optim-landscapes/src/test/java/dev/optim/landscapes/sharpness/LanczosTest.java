package dev.optim.landscapes.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.landscapes.Landscapes;
import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionObjective;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class LanczosTest {

    @Test
    void findsThePrescribedSpectrumOfAnExplicitMatrix() {
        int n = 30;
        double[] lambda = new double[n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 0.3 * i * i - 5; // distinct, from -5 to 247.3, with negatives
            u[i] = Math.sin(i + 1.0) + 0.1;
        }
        HessianVectorProduct hvp = HessianVectorProduct.ofMatrix(Matrices.withSpectrum(lambda, u));
        Spectrum s = Lanczos.withIterations(n).topEigenvalues(hvp, 5);
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < 5; k++) {
            assertEquals(sorted[n - 1 - k], s.eigenvalues()[k], 1e-9 * sorted[n - 1]);
        }
        assertEquals(n, s.products());
        // With fewer iterations the top eigenvalue has already converged (its gap is large).
        Spectrum partial = Lanczos.withIterations(20).topEigenvalues(hvp, 1);
        assertEquals(sorted[n - 1], partial.top(), 1e-6 * sorted[n - 1]);
        assertTrue(partial.residuals()[0] < 1e-3 * sorted[n - 1], "residual bound "
                + partial.residuals()[0]);
    }

    @Property(tries = 60)
    void fullIterationRecoversEveryEigenvalue(@ForAll @IntRange(min = 1, max = 12) int n,
            @ForAll @DoubleRange(min = -50, max = 50) double shift,
            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] lambda = new double[n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = shift + 10 * i + r.nextDouble(); // distinct, gaps of about 10
            u[i] = r.nextDouble() - 0.5;
        }
        u[0] += 1; // not the zero vector
        double[][] a = Matrices.withSpectrum(lambda, u);
        Spectrum s = new Lanczos(n, seed).topEigenvalues(HessianVectorProduct.ofMatrix(a), n);
        double scale = Math.abs(shift) + 10 * n + 1;
        double[] expected = lambda.clone();
        Arrays.sort(expected);
        assertEquals(n, s.eigenvalues().length);
        for (int k = 0; k < n; k++) {
            assertEquals(expected[n - 1 - k], s.eigenvalues()[k], 1e-9 * scale);
        }
    }

    @Test
    void rosenbrockHessianByCentralDifferencesMatchesTheClosedForm() {
        double x = -0.7;
        double y = 1.3;
        // ∇²f = [[1200x² − 400y + 2, −400x], [−400x, 200]] for f = (1 − x)² + 100(y − x²)².
        double[] exact = Matrices.eigen2(1200 * x * x - 400 * y + 2, -400 * x, 200);
        var theta = Nd4j.createFromArray(x, y);
        var hvp = HessianVectorProduct.centralDifference(Landscapes.byName("rosenbrock"), theta);
        Spectrum s = Lanczos.withIterations(2).topEigenvalues(hvp, 2);
        assertEquals(exact[0], s.eigenvalues()[0], 1e-6 * exact[0]);
        assertEquals(exact[1], s.eigenvalues()[1], 1e-6 * exact[0]);
    }

    @Test
    void linearModelHessianMatchesTheClosedForm() {
        RegressionData data = RegressionData.generate(7);
        double[] xs = data.xs();
        double sx = 0;
        double sxx = 0;
        for (double v : xs) {
            sx += v;
            sxx += v * v;
        }
        int n = xs.length;
        // L = (1/N) Σ (w·x + b − y)²: ∇²L = (2/N)·[[Σx², Σx], [Σx, N]], whatever θ.
        double[] exact = Matrices.eigen2(2 * sxx / n, 2 * sx / n, 2.0);
        var theta = Nd4j.createFromArray(0.3, -1.2);
        var hvp = HessianVectorProduct.centralDifference(new RegressionObjective(data), theta);
        Spectrum s = Lanczos.withIterations(2).topEigenvalues(hvp, 2);
        assertEquals(exact[0], s.eigenvalues()[0], 1e-7 * exact[0]);
        assertEquals(exact[1], s.eigenvalues()[1], 1e-7 * exact[0]);
    }

    @Test
    void rastriginHessianIsDiagonalAndKnown() {
        int n = 10;
        double[] x = new double[n];
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.05 * i - 0.2;
            // f = 10n + Σ (xᵢ² − 10·cos(2πxᵢ)): ∂²f/∂xᵢ² = 2 + 40π²·cos(2πxᵢ).
            diag[i] = 2 + 40 * Math.PI * Math.PI * Math.cos(2 * Math.PI * x[i]);
        }
        var hvp = HessianVectorProduct.centralDifference(Landscapes.rastrigin(n),
                Nd4j.createFromArray(x));
        Spectrum s = Lanczos.withIterations(n).topEigenvalues(hvp, 3);
        Arrays.sort(diag);
        for (int k = 0; k < 3; k++) {
            assertEquals(diag[n - 1 - k], s.eigenvalues()[k], 1e-5 * diag[n - 1]);
        }
    }

    @Test
    void anExhaustedKrylovSpaceGivesFewerButExactValues() {
        double[][] a = {{3, 0, 0}, {0, 3, 0}, {0, 0, 3}};
        Spectrum s = Lanczos.withIterations(3).topEigenvalues(HessianVectorProduct.ofMatrix(a), 2);
        assertEquals(1, s.eigenvalues().length);
        assertEquals(3.0, s.top(), 1e-15);
        assertEquals(0.0, s.residuals()[0]);
        assertEquals(1, s.products());
    }

    @Test
    void refusesBadInput() {
        var hvp = HessianVectorProduct.ofMatrix(new double[][] {{1, 0}, {0, 2}});
        var e = assertThrows(IllegalArgumentException.class,
                () -> Lanczos.withIterations(5).topEigenvalues(hvp, 3));
        assertTrue(e.getMessage().contains("count") && e.getMessage().contains("dimension 2")
                && e.getMessage().contains("got 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Lanczos.withIterations(5).topEigenvalues(hvp, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Lanczos.withIterations(5).topEigenvalues(null, 1));
        e = assertThrows(IllegalArgumentException.class, () -> Lanczos.withIterations(0));
        assertTrue(e.getMessage().contains("iterations must be >= 1, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> HessianVectorProduct.ofMatrix(new double[][] {{1, 2}, {3, 4}}));
        assertThrows(IllegalArgumentException.class,
                () -> HessianVectorProduct.ofMatrix(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> HessianVectorProduct.ofMatrix(new double[][] {{Double.NaN}}));
        e = assertThrows(IllegalArgumentException.class,
                () -> hvp.apply(new double[3], new double[2]));
        assertTrue(e.getMessage().contains("v must have length 2, got 3"), e.getMessage());
        HessianVectorProduct nonFinite = new HessianVectorProduct() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void apply(double[] v, double[] out) {
                out[0] = Double.NaN;
                out[1] = 1;
            }
        };
        e = assertThrows(IllegalArgumentException.class,
                () -> Lanczos.withIterations(2).topEigenvalues(nonFinite, 1));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
    }
}
