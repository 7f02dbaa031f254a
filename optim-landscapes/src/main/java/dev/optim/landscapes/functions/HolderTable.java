package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Hölder table function: {@code f(x, y) = −|sin(x)·cos(y)·exp(|1 − √(x² + y²)/π|)|}.
 *
 * <p>Gradient, with {@code r = √(x² + y²)}, {@code w = 1 − r/π}, {@code E = exp(|w|)},
 * {@code T = sin(x)·cos(y)·E} and {@code m = −sign(w)/(π·r)}:
 * {@code ∂f/∂x = −sign(T)·(cos(x)·cos(y)·E + T·m·x)},
 * {@code ∂f/∂y = −sign(T)·(−sin(x)·sin(y)·E + T·m·y)}.
 *
 * <p><b>Not differentiable</b> where {@code T = 0} ({@code x} a multiple of {@code π} or {@code y}
 * an odd multiple of {@code π/2}: ridges where {@code f = 0}) and on the circle {@code r = π}.
 * The returned value uses {@code sign(0) = 0}, the mean of the one-sided derivatives across an
 * {@code |·|} kink: {@code (0, 0)} where {@code T = 0}, and the {@code w} term dropped on the
 * circle; at the origin {@code m} is taken as 0.
 *
 * <p>Domain {@code [−10, 10]²}. Four global minima {@code (±8.055023475736563,
 * ±9.664590019241272)} with {@code f = −19.208502567886732}; the sources give
 * {@code (±8.05502, ±9.66459)} and {@code −19.2085}. The coordinates here are the roots of
 * {@code ∇f = 0} solved with mpmath at 50 digits from those.
 *
 * <p>Reference: Wikipedia, "Test functions for optimization"; SFU library, "Holder Table
 * Function".
 */
public final class HolderTable extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "holder-table";

    private static final double MIN_X = 8.055023475736563;
    private static final double MIN_Y = 9.664590019241272;
    private static final double MIN_VALUE = -19.208502567886732;

    /** The Hölder table function. */
    public HolderTable() {
        super(NAME, 2, false, Domain.cube(2, -10, 10),
                List.of(new Minimum(new double[] {MIN_X, MIN_Y}, MIN_VALUE),
                        new Minimum(new double[] {MIN_X, -MIN_Y}, MIN_VALUE),
                        new Minimum(new double[] {-MIN_X, MIN_Y}, MIN_VALUE),
                        new Minimum(new double[] {-MIN_X, -MIN_Y}, MIN_VALUE)),
                "f(x, y) = −|sin(x)·cos(y)·exp(|1 − √(x² + y²)/π|)|");
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
        double w = 1 - r / Math.PI;
        double e = StrictMath.exp(Math.abs(w));
        double t = sx * cy * e;
        double k = -Columns.sign(t);
        double m = -Columns.sign(w) * Columns.inverseOrZero(r) / Math.PI;
        g[0] = k * (cx * cy * e + t * m * x);
        g[1] = k * (-sx * sy * e + t * m * y);
        return -Math.abs(t);
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
        INDArray w = r.div(Math.PI).rsubi(1);
        INDArray e = Columns.exp(Columns.abs(w));
        INDArray t = sx.mul(cy).muli(e);
        INDArray k = Columns.sign(t).negi();
        INDArray m = Columns.sign(w).negi().muli(Columns.inverseOrZero(r)).divi(Math.PI);
        INDArray tm = t.mul(m);
        g[0] = k.mul(cx.mul(cy).muli(e).addi(tm.mul(x)));
        g[1] = k.mul(sx.neg().muli(sy).muli(e).addi(tm.mul(y)));
        return Columns.abs(t).negi();
    }
}
