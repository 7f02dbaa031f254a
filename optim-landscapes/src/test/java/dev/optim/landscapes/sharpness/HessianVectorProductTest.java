package dev.optim.landscapes.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.optim.landscapes.Landscapes;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class HessianVectorProductTest {

    @Test
    void centralDifferencesMatchTheExactRosenbrockHessian() {
        double x = 0.3;
        double y = -0.4;
        double[][] h = {{1200 * x * x - 400 * y + 2, -400 * x}, {-400 * x, 200}};
        var hvp = HessianVectorProduct.centralDifference(Landscapes.byName("rosenbrock"),
                Nd4j.createFromArray(x, y));
        double[] v = {0.6, -1.1};
        double[] out = new double[2];
        hvp.apply(v, out);
        for (int i = 0; i < 2; i++) {
            double exact = h[i][0] * v[0] + h[i][1] * v[1];
            assertEquals(exact, out[i], 1e-6 * Math.abs(exact) + 1e-9);
        }
        hvp.apply(new double[2], out);
        assertEquals(0.0, out[0]);
    }

    @Test
    void refusesBadInput() {
        var f = Landscapes.byName("rosenbrock");
        assertThrows(IllegalArgumentException.class,
                () -> HessianVectorProduct.centralDifference(f, Nd4j.createFromArray(0.0, 0.0), 0));
        assertThrows(IllegalArgumentException.class,
                () -> HessianVectorProduct.centralDifference(f, Nd4j.createFromArray(0.0)));
        assertThrows(IllegalArgumentException.class, () -> HessianVectorProduct
                .centralDifference(f, Nd4j.createFromArray(Double.POSITIVE_INFINITY, 0.0)));
        var hvp = HessianVectorProduct.centralDifference(f, Nd4j.createFromArray(0.0, 0.0));
        double[] v = {1, 2};
        assertThrows(IllegalArgumentException.class, () -> hvp.apply(v, v));
        assertThrows(IllegalArgumentException.class,
                () -> hvp.apply(new double[] {Double.NaN, 0}, new double[2]));
    }
}
