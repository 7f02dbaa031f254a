package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The six-hump camel function: {@code f(x, y) = (4 − 2.1x² + x⁴/3)·x² + xy + (−4 + 4y²)·y²}.
 *
 * <p>Gradient {@code ∂f/∂x = 8x − 8.4x³ + 2x⁵ + y}, {@code ∂f/∂y = x − 8y + 16y³}. Domain
 * {@code [−3, 3] × [−2, 2]} (SFU).
 *
 * <p>Two global minima, {@code ±(0.08984201310031806, −0.7126564030207396)} with
 * {@code f = −1.0316284534898774}. The sources give {@code ±(0.0898, −0.7126)} and {@code −1.0316};
 * the coordinates here are the roots of {@code ∇f = 0} solved with mpmath at 50 digits from those.
 *
 * <p>Reference: L. C. W. Dixon and G. P. Szegö, "The global optimization problem: an
 * introduction" (1978); SFU library, "Six-Hump Camel Function".
 */
public final class SixHumpCamel extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "six-hump-camel";

    private static final double MIN_X = 0.08984201310031806;
    private static final double MIN_Y = -0.7126564030207396;
    private static final double MIN_VALUE = -1.0316284534898774;

    /** The six-hump camel function. */
    public SixHumpCamel() {
        super(NAME, 2, false, Domain.of(-3, 3, -2, 2),
                List.of(new Minimum(new double[] {MIN_X, MIN_Y}, MIN_VALUE),
                        new Minimum(new double[] {-MIN_X, -MIN_Y}, MIN_VALUE)),
                "f(x, y) = (4 − 2.1x² + x⁴/3)·x² + xy + (−4 + 4y²)·y²");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double xx = x * x;
        double x3 = xx * x;
        double x4 = xx * xx;
        double x5 = x4 * x;
        double yy = y * y;
        double y3 = yy * y;
        g[0] = 8 * x - 8.4 * x3 + 2 * x5 + y;
        g[1] = x - 8 * y + 16 * y3;
        return (4 - 2.1 * xx + x4 / 3) * xx + x * y + (-4 + 4 * yy) * yy;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray xx = x.mul(x);
        INDArray x3 = xx.mul(x);
        INDArray x4 = xx.mul(xx);
        INDArray x5 = x4.mul(x);
        INDArray yy = y.mul(y);
        INDArray y3 = yy.mul(y);
        g[0] = x.mul(8).subi(x3.mul(8.4)).addi(x5.mul(2)).addi(y);
        g[1] = x.sub(y.mul(8)).addi(y3.mul(16));
        return xx.mul(2.1).rsubi(4).addi(x4.div(3)).muli(xx).addi(x.mul(y))
                .addi(yy.mul(4).subi(4).muli(yy));
    }
}
