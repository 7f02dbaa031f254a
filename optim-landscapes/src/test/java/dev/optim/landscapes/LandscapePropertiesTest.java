package dev.optim.landscapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Properties of every landscape at random points of its domain: the analytic gradient against
 * central finite differences, and batched evaluation against point-by-point evaluation (exact).
 */
class LandscapePropertiesTest {

    private static final List<Landscape> LANDSCAPES = TestLandscapes.all();

    /** A landscape and a point of its domain. */
    record Case(Landscape landscape, double[] point) {
        @Override
        public String toString() {
            return landscape + " at " + Arrays.toString(point);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(LANDSCAPES),
                        Arbitraries.doubles().between(0, 1).array(double[].class).ofSize(10))
                .as((l, u) -> new Case(l, TestLandscapes.inDomain(l, u)));
    }

    @Provide
    Arbitrary<Landscape> landscapes() {
        return Arbitraries.of(LANDSCAPES);
    }

    @Property(tries = 300)
    void gradientMatchesCentralDifferences(@ForAll("cases") Case c) {
        Landscape l = c.landscape();
        double[] x = c.point();
        Assume.that(TestLandscapes.awayFromKinks(l, x));
        double[] g = new double[x.length];
        double f = l.evaluate(x, g);
        double[] fd = new double[x.length];
        double[] h = new double[x.length];
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            h[i] = 1e-6 * Math.max(1, Math.abs(x[i]));
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h[i];
            minus[i] -= h[i];
            // the step actually taken, after rounding of x ± h
            double step = plus[i] - minus[i];
            fd[i] = (l.value(plus) - l.value(minus)) / step;
            scale = Math.max(scale, Math.max(Math.abs(g[i]), Math.abs(fd[i])));
        }
        for (int i = 0; i < x.length; i++) {
            // truncation error O(h²) relative to the gradient, plus the rounding error of the
            // two values divided by the step
            double tol = 1e-6 * scale + 1e-13 * Math.abs(f) / h[i];
            assertTrue(Math.abs(g[i] - fd[i]) <= tol, c + ": df/dx" + i + " analytic " + g[i]
                    + ", central difference " + fd[i] + " (tolerance " + tol + ")");
        }
    }

    @Property(tries = 200)
    void batchEqualsPointByPointExactly(@ForAll("landscapes") Landscape l,
            @ForAll @IntRange(min = 1, max = 64) int k, @ForAll long seed) {
        int d = (int) l.dimension();
        double[][] rows = new double[k][];
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int r = 0; r < k; r++) {
            double[] u = new double[d];
            for (int i = 0; i < d; i++) {
                u[i] = random.nextDouble();
            }
            rows[r] = TestLandscapes.inDomain(l, u);
        }
        // special points too: the minima, the origin, and the kinks they often sit on
        if (!l.minima().isEmpty()) {
            rows[0] = l.minima().get(random.nextInt(l.minima().size())).point();
        }
        if (k > 1) {
            rows[1] = new double[d];
        }
        INDArray points = Nd4j.createFromArray(rows);
        INDArray values = Nd4j.create(DataType.DOUBLE, k);
        INDArray grads = Nd4j.create(DataType.DOUBLE, k, d);
        l.evaluateBatch(points, values, grads);
        for (int r = 0; r < k; r++) {
            double[] g = new double[d];
            double f = l.evaluate(rows[r], g);
            String at = l + " at " + Arrays.toString(rows[r]);
            assertEquals(Double.doubleToLongBits(f), Double.doubleToLongBits(values.getDouble(r)),
                    at + ": f " + f + " vs batch " + values.getDouble(r));
            for (int i = 0; i < d; i++) {
                assertEquals(Double.doubleToLongBits(g[i]),
                        Double.doubleToLongBits(grads.getDouble(r, i)),
                        at + ": df/dx" + i + " " + g[i] + " vs batch " + grads.getDouble(r, i));
            }
        }
    }
}
