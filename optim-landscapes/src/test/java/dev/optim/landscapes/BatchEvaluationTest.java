package dev.optim.landscapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The batched form: data types, output shapes, and bad input. */
class BatchEvaluationTest {

    private final Landscape himmelblau = Landscapes.byName("himmelblau");

    @Test
    void floatArraysAreComputedInDoubleAndRoundedOnOutput() {
        Landscape l = Landscapes.byName("holder-table");
        INDArray points = Nd4j.createFromArray(new float[][] {{1.25f, -3.5f}, {8.055f, 9.66f}});
        INDArray values = Nd4j.create(DataType.FLOAT, 2);
        INDArray grads = Nd4j.create(DataType.FLOAT, 2, 2);
        l.evaluateBatch(points, values, grads);
        for (int r = 0; r < 2; r++) {
            double[] p = {points.getFloat(r, 0), points.getFloat(r, 1)};
            double[] g = new double[2];
            double f = l.evaluate(p, g);
            assertEquals((float) f, values.getFloat(r));
            assertEquals((float) g[0], grads.getFloat(r, 0));
            assertEquals((float) g[1], grads.getFloat(r, 1));
        }
        assertEquals(DataType.FLOAT, points.dataType(), "points untouched");
    }

    @Test
    void valuesMayBeAColumnOrARowVector() {
        INDArray points = Nd4j.createFromArray(new double[][] {{0, 0}, {3, 2}, {1, 1}});
        INDArray grads = Nd4j.create(DataType.DOUBLE, 3, 2);
        for (INDArray values : new INDArray[] {Nd4j.create(DataType.DOUBLE, 3, 1),
            Nd4j.create(DataType.DOUBLE, 1, 3)}) {
            himmelblau.evaluateBatch(points, values, grads);
            assertEquals(170.0, values.getDouble(0));
            assertEquals(0.0, values.getDouble(1));
            // (1 + 1 − 11)² + (1 + 1 − 7)² = 81 + 25
            assertEquals(106.0, values.getDouble(2));
            assertEquals(-14.0, grads.getDouble(0, 0));
            assertEquals(-22.0, grads.getDouble(0, 1));
        }
    }

    @Test
    void pointsAreNotModifiedAndMayAliasTheGradients() {
        INDArray points = Nd4j.createFromArray(new double[][] {{0, 0}, {1, 1}});
        INDArray copy = points.dup();
        INDArray values = Nd4j.create(DataType.DOUBLE, 2);
        himmelblau.evaluateBatch(points, values, Nd4j.create(DataType.DOUBLE, 2, 2));
        assertEquals(copy, points);
        himmelblau.evaluateBatch(points, values, points);
        assertEquals(-14.0, points.getDouble(0, 0));
        assertEquals(-22.0, points.getDouble(0, 1));
    }

    @Test
    void nDimensionalBatch() {
        Landscape r = Landscapes.rosenbrock(4);
        INDArray points = Nd4j.createFromArray(new double[][] {{1, 1, 1, 1}, {0, 0, 0, 0}});
        INDArray values = Nd4j.create(DataType.DOUBLE, 2);
        INDArray grads = Nd4j.create(DataType.DOUBLE, 2, 4);
        r.evaluateBatch(points, values, grads);
        assertEquals(0.0, values.getDouble(0));
        // three terms (1 − 0)² at the origin; gradient (−2, −2, −2, 0)
        assertEquals(3.0, values.getDouble(1));
        assertEquals(Nd4j.createFromArray(-2.0, -2.0, -2.0, 0.0), grads.getRow(1));
    }

    @Test
    void wrongShapesAreRefusedNamingBothShapes() {
        INDArray values = Nd4j.create(DataType.DOUBLE, 5);
        INDArray grads = Nd4j.create(DataType.DOUBLE, 5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> himmelblau.evaluateBatch(Nd4j.create(DataType.DOUBLE, 5, 3), values,
                        Nd4j.create(DataType.DOUBLE, 5, 3)));
        assertEquals("points must be a K x 2 matrix (one 2-D point per row) for himmelblau, "
                + "got shape [5, 3]", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> himmelblau.evaluateBatch(Nd4j.create(DataType.DOUBLE, 10), values, grads));
        e = assertThrows(IllegalArgumentException.class,
                () -> himmelblau.evaluateBatch(Nd4j.create(DataType.DOUBLE, 5, 2),
                        Nd4j.create(DataType.DOUBLE, 4), grads));
        assertTrue(e.getMessage().contains("length 5") && e.getMessage().contains("[4]"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> himmelblau.evaluateBatch(Nd4j.create(DataType.DOUBLE, 5, 2),
                        Nd4j.create(DataType.DOUBLE, 5, 2), grads));
        e = assertThrows(IllegalArgumentException.class,
                () -> himmelblau.evaluateBatch(Nd4j.create(DataType.DOUBLE, 5, 2), values,
                        Nd4j.create(DataType.DOUBLE, 2, 5)));
        assertEquals("gradientsOut must have the shape of points [5, 2], got [2, 5]",
                e.getMessage());
    }

    @Test
    void nonFloatingOrMissingArraysAreRefused() {
        INDArray values = Nd4j.create(DataType.DOUBLE, 2);
        INDArray grads = Nd4j.create(DataType.DOUBLE, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> himmelblau.evaluateBatch(Nd4j.create(DataType.INT, 2, 2), values, grads));
        assertEquals("points must be FLOAT or DOUBLE, got INT", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> himmelblau.evaluateBatch(null, values, grads));
        assertThrows(IllegalArgumentException.class,
                () -> himmelblau.evaluateBatch(Nd4j.create(DataType.DOUBLE, 2, 2), null, grads));
        assertThrows(IllegalArgumentException.class,
                () -> himmelblau.evaluateBatch(Nd4j.create(DataType.DOUBLE, 2, 2), values,
                        Nd4j.create(DataType.LONG, 2, 2)));
    }

    @Test
    void theObjectiveFormOnINDArraysAgreesWithTheArrayForm() {
        INDArray theta = Nd4j.createFromArray(0.5, -1.5);
        INDArray grad = theta.like();
        double[] g = new double[2];
        assertEquals(himmelblau.evaluate(new double[] {0.5, -1.5}, g),
                himmelblau.evaluate(theta, grad));
        assertEquals(Nd4j.createFromArray(g), grad);
    }
}
