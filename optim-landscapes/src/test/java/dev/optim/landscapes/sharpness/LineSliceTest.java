package dev.optim.landscapes.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Objective;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LineSliceTest {

    @Test
    void interpolationOfAQuadraticIsAParabolaInAlpha() {
        // f = ½‖x‖²: f((1−α)a + αb) = ½‖a‖²(1−α)² + α(1−α)·a·b + ½‖b‖²α².
        Quadratic f = new Quadratic(new double[] {1, 1, 1}, new double[3], 0);
        double[] a = {1, 2, -1};
        double[] b = {-0.5, 0, 3};
        double[] alphas = LineSlice.linspace(-0.5, 1.5, 9);
        double[] v = LineSlice.between(f, Nd4j.createFromArray(a), Nd4j.createFromArray(b), alphas);
        for (int k = 0; k < alphas.length; k++) {
            double t = alphas[k];
            double expected = 0.5 * 6 * (1 - t) * (1 - t) + t * (1 - t) * (-0.5 - 3)
                    + 0.5 * 9.25 * t * t;
            assertEquals(expected, v[k], 1e-12);
        }
    }

    @Test
    void alongADirectionEqualsDirectEvaluationThroughArraysToo() {
        Landscape rosen = Landscapes.byName("rosenbrock");
        // An objective seen only through INDArrays (as a network's loss), in float32.
        Objective viaArrays = new Objective() {
            @Override
            public long dimension() {
                return 2;
            }

            @Override
            public double evaluate(INDArray params, INDArray gradient) {
                double[] g = new double[2];
                double f = rosen.evaluate(params.toDoubleVector(), g);
                gradient.assign(Nd4j.createFromArray(g).castTo(gradient.dataType()));
                return f;
            }
        };
        INDArray theta = Nd4j.createFromArray(0.5f, 0.25f);
        INDArray d = Nd4j.createFromArray(1f, -2f);
        double[] alphas = {-1, 0, 0.5, 2};
        double[] v = LineSlice.along(viaArrays, theta, d, alphas);
        for (int k = 0; k < alphas.length; k++) {
            float px = (float) (0.5 + alphas[k]);
            float py = (float) (0.25 - 2 * alphas[k]);
            assertEquals(rosen.value(new double[] {px, py}), v[k], 0.0);
        }
        assertEquals(DataType.FLOAT, theta.dataType());
    }

    @Test
    void linspaceIncludesBothEnds() {
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, LineSlice.linspace(-1, 1, 5), 0.0);
    }

    @Test
    void refusesBadInput() {
        Quadratic f = new Quadratic(new double[] {1, 1}, new double[2], 0);
        var e = assertThrows(IllegalArgumentException.class, () -> LineSlice.along(f,
                Nd4j.createFromArray(0.0, 0.0), Nd4j.createFromArray(1.0, 0.0, 0.0),
                new double[] {0}));
        assertTrue(e.getMessage().contains("direction"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineSlice.between(f,
                Nd4j.createFromArray(0.0, 0.0), Nd4j.createFromArray(1f, 0f), new double[] {0}));
        e = assertThrows(IllegalArgumentException.class, () -> LineSlice.along(f,
                Nd4j.createFromArray(0.0, 0.0), Nd4j.createFromArray(1.0, 0.0), new double[0]));
        assertTrue(e.getMessage().contains("alphas"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineSlice.along(f,
                Nd4j.createFromArray(0.0, 0.0), Nd4j.createFromArray(1.0, 0.0),
                new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> LineSlice.linspace(1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> LineSlice.linspace(0, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LineSlice.linspace(-1.7e308, 1.7e308, 3));
    }
}
