package dev.optim.landscapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Values and gradients at fixed points against references computed independently: SymPy
 * expressions of the published definitions, differentiated symbolically and evaluated with mpmath
 * at 50 digits; and SciPy's rosen / rosen_der (tools/fixtures/gen_landscape_fixtures.py).
 */
class ReferenceValuesTest {

    private static final double TOL = 1e-12;

    @Test
    void valuesAndGradientsMatchTheSymbolicReference() {
        List<String[]> rows = Fixtures.rows("landscape_values.csv");
        Set<String> covered = new HashSet<>();
        for (String[] row : rows) {
            String name = row[0];
            int n = Integer.parseInt(row[1]);
            double[] x = Fixtures.doubles(row, 2, n);
            double f = Double.parseDouble(row[2 + n]);
            double[] g = Fixtures.doubles(row, 3 + n, n);
            check(Landscapes.byName(name, n), x, f, g);
            covered.add(name);
        }
        assertEquals(new HashSet<>(Landscapes.names()), covered, "every landscape has references");
    }

    @Test
    void rosenbrockMatchesScipyInSeveralDimensions() {
        List<String[]> rows = Fixtures.rows("rosenbrock_scipy.csv");
        Set<Integer> dims = new HashSet<>();
        for (String[] row : rows) {
            int n = Integer.parseInt(row[0]);
            double[] x = Fixtures.doubles(row, 1, n);
            double f = Double.parseDouble(row[1 + n]);
            double[] g = Fixtures.doubles(row, 2 + n, n);
            check(Landscapes.rosenbrock(n), x, f, g);
            dims.add(n);
        }
        assertEquals(Set.of(2, 3, 4, 7, 10), dims);
    }

    private static void check(Landscape l, double[] x, double f, double[] g) {
        double[] grad = new double[x.length];
        double value = l.evaluate(x, grad);
        String at = l + " at " + java.util.Arrays.toString(x);
        assertTrue(Fixtures.close(value, f, TOL), at + ": f = " + value + ", reference " + f);
        double scale = 0;
        for (double gi : g) {
            scale = Math.max(scale, Math.abs(gi));
        }
        for (int i = 0; i < x.length; i++) {
            // relative to the gradient's largest component (a small component of a large
            // gradient carries the rounding of the large terms it is made of)
            assertTrue(Math.abs(grad[i] - g[i]) <= TOL * Math.max(Math.abs(g[i]), scale),
                    at + ": df/dx" + i + " = " + grad[i] + ", reference " + g[i]);
        }
    }
}
