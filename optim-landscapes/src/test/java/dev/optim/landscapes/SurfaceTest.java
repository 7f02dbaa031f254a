package dev.optim.landscapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Objective;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Grids, surfaces, contour levels and CSV export. */
class SurfaceTest {

    /** f(θ) = Σ (i + 1)·θᵢ², on ND4J arrays only (not an ArrayObjective). */
    private static Objective weightedSquares(long n) {
        return new Objective() {
            @Override
            public long dimension() {
                return n;
            }

            @Override
            public double evaluate(INDArray params, INDArray gradient) {
                INDArray w = Nd4j.linspace(1, n, n, params.dataType()).reshape(params.shape());
                gradient.assign(params.mul(w).muli(2));
                return params.mul(params).muli(w).sumNumber().doubleValue();
            }
        };
    }

    @Test
    void gridCoordinatesAreLinspace() {
        Grid g = new Grid(-5, 5, 11, 0, 1, 4);
        assertArrayEquals(new double[] {-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5}, g.xs());
        assertArrayEquals(new double[] {0, 1.0 / 3, 2 * (1.0 / 3), 1}, g.ys());
        assertEquals(44, g.size());
        assertEquals(Grid.square(-5, 5, 11), new Grid(-5, 5, 11, -5, 5, 11));
        assertEquals(new Grid(-15, -5, 3, -3, 3, 4),
                Grid.over(Landscapes.byName("bukin-n6").domain(), 3, 4));
    }

