package dev.optim.landscapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue, values worked out by hand, the subgradient conventions, and bad input. */
class LandscapesTest {

    @Test
    void catalogueHoldsTheTwentyOneLandscapesUnderKebabCaseNames() {
        List<String> names = Landscapes.names();
        assertEquals(Landscapes.COUNT, names.size());
        assertEquals(Set.of("sphere", "rosenbrock", "beale", "booth", "matyas", "himmelblau",
                "goldstein-price", "three-hump-camel", "six-hump-camel", "rastrigin", "ackley",
                "levi-n13", "easom", "styblinski-tang", "mccormick", "bukin-n6", "eggholder",
                "cross-in-tray", "holder-table", "saddle", "monkey-saddle"), new HashSet<>(names));
        assertEquals(names, List.of(Landscapes.NAMES_TEXT.split(", ")));
        List<Landscape> all = Landscapes.all();
        assertEquals(names.size(), all.size());
        for (int i = 0; i < all.size(); i++) {
            Landscape l = all.get(i);
            assertEquals(names.get(i), l.name());
            assertEquals(2, l.dimension());
            assertEquals(2, l.domain().dimension());
            assertTrue(l.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), l.name());
            assertTrue(l.description().startsWith("f("), l.description());
        }
    }

    @Test
    void anyDimensionLandscapesTakeNAndTheOthersOnlyTwo() {
        for (String name : List.of("sphere", "rosenbrock", "rastrigin", "ackley",
                "styblinski-tang")) {
            assertTrue(Landscapes.anyDimension(name));
            Landscape l = Landscapes.byName(name, 7);
            assertEquals(7, l.dimension());
            assertEquals(7, l.domain().dimension());
            assertEquals(7, l.minima().get(0).point().length);
            assertEquals(name + "(n=7)", l.toString());
        }
        assertEquals(4, Landscapes.rosenbrock(4).dimension());
        assertEquals(4, Landscapes.rastrigin(4).dimension());
        assertEquals(4, Landscapes.ackley(4).dimension());
        assertEquals(4, Landscapes.sphere(4).dimension());
        assertEquals(4, Landscapes.styblinskiTang(4).dimension());
        assertFalse(Landscapes.anyDimension("himmelblau"));
        assertEquals("himmelblau", Landscapes.byName("himmelblau").toString());
    }

    @Test
    void namesAreMatchedIgnoringCaseAndBlanks() {
        assertEquals("goldstein-price", Landscapes.byName(" Goldstein-Price ").name());
    }

    @Test
    void unknownNameIsRefusedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Landscapes.byName("himmelblau2"));
        assertTrue(e.getMessage().contains("'himmelblau2'"), e.getMessage());
        assertTrue(e.getMessage().contains("himmelblau, goldstein-price"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Landscapes.byName(null));
    }

    @Test
    void badDimensionsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Landscapes.rosenbrock(1));
        assertEquals("n (the dimension of rosenbrock) must be in [2, 16777216], got 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Landscapes.byName("ackley", 0));
        assertThrows(IllegalArgumentException.class, () -> Landscapes.sphere(-3));
        e = assertThrows(IllegalArgumentException.class, () -> Landscapes.byName("beale", 3));
        assertTrue(e.getMessage().contains("must be 2, got 3"), e.getMessage());
    }

    /** Values worked out by hand from the published formulas. */
    @ParameterizedTest(name = "{0}({1}, {2}) = {3}, gradient ({4}, {5})")
    @CsvSource({
        // (0²+0−11)² + (0+0−7)² = 170; 4·(−11)·0 + 2·(−7) = −14; 2·(−11) + 4·(−7)·0 = −22
        "himmelblau, 0, 0, 170, -14, -22",
        "himmelblau, 3, 2, 0, 0, 0",
        // P = 1 + 1·19, Q = 30 + 0: 600. ∂P = 2·1·19 + 1·(−14) = 24; ∂Qx = 0 + 0; ∂Qy = 0
        // ∂f/∂x = 24·30 + 20·0 = 720, ∂f/∂y = 720
        "goldstein-price, 0, 0, 600, 720, 720",
        // P = 1 + 4·(19 − 14 + 3) = 33; Q = 30 + 4·(18 − 32 + 12) = 22: 726 (the article's
        // 6·x·x typo would give P = 1 + 4·14 = 57 and 1254)
        "goldstein-price, 1, 0, 726, , ",
        "goldstein-price, 0, -1, 3, 0, 0",
        // 1.5² + 2.25² + 2.625²; ∂x = −2·(1.5 + 2.25 + 2.625); ∂y = 0
        "beale, 0, 0, 14.203125, -12.75, 0",
        "beale, 3, 0.5, 0, 0, 0",
        // 100·(0 − 0)² + (1 − 0)² = 1; ∂x = −2; ∂y = 200·0
        "rosenbrock, 0, 0, 1, -2, 0",
        "rosenbrock, 1, 1, 0, 0, 0",
        // ½·0; 2·0 − 0 + 2.5
        "styblinski-tang, 0, 0, 0, 2.5, 2.5",
        "booth, 0, 0, 74, -34, -38",
        // 0.26·2 − 0.48; 0.52 − 0.48
        "matyas, 1, 1, 0.04, 0.04, 0.04",
        // 20 + (0.25 − 10·cos π) + (0 − 10): 20.25; ∂x = 1 + 20π·sin π ≈ 1
        "rastrigin, 0.5, 0, 20.25, , 0",
        "sphere, 3, -4, 25, 6, -8",
        "three-hump-camel, 1, 1, 3.116666666666667, 1.8, 3",
        "six-hump-camel, 0, 0, 0, 0, 0",
        "mccormick, 0, 0, 1, -0.5, 3.5",
        "saddle, 1, 2, -3, 2, -4",
        "monkey-saddle, 1, 1, -2, 0, -6",
        "monkey-saddle, 0, 0, 0, 0, 0",
    })
    void valuesWorkedOutByHand(String name, double x, double y, double f, Double gx, Double gy) {
        Landscape l = Landscapes.byName(name);
        double[] g = new double[2];
        double value = l.evaluate(new double[] {x, y}, g);
        assertEquals(f, value, 1e-12 * Math.max(1, Math.abs(f)), "f");
        if (gx != null) {
            assertEquals(gx, g[0], 1e-12 * Math.max(1, Math.abs(gx)), "df/dx");
        }
        if (gy != null) {
            assertEquals(gy, g[1], 1e-12 * Math.max(1, Math.abs(gy)), "df/dy");
        }
    }

    @Test
    void bukinSubgradientUsesSignOfZeroAndDropsTheInfiniteSqrtTerm() {
        Landscape l = Landscapes.byName("bukin-n6");
        double[] g = new double[2];
        assertEquals(0.0, l.evaluate(new double[] {-10, 1}, g));
        assertArrayEquals(new double[] {0, 0}, g, 0.0);
        // on the parabola y = 0.01x², left of x = −10: only 0.01·sign(x + 10) remains
        double x = -12;
        double y = 0.01 * x * x;
        assertEquals(0.02, l.evaluate(new double[] {x, y}, g), 1e-15);
        assertArrayEquals(new double[] {-0.01, 0}, g, 0.0);
    }

    @Test
    void ackleyReturnsZeroGradientAtItsConePoint() {
        for (int n : new int[] {2, 5}) {
            Landscape l = Landscapes.ackley(n);
            double[] g = new double[n];
            double f = l.evaluate(new double[n], g);
            assertEquals(0.0, f, 1e-14);
            assertArrayEquals(new double[n], g, 0.0);
        }
    }

    @Test
    void crossInTrayAndHolderTableAreFlatOnTheirRidges() {
        double[] g = new double[2];
        Landscape cross = Landscapes.byName("cross-in-tray");
        // sin(0) = 0: |T| = 0, f = −0.0001·1^0.1
        assertEquals(-0.0001, cross.evaluate(new double[] {0, 1}, g));
        assertArrayEquals(new double[] {0, 0}, g, 0.0);
        assertEquals(-0.0001, cross.evaluate(new double[] {0, 0}, g));
        assertArrayEquals(new double[] {0, 0}, g, 0.0);
        Landscape holder = Landscapes.byName("holder-table");
        assertEquals(0.0, holder.evaluate(new double[] {0, 1}, g), 0.0);
        assertArrayEquals(new double[] {0, 0}, g, 0.0);
        assertEquals(0.0, holder.evaluate(new double[] {0, 0}, g), 0.0);
        assertArrayEquals(new double[] {0, 0}, g, 0.0);
        // on the circle r = π the |1 − r/π| term is dropped: ∂f/∂x = −sign(T)·cos x·cos y·E
        holder.evaluate(new double[] {Math.PI, 0}, g);
        assertEquals(1.0, g[0], 1e-15);
        assertEquals(0.0, g[1], 1e-15);
    }

    @Test
    void noNaNOnTheKinksOfTheNonSmoothLandscapes() {
        double[][] kinks = {{-94, 0}, {94, 47}, {0, -47}, {0, 0}, {-10, 1}, {-10, 0},
            {Math.PI, 0}, {0, Math.PI / 2}, {100 * Math.PI, 0}};
        for (Landscape l : Landscapes.all()) {
            for (double[] p : kinks) {
                double[] g = new double[2];
                double f = l.evaluate(p, g);
                assertTrue(Double.isFinite(f) && Double.isFinite(g[0]) && Double.isFinite(g[1]),
                        l + " at (" + p[0] + ", " + p[1] + "): " + f + ", " + g[0] + ", " + g[1]);
            }
        }
    }

    @Test
    void saddlesHaveNoMinimum() {
        assertTrue(Landscapes.byName("saddle").minima().isEmpty());
        assertTrue(Landscapes.byName("monkey-saddle").minima().isEmpty());
    }

    @Test
    void himmelblauHasFourMinima() {
        assertEquals(4, Landscapes.byName("himmelblau").minima().size());
        assertEquals(4, Landscapes.byName("cross-in-tray").minima().size());
        assertEquals(4, Landscapes.byName("holder-table").minima().size());
        assertEquals(2, Landscapes.byName("six-hump-camel").minima().size());
    }

    @Test
    void articlePlottingRangesAreTheDomains() {
        assertEquals(Domain.cube(2, -1.5, 0.5), Landscapes.byName("goldstein-price").domain());
        assertEquals(Domain.cube(2, -4.5, 4.5), Landscapes.byName("beale").domain());
        assertEquals(Domain.cube(2, -5, 5), Landscapes.byName("himmelblau").domain());
        assertEquals(Domain.cube(2, -3, 5), Landscapes.byName("mccormick").domain());
        assertEquals(Domain.cube(2, -10, 10), Landscapes.byName("matyas").domain());
        assertEquals(Domain.cube(2, -2, 2), Landscapes.byName("rosenbrock").domain());
        assertEquals(Domain.cube(2, -5.12, 5.12), Landscapes.byName("rastrigin").domain());
        assertEquals(Domain.cube(2, -5, 5), Landscapes.byName("styblinski-tang").domain());
    }

    @Test
    void pointOfTheWrongLengthIsRefused() {
        Landscape l = Landscapes.byName("himmelblau");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.evaluate(new double[3], new double[2]));
        assertEquals("params must have length 2, got 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> l.evaluate(new double[2], new double[1]));
        assertEquals("gradient must have length 2, got 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> l.evaluate(null, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> l.evaluate(new double[2], null));
        assertThrows(IllegalArgumentException.class, () -> l.value(new double[5]));
        assertThrows(IllegalArgumentException.class,
                () -> Landscapes.rosenbrock(5).evaluate(new double[4], new double[4]));
    }

    @Test
    void domainValidatesAndCopies() {
        double[] lo = {0, 1};
        Domain d = new Domain(lo, new double[] {1, 2});
        lo[0] = 99;
        assertEquals(0, d.lo(0));
        d.lo()[0] = 99;
        assertEquals(0, d.lo(0));
        assertTrue(d.contains(new double[] {0, 2}));
        assertFalse(d.contains(new double[] {-0.1, 2}));
        assertFalse(d.contains(new double[] {Double.NaN, 1.5}));
        assertEquals("[0.0, 1.0] × [1.0, 2.0]", d.toString());
        assertEquals(Domain.of(0, 1, 1, 2), d);
        assertEquals(Domain.of(0, 1, 1, 2).hashCode(), d.hashCode());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Domain(new double[] {1}, new double[] {1}));
        assertEquals("hi[0] must be > lo[0] = 1.0, got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Domain(new double[] {0, 0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new Domain(new double[] {Double.NEGATIVE_INFINITY}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Domain(null, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Domain.cube(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> d.lo(2));
        assertThrows(IllegalArgumentException.class, () -> d.contains(new double[3]));
    }

    @Test
    void minimumValidatesAndCopies() {
        double[] p = {1, 2};
        Minimum m = new Minimum(p, 0.5);
        p[0] = 7;
        assertArrayEquals(new double[] {1, 2}, m.point());
        assertNotSame(m.point(), m.point());
        assertEquals(new Minimum(new double[] {1, 2}, 0.5), m);
        assertEquals("f([1.0, 2.0]) = 0.5", m.toString());
        assertThrows(IllegalArgumentException.class, () -> new Minimum(new double[0], 0));
        assertThrows(IllegalArgumentException.class, () -> new Minimum(null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Minimum(new double[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new Minimum(new double[] {Double.POSITIVE_INFINITY}, 0));
        assertThrows(UnsupportedOperationException.class,
                () -> Landscapes.byName("himmelblau").minima().clear());
    }
}
