package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The three-hump camel function: {@code f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y²}.
 *
 * <p>Gradient {@code ∂f/∂x = 4x − 4.2x³ + x⁵ + y}, {@code ∂f/∂y = x + 2y}. Domain
 * {@code [−5, 5]²}. Global minimum {@code f(0, 0) = 0}; two local minima besides.
 *
 * <p>Reference: Wikipedia, "Test functions for optimization"; SFU library, "Three-Hump Camel
 * Function".
 */
public final class ThreeHumpCamel extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "three-hump-camel";

    /** The three-hump camel function. */
    public ThreeHumpCamel() {
        super(NAME, 2, false, Domain.cube(2, -5, 5),
                List.of(new Minimum(new double[] {0, 0}, 0.0)),
                "f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y²");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double xx = x * x;
        double x3 = xx * x;
        double x4 = xx * xx;
        double x5 = x4 * x;
        double x6 = x4 * xx;
        g[0] = 4 * x - 4.2 * x3 + x5 + y;
        g[1] = x + 2 * y;
        return 2 * xx - 1.05 * x4 + x6 / 6 + x * y + y * y;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray xx = x.mul(x);
        INDArray x3 = xx.mul(x);
        INDArray x4 = xx.mul(xx);
        INDArray x5 = x4.mul(x);
        INDArray x6 = x4.mul(xx);
        g[0] = x.mul(4).subi(x3.mul(4.2)).addi(x5).addi(y);
        g[1] = y.mul(2).addi(x);
        return xx.mul(2).subi(x4.mul(1.05)).addi(x6.div(6)).addi(x.mul(y)).addi(y.mul(y));
    }
}
