package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The cross-in-tray function:
 * {@code f(x, y) = −0.0001·(|sin(x)·sin(y)·exp(|100 − √(x² + y²)/π|)| + 1)^0.1}.
 *
 * <p>Gradient, with {@code r = √(x² + y²)}, {@code w = 100 − r/π}, {@code E = exp(|w|)},
 * {@code T = sin(x)·sin(y)·E}, {@code B = |T| + 1} and {@code m = −sign(w)/(π·r)}:
 * {@code ∂f/∂x = k·(cos(x)·sin(y)·E + T·m·x)}, {@code ∂f/∂y = k·(sin(x)·cos(y)·E + T·m·y)}, where
 * {@code k = −0.00001·B^0.1/B·sign(T)}.
 *
 * <p><b>Not differentiable</b> where {@code T = 0} (the "cross": {@code x} or {@code y} a multiple
 * of {@code π}, ridges of the function) and on the circle {@code r = 100π} (outside the domain).
 * The returned value uses {@code sign(0) = 0}, the mean of the one-sided derivatives across an
 * {@code |·|} kink: on the cross the gradient is {@code (0, 0)}; at the origin {@code m} is taken
 * as 0.
 *
 * <p>Domain {@code [−10, 10]²}. Four global minima {@code (±1.3494066171539107,
 * ±1.3494066171539107)} with {@code f = −2.062611870822737}; the sources give
 * {@code ±1.34941} and {@code −2.06261}. The coordinates here are the roots of {@code ∇f = 0}
 * solved with mpmath at 50 digits from those.
 *
 * <p>Reference: Wikipedia, "Test functions for optimization"; SFU library, "Cross-in-Tray
 * Function".
 */
public final class CrossInTray extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "cross-in-tray";

    private static final double MIN_XY = 1.3494066171539107;
    private static final double MIN_VALUE = -2.062611870822737;

    /** The cross-in-tray function. */
    public CrossInTray() {
        super(NAME, 2, false, Domain.cube(2, -10, 10),
                List.of(new Minimum(new double[] {MIN_XY, MIN_XY}, MIN_VALUE),
                        new Minimum(new double[] {MIN_XY, -MIN_XY}, MIN_VALUE),
                        new Minimum(new double[] {-MIN_XY, MIN_XY}, MIN_VALUE),
                        new Minimum(new double[] {-MIN_XY, -MIN_XY}, MIN_VALUE)),
                "f(x, y) = −0.0001·(|sin(x)·sin(y)·exp(|100 − √(x² + y²)/π|)| + 1)^0.1");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double sx = StrictMath.sin(x);
        double cx = StrictMath.cos(x);
        double sy = StrictMath.sin(y);
        double cy = StrictMath.cos(y);
        double r = Math.sqrt(x * x + y * y);
        double w = 100 - r / Math.PI;
        double e = StrictMath.exp(Math.abs(w));
        double t = sx * sy * e;
        double b = Math.abs(t) + 1;
        double pw = StrictMath.pow(b, 0.1);
        double k = -0.00001 * pw / b * Columns.sign(t);
        double m = -Columns.sign(w) * Columns.inverseOrZero(r) / Math.PI;
        g[0] = k * (cx * sy * e + t * m * x);
        g[1] = k * (sx * cy * e + t * m * y);
        return -0.0001 * pw;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray sx = Columns.sin(x);
        INDArray cx = Columns.cos(x);
        INDArray sy = Columns.sin(y);
        INDArray cy = Columns.cos(y);
        INDArray r = Columns.sqrt(x.mul(x).addi(y.mul(y)));
        INDArray w = r.div(Math.PI).rsubi(100);
        INDArray e = Columns.exp(Columns.abs(w));
        INDArray t = sx.mul(sy).muli(e);
        INDArray b = Columns.abs(t).addi(1);
        INDArray pw = Columns.pow(b, 0.1);
        INDArray k = pw.mul(-0.00001).divi(b).muli(Columns.sign(t));
        INDArray m = Columns.sign(w).negi().muli(Columns.inverseOrZero(r)).divi(Math.PI);
        INDArray tm = t.mul(m);
        g[0] = k.mul(cx.mul(sy).muli(e).addi(tm.mul(x)));
        g[1] = k.mul(sx.mul(cy).muli(e).addi(tm.mul(y)));
        return pw.mul(-0.0001);
    }
}
