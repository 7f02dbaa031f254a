package dev.optim.landscapes.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class EpsilonSharpnessTest {

    /**
     * A separable convex quadratic is maximised over the box at the vertex away from its centre:
     * {@code max f = Σ ½·hᵢ·(|xᵢ − cᵢ| + bᵢ)²} with {@code bᵢ = ε·(|xᵢ| + 1)}.
     */
    @Property(tries = 50)
    void separableQuadraticReachesTheClosedFormMaximum(
            @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll @IntRange(min = 1, max = 1000) int epsCode,
            @ForAll @IntRange(min = 0, max = 10_000) int seed, @ForAll boolean atMinimum) {
        double eps = 1e-4 * epsCode;
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] h = new double[n];
        double[] c = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 0.1 + 10 * r.nextDouble();
            c[i] = 4 * r.nextDouble() - 2;
            x[i] = atMinimum ? c[i] : c[i] + r.nextDouble() - 0.5;
        }
        Quadratic f = new Quadratic(h, c, 0.25);
        double f0 = 0.25;
        double max = 0.25;
        for (int i = 0; i < n; i++) {
            double b = eps * (Math.abs(x[i]) + 1);
            f0 += 0.5 * h[i] * (x[i] - c[i]) * (x[i] - c[i]);
            double far = Math.abs(x[i] - c[i]) + b;
            max += 0.5 * h[i] * far * far;
        }
        SharpnessResult res = new EpsilonSharpness(eps, 0, 40, seed)
                .measure(f, Nd4j.createFromArray(x));
        assertEquals(f0, res.loss(), 1e-12 * f0);
        assertEquals(max, res.maxLoss(), 1e-9 * max);
        assertEquals(100 * (max - f0) / (1 + f0), res.sharpness(), 1e-7 * res.sharpness() + 1e-12);
        double[] g = new double[n];
        double[] moved = new double[n];
        for (int i = 0; i < n; i++) {
            moved[i] = x[i] + res.perturbation()[i];
            assertTrue(Math.abs(res.perturbation()[i]) <= eps * (Math.abs(x[i]) + 1) * (1 + 1e-12));
        }
        assertEquals(res.maxLoss(), f.evaluate(moved, g), 1e-12 * max);
    }

    /**
     * On Rosenbrock at its minimum, the ascent ends at a vertex of the box that is a local
     * maximum, within 1% of a brute-force search of the whole box (the two opposite vertices
     * along the valley's normal differ only in the cubic terms).
     */
    @Test
    void rosenbrockMatchesABruteForceSearchOfTheBox() {
        Landscape f = Landscapes.byName("rosenbrock");
        double eps = 1e-3;
        double b = eps * 2; // |1| + 1
        double best = Double.NEGATIVE_INFINITY;
        int m = 400;
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= m; j++) {
                double[] p = {1 - b + 2 * b * i / m, 1 - b + 2 * b * j / m};
                best = Math.max(best, f.value(p));
            }
        }
        SharpnessResult res = EpsilonSharpness.fullSpace(eps)
                .measure(f, Nd4j.createFromArray(1.0, 1.0));
        assertEquals(0.0, res.loss(), 0.0);
        assertTrue(res.maxLoss() >= best * 0.99, res.maxLoss() + " < 99% of grid " + best);
        assertTrue(res.maxLoss() <= best * (1 + 1e-12), res.maxLoss() + " > grid " + best);
        double[] y = res.perturbation();
        assertEquals(b, Math.abs(y[0]), 1e-15);
        assertEquals(b, Math.abs(y[1]), 1e-15);
        assertEquals(100 * res.maxLoss(), res.sharpness(), 1e-12);
    }

    @Test
    void randomSubspacePerturbationLiesInTheBoxAndReachesItsValue() {
        double[] h = {1, 2, 3, 4, 5, 6};
        double[] c = new double[6];
        Quadratic f = new Quadratic(h, c, 0);
        double[] x = {0.1, -0.2, 0.3, 0.0, 0.5, -0.1};
        SharpnessResult full = EpsilonSharpness.fullSpace(1e-2).measure(f, Nd4j.createFromArray(x));
        SharpnessResult sub = EpsilonSharpness.randomSubspace(1e-2, 2, 5)
                .measure(f, Nd4j.createFromArray(x));
        double[] moved = new double[6];
        for (int i = 0; i < 6; i++) {
            moved[i] = x[i] + sub.perturbation()[i];
        }
        assertEquals(sub.maxLoss(), f.value(moved), 1e-15);
        assertTrue(sub.sharpness() > 0);
        assertTrue(full.sharpness() > 0);
        // Reproducible from the seed.
        SharpnessResult again = EpsilonSharpness.randomSubspace(1e-2, 2, 5)
                .measure(f, Nd4j.createFromArray(x));
        assertEquals(sub.maxLoss(), again.maxLoss(), 0.0);
    }

    @Test
    void pseudoInverseInvertsOnTheColumnSpace() {
        double[][] cols = {{1, 2, 0, 1}, {0, 1, 3, -1}};
        double[] coeff = {0.7, -1.3};
        double[] x = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = cols[0][i] * coeff[0] + cols[1][i] * coeff[1];
        }
        double[] back = EpsilonSharpness.pseudoInverseTimes(cols, x);
        assertEquals(coeff[0], back[0], 1e-14);
        assertEquals(coeff[1], back[1], 1e-14);
    }

    @Test
    void refusesBadInput() {
        for (double eps : new double[] {0, -1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> EpsilonSharpness.fullSpace(eps));
            assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
        }
        var f = new Quadratic(new double[] {1, 1}, new double[2], 0);
        var e = assertThrows(IllegalArgumentException.class,
                () -> EpsilonSharpness.randomSubspace(1e-3, 3, 1)
                        .measure(f, Nd4j.createFromArray(0.0, 0.0)));
        assertTrue(e.getMessage().contains("subspace must be at most the parameter count 2, got 3"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EpsilonSharpness.randomSubspace(1e-3, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new EpsilonSharpness(1e-3, 0, 0, 1));
        e = assertThrows(IllegalArgumentException.class, () -> EpsilonSharpness.fullSpace(1e-3)
                .measure(f, Nd4j.createFromArray(0.0, 0.0, 0.0)));
        assertTrue(e.getMessage().contains("theta"), e.getMessage());
        var negative = new Quadratic(new double[] {1}, new double[1], -2);
        e = assertThrows(IllegalArgumentException.class, () -> EpsilonSharpness.fullSpace(1e-3)
                .measure(negative, Nd4j.createFromArray(0.0)));
        assertTrue(e.getMessage().contains("> -1, got -2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EpsilonSharpness.fullSpace(1e-3)
                .measure(f, Nd4j.createFromArray(Double.NaN, 0.0)));
        assertTrue(e.getMessage().contains("theta[0] must be finite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EpsilonSharpness.fullSpace(1e-3)
                .measure(null, Nd4j.createFromArray(0.0, 0.0)));
    }
}
