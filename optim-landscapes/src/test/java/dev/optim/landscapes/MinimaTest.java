package dev.optim.landscapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The documented global minima against minima refined independently (mpmath findroot on the
 * SymPy gradient, values at 50 digits; fixtures/minima.csv), and against a grid search.
 */
class MinimaTest {

    /** Minima on the boundary of the domain, where the gradient is not zero. */
    private static final Set<String> ON_BOUNDARY = Set.of("eggholder");

    private static Map<String, List<double[]>> reference() {
        Map<String, List<double[]>> ref = new HashMap<>();
        for (String[] row : Fixtures.rows("minima.csv")) {
            int n = Integer.parseInt(row[1]);
            ref.computeIfAbsent(row[0] + "/" + n, k -> new ArrayList<>())
                    .add(Fixtures.doubles(row, 2, n + 1));
        }
        return ref;
    }

    @Test
    void documentedMinimaMatchTheRefinedReferences() {
        Map<String, List<double[]>> ref = reference();
        int checked = 0;
        for (Landscape l : TestLandscapes.all()) {
            int n = (int) l.dimension();
            List<double[]> expected = ref.getOrDefault(l.name() + "/" + n, List.of());
            assertEquals(expected.size(), l.minima().size(), l + ": number of minima");
            for (Minimum m : l.minima()) {
                double[] match = expected.stream()
                        .filter(e -> closePoints(Arrays.copyOf(e, n), m.point()))
                        .findFirst().orElse(null);
                assertTrue(match != null, l + ": no reference minimum at " + m);
                double refValue = match[n];
                assertTrue(Fixtures.close(m.value(), refValue, 1e-9),
                        l + ": documented " + m.value() + ", reference " + refValue);
                double[] g = new double[n];
                double f = l.evaluate(m.point(), g);
                assertTrue(Fixtures.close(f, m.value(), 1e-9),
                        l + ": f at the minimum " + f + ", documented " + m.value());
                assertTrue(Fixtures.close(f, refValue, 1e-9),
                        l + ": f at the minimum " + f + ", reference " + refValue);
                assertTrue(l.domain().contains(m.point()), l + ": " + m + " outside the domain");
                if (!ON_BOUNDARY.contains(l.name())) {
                    for (int i = 0; i < n; i++) {
                        assertTrue(Math.abs(g[i]) <= 1e-9 * Math.max(1, Math.abs(f)),
                                l + ": gradient at " + m + " is " + Arrays.toString(g));
                    }
                }
                checked++;
            }
        }
        assertTrue(checked >= 40, "minima checked: " + checked);
    }

    @Test
    void eggholderMinimumIsABoundaryMinimumAlongTheEdge() {
        Landscape l = Landscapes.byName("eggholder");
        double[] p = l.minima().get(0).point();
        double[] g = new double[2];
        l.evaluate(p, g);
        assertEquals(512.0, p[0]);
        assertEquals(l.domain().hi(0), p[0]);
        assertTrue(g[0] < 0, "f still falls towards larger x: " + g[0]);
        assertTrue(Math.abs(g[1]) < 1e-9, "stationary along the edge: " + g[1]);
    }

    @Test
    void noGridPointOfTheDomainIsBelowTheDocumentedMinimum() {
        for (Landscape l : Landscapes.all()) {
            if (l.minima().isEmpty()) {
                continue;
            }
            Surface s = Surface.of(l, 201, 201);
            double documented = l.minima().get(0).value();
            assertTrue(s.min() >= documented - 1e-9 * Math.max(1, Math.abs(documented)),
                    l + ": grid minimum " + s.min() + " at " + Arrays.toString(s.argMin())
                            + " is below the documented " + documented);
        }
    }

    private static boolean closePoints(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-12 * Math.max(1, Math.abs(a[i]))) {
                return false;
            }
        }
        return true;
    }
}
