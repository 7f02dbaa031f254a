package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Easom function: {@code f(x, y) = −cos(x)·cos(y)·exp(−((x − π)² + (y − π)²))}, a flat plane
 * with one narrow well.
 *
 * <p>Gradient, with {@code E = exp(−((x − π)² + (y − π)²))}:
 * {@code ∂f/∂x = sin(x)·cos(y)·E + 2(x − π)·cos(x)·cos(y)·E},
 * {@code ∂f/∂y = cos(x)·sin(y)·E + 2(y − π)·cos(x)·cos(y)·E}.
 *
 * <p>Domain {@code [−100, 100]²} (the standard search domain; the well lies within about 3 of
 * {@code (π, π)}, and the function is 0 to double precision beyond about 30 from it). Global
 * minimum {@code f(π, π) = −1}.
 *
 * <p>Reference: E. E. Easom, "A survey of global optimization techniques" (1990); Wikipedia;
 * SFU library.
 */
public final class Easom extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "easom";

    /** The Easom function. */
    public Easom() {
        super(NAME, 2, false, Domain.cube(2, -100, 100),
                List.of(new Minimum(new double[] {Math.PI, Math.PI}, -1.0)),
                "f(x, y) = −cos(x)·cos(y)·exp(−((x − π)² + (y − π)²))");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double cx = StrictMath.cos(x);
        double cy = StrictMath.cos(y);
        double sx = StrictMath.sin(x);
        double sy = StrictMath.sin(y);
        double u = x - Math.PI;
        double v = y - Math.PI;
        double e = StrictMath.exp(-(u * u + v * v));
        double cce = cx * cy * e;
        g[0] = sx * cy * e + 2 * u * cce;
        g[1] = cx * sy * e + 2 * v * cce;
        return -cce;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray cx = Columns.cos(x);
        INDArray cy = Columns.cos(y);
        INDArray sx = Columns.sin(x);
        INDArray sy = Columns.sin(y);
        INDArray u = x.sub(Math.PI);
        INDArray v = y.sub(Math.PI);
        INDArray e = Columns.exp(u.mul(u).addi(v.mul(v)).negi());
        INDArray cce = cx.mul(cy).muli(e);
        g[0] = sx.mul(cy).muli(e).addi(u.mul(2).muli(cce));
        g[1] = cx.mul(sy).muli(e).addi(v.mul(2).muli(cce));
        return cce.neg();
    }
}