    @Test
    void gridRefusesBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Grid(0, 1, 1, 0, 1, 2));
        assertEquals("nx must be >= 2, got 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Grid(1, 1, 2, 0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 1, 2, 0, Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 1, 2, 0, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Grid(0, 1, 100_000, 0, 1, 100_000));
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 1, 2, 0, 1, 2).x(2));
        e = assertThrows(IllegalArgumentException.class,
                () -> Grid.over(Landscapes.rosenbrock(3).domain(), 5, 5));
        assertTrue(e.getMessage().startsWith("domain must be 2-D, got 3-D"), e.getMessage());
    }

    @Test
    void landscapeSurfaceEqualsPointByPointEvaluation() {
        Landscape l = Landscapes.byName("holder-table");
        Surface s = Surface.of(l, 37, 23);
        Grid g = s.grid();
        assertEquals(Grid.over(l.domain(), 37, 23), g);
        double[][] v = s.values();
        assertEquals(23, v.length);
        assertEquals(37, v[0].length);
        for (int j = 0; j < 23; j++) {
            for (int i = 0; i < 37; i++) {
                double f = l.value(new double[] {g.x(i), g.y(j)});
                assertEquals(f, s.value(i, j));
                assertEquals(f, v[j][i]);
            }
        }
    }

    @Test
    void millionPointGridIsEvaluatedInBatchesThatMatchThePoints() {
        Landscape l = Landscapes.byName("himmelblau");
        Surface s = Surface.of(l, 1000, 1000);
        SplittableRandom random = new SplittableRandom(5);
        for (int t = 0; t < 2000; t++) {
            int i = random.nextInt(1000);
            int j = random.nextInt(1000);
            assertEquals(l.value(new double[] {s.grid().x(i), s.grid().y(j)}), s.value(i, j));
        }
        // the last point, in the last (partial) block
        assertEquals(l.value(new double[] {5, 5}), s.value(999, 999));
    }

    @Test
    void minMaxAndArgMin() {
        Surface s = Surface.of(Landscapes.byName("himmelblau"), Grid.square(-5, 5, 11));
        assertEquals(0.0, s.min());
        assertArrayEquals(new double[] {3, 2}, s.argMin());
        // corners: (25+5−11)² + (5+25−7)² = 361 + 529 at (5, 5) is the largest
        assertEquals(890.0, s.max());
    }

    @Test
    void logLevelsShiftedWhenTheMinimumIsNotPositive() {
        Surface s = Surface.of(Landscapes.byName("himmelblau"), Grid.square(-5, 5, 11));
        double[] levels = s.logContourLevels(12);
        assertEquals(12, levels.length);
        assertEquals(0.0, levels[0]);
        assertEquals(890.0, levels[11]);
        double delta = 0.89;
        for (int k = 0; k < 12; k++) {
            double expected = -delta + delta * Math.pow((890 + delta) / delta, k / 11.0);
            assertEquals(expected, levels[k], 1e-9 * Math.max(1, expected));
            if (k > 0) {
                assertTrue(levels[k] > levels[k - 1]);
            }
        }
        Surface st = Surface.of(Landscapes.byName("styblinski-tang"), 50, 50);
        double[] l2 = st.logContourLevels(20);
        assertEquals(st.min(), l2[0]);
        assertEquals(st.max(), l2[19]);
        assertTrue(st.min() < 0);
    }

    @Test
    void logLevelsGeometricWhenTheMinimumIsPositive() {
        // Booth's minimum (1, 3) is outside this grid: values from 4 to 9·... all positive
        Surface s = Surface.of(Landscapes.byName("booth"), new Grid(2, 4, 5, 4, 6, 5));
        double lo = s.min();
        double hi = s.max();
        assertTrue(lo > 0);
        double[] levels = s.logContourLevels(7);
        double ratio = Math.pow(hi / lo, 1.0 / 6);
        for (int k = 1; k < 7; k++) {
            assertEquals(ratio, levels[k] / levels[k - 1], 1e-12);
        }
        assertEquals(lo, levels[0]);
        assertEquals(hi, levels[6]);
    }

    @Test
    void logLevelsOfAFlatOrEmptySurface() {
        Objective constant = constant(2.5);
        Surface flat = Surface.of(constant, Grid.square(0, 1, 3));
        assertArrayEquals(new double[] {2.5, 2.5, 2.5}, flat.logContourLevels(3));
        Surface nan = Surface.of(constant(Double.NaN), Grid.square(0, 1, 3));
        assertTrue(Double.isNaN(nan.min()));
        assertThrows(IllegalStateException.class, () -> nan.logContourLevels(3));
        assertThrows(IllegalStateException.class, nan::argMin);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> flat.logContourLevels(1));
        assertEquals("count must be >= 2, got 1", e.getMessage());
    }

    @Test
    void nonFiniteValuesAreSkippedByMinAndMax() {
        Objective f = new Objective() {
            @Override
            public long dimension() {
                return 2;
            }

            @Override
            public double evaluate(INDArray params, INDArray gradient) {
                double x = params.getDouble(0);
                return x < 0 ? Double.POSITIVE_INFINITY : (x == 0 ? Double.NaN : x);
            }
        };
        Surface s = Surface.of(f, new Grid(-1, 1, 5, 0, 1, 2));
        assertEquals(0.5, s.min());
        assertEquals(1.0, s.max());
    }

    @Test
    void csvHasAHeaderAndOneRowPerPointXFastest(@TempDir Path dir) throws IOException {
        Surface s = Surface.of(Landscapes.byName("booth"), new Grid(0, 1, 3, 2, 3, 2));
        StringWriter w = new StringWriter();
        s.writeCsv(w);
        List<String> lines = w.toString().lines().toList();
        assertEquals("x,y,loss", lines.get(0));
        assertEquals(7, lines.size());
        // (0 + 4 − 7)² + (0 + 2 − 5)² = 18 at (0, 2); then x = 0.5
        assertEquals("0.0,2.0,18.0", lines.get(1));
        assertTrue(lines.get(2).startsWith("0.5,2.0,"));
        for (int r = 1; r < 7; r++) {
            String[] f = lines.get(r).split(",");
            int i = (r - 1) % 3;
            int j = (r - 1) / 3;
            assertEquals(s.value(i, j), Double.parseDouble(f[2]));
        }
        Path file = dir.resolve("surface.csv");
        s.writeCsv(file);
        assertEquals(lines, Files.readAllLines(file));
        assertThrows(UncheckedIOException.class, () -> s.writeCsv(dir));
        assertThrows(IllegalArgumentException.class, () -> s.writeCsv((Path) null));
    }

    @Test
    void sliceThroughAPointAlongTwoDirections() {
        double[] t0 = {0.5, -1, 2, 0, 1};
        double[] u = {1, 0, 0, 0.5, 0};
        double[] v = {0, 1, -1, 0, 0.25};
        Grid grid = new Grid(-1, 1, 5, -2, 2, 3);
        Surface s = Surface.slice(Landscapes.sphere(5), Nd4j.createFromArray(t0),
                Nd4j.createFromArray(u), Nd4j.createFromArray(v), grid);
        Surface w = Surface.slice(weightedSquares(5), Nd4j.createFromArray(t0),
                Nd4j.createFromArray(u), Nd4j.createFromArray(v), grid);
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 5; i++) {
                double sphere = 0;
                double weighted = 0;
                for (int k = 0; k < 5; k++) {
                    double p = t0[k] + grid.x(i) * u[k] + grid.y(j) * v[k];
                    sphere += p * p;
                    weighted += (k + 1) * p * p;
                }
                assertEquals(sphere, s.value(i, j), 1e-12);
                assertEquals(weighted, w.value(i, j), 1e-12);
            }
        }
    }

    @Test
    void sliceInFloatUsesTheDataTypeOfTheCentre() {
        INDArray t0 = Nd4j.createFromArray(1f, 2f, 3f);
        INDArray d = Nd4j.createFromArray(1.0, 0.0, 0.0);
        INDArray e = Nd4j.createFromArray(0.0, 0.0, 1.0);
        Surface s = Surface.slice(weightedSquares(3), t0, d, e, Grid.square(-1, 1, 3));
        // a = −1, b = 1: (0, 2, 4): 0 + 2·4 + 3·16
        assertEquals(56.0, s.value(0, 2), 1e-5);
        assertEquals(DataType.FLOAT, t0.dataType());
    }

    @Test
    void badArgumentsAreRefused() {
        INDArray t0 = Nd4j.createFromArray(0.0, 0.0, 0.0);
        INDArray d = Nd4j.createFromArray(1.0, 0.0, 0.0);
        Grid grid = Grid.square(-1, 1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Surface.of(Landscapes.rosenbrock(3), grid));
        assertTrue(e.getMessage().contains("must have dimension 2, got 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Surface.slice(Landscapes.rosenbrock(3), t0, d,
                        Nd4j.createFromArray(1.0, 0.0), grid));
        assertThrows(IllegalArgumentException.class,
                () -> Surface.slice(Landscapes.rosenbrock(3), t0, d, d, null));
        assertThrows(IllegalArgumentException.class,
                () -> Surface.slice(null, t0, d, d, grid));
        assertThrows(IllegalArgumentException.class,
                () -> Surface.of((Landscape) null, grid));
        Surface s = Surface.of(Landscapes.byName("booth"), grid);
        assertThrows(IllegalArgumentException.class, () -> s.value(3, 0));
        assertThrows(IllegalArgumentException.class, () -> s.value(0, -1));
    }

    private static Objective constant(double c) {
        return new Objective() {
            @Override
            public long dimension() {
                return 2;
            }

            @Override
            public double evaluate(INDArray params, INDArray gradient) {
                gradient.assign(0);
                return c;
            }
        };
    }
}
