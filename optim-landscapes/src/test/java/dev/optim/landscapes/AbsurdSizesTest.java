package dev.optim.landscapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.landscapes.regression.RegressionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Sizes and spans that cannot be represented are refused at construction, with the bound in the
 * message, instead of an OutOfMemoryError or NaN and infinite coordinates later.
 */
class AbsurdSizesTest {

    private static void refused(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    @Test
    void landscapeDimensionsAreBounded() {
        String bound = "[2, " + Domain.MAX_DIMENSION + "]";
        refused(() -> Landscapes.sphere(Integer.MAX_VALUE), "sphere", bound,
                "got " + Integer.MAX_VALUE);
        for (String name : new String[] {"sphere", "rosenbrock", "rastrigin", "ackley",
                "styblinski-tang"}) {
            refused(() -> Landscapes.byName(name, Domain.MAX_DIMENSION + 1), name, bound);
            refused(() -> Landscapes.byName(name, 1), name, bound, "got 1");
        }
        refused(() -> Domain.cube(Integer.MAX_VALUE, 0, 1), "[1, " + Domain.MAX_DIMENSION + "]");
        assertEquals(1000, Landscapes.sphere(1000).dimension());
    }

    @Test
    void gridSpacingMustBeFinite() {
        refused(() -> new Grid(-1.7e308, 1.7e308, 3, 0, 1, 3), "xHi − xLo must be finite",
                "-1.7E308", "1.7E308");
        refused(() -> new Grid(0, 1, 3, -Double.MAX_VALUE, Double.MAX_VALUE, 3),
                "yHi − yLo must be finite");
        refused(() -> Grid.square(-1e308, 1e308, 5), "xHi − xLo must be finite");
        // The widest finite span is fine, and every coordinate is finite.
        Grid g = new Grid(-0.8e308, 0.8e308, 3, 0, 1, 3);
        for (double x : g.xs()) {
            assertTrue(Double.isFinite(x), "x = " + x);
        }
        assertEquals(0.0, g.x(1), 0.0);
    }

    @Test
    void domainSpansMustBeFinite() {
        refused(() -> new Domain(new double[] {-1.7e308}, new double[] {1.7e308}),
                "hi[0] − lo[0] must be finite");
        refused(() -> Domain.of(0, 1, -1e308, 1e308), "hi[1] − lo[1] must be finite");
    }

    @Test
    void regressionProblemsAreBounded() {
        refused(() -> RegressionProblem.builder().points(Integer.MAX_VALUE),
                "points must be in [1, " + RegressionProblem.MAX_POINTS + "]");
        refused(() -> RegressionProblem.builder().truthRange(-1.7e308, 1.7e308),
                "hi − lo must be finite");
    }
}
