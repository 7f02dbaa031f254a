package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bukin function N.6: {@code f(x, y) = 100·√|y − 0.01x²| + 0.01·|x + 10|}, a ridge of kinks
 * along the parabola {@code y = 0.01x²}.
 *
 * <p>Gradient, with {@code u = y − 0.01x²}:
 * {@code ∂f/∂x = −0.02x·k + 0.01·sign(x + 10)}, {@code ∂f/∂y = k}, where
 * {@code k = 100·sign(u)/(2√|u|)}.
 *
 * <p><b>Not differentiable</b> on the parabola {@code u = 0} (the one-sided derivatives of
 * {@code √|u|} are infinite) and on the line {@code x = −10}. The returned values: {@code k = 0}
 * on the parabola (that term contributes nothing), and {@code sign(0) = 0} on the line (the mean
 * of the two one-sided derivatives {@code ±0.01}). So the gradient at the minimum is
 * {@code (0, 0)}, and at {@code (−12, 1.44)} it is {@code (−0.01, 0)}.
 *
 * <p>Domain {@code [−15, −5] × [−3, 3]}. Global minimum {@code f(−10, 1) = 0}.
 *
 * <p>Reference: Wikipedia, "Test functions for optimization"; SFU library, "Bukin Function N. 6".
 */
public final class BukinN6 extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "bukin-n6";

    /** Bukin function N.6. */
    public BukinN6() {
        super(NAME, 2, false, Domain.of(-15, -5, -3, 3),
                List.of(new Minimum(new double[] {-10, 1}, 0.0)),
                "f(x, y) = 100·√|y − 0.01x²| + 0.01·|x + 10|");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double u = y - 0.01 * x * x;
        double r = Math.sqrt(Math.abs(u));
        double w = x + 10;
        double k = Columns.dSqrtAbs(u, r) * 100;
        g[0] = k * (-0.02 * x) + 0.01 * Columns.sign(w);
        g[1] = k;
        return 100 * r + 0.01 * Math.abs(w);
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray u = y.sub(x.mul(0.01).muli(x));
        INDArray r = Columns.sqrt(Columns.abs(u));
        INDArray w = x.add(10);
        INDArray k = Columns.dSqrtAbs(u, r).muli(100);
        g[0] = k.mul(x.mul(-0.02)).addi(Columns.sign(w).muli(0.01));
        g[1] = k;
        return r.mul(100).addi(Columns.abs(w).muli(0.01));
    }
}
