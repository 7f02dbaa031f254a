package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The eggholder function:
 * {@code f(x, y) = −(y + 47)·sin(√|x/2 + y + 47|) − x·sin(√|x − (y + 47)|)}.
 *
 * <p>Gradient, with {@code a = y + 47}, {@code u = x/2 + a}, {@code v = x − a},
 * {@code p = √|u|}, {@code q = √|v|}, {@code p' = sign(u)/(2p)}, {@code q' = sign(v)/(2q)},
 * {@code A = a·cos(p)·p'} and {@code B = x·cos(q)·q'}:
 * {@code ∂f/∂x = −A/2 − sin(q) − B}, {@code ∂f/∂y = −sin(p) − A + B}.
 *
 * <p><b>Not differentiable</b> on the lines {@code u = 0} and {@code v = 0}, where the one-sided
 * derivatives of {@code √|·|} are infinite; there the returned value takes {@code p' = 0} (or
 * {@code q' = 0}), i.e. that term's contribution through the square root is dropped.
 *
 * <p>Domain {@code [−512, 512]²}. Global minimum on the domain, <b>on its boundary</b>
 * {@code x = 512}: {@code f(512, 404.2318051137578) = −959.6406627208509}; the sources give
 * {@code f(512, 404.2319) = −959.6407}. The {@code y} coordinate here is the root of
 * {@code ∂f/∂y(512, y) = 0} solved with mpmath at 50 digits. The gradient there is not zero
 * ({@code ∂f/∂x < 0}: the function keeps falling beyond the box).
 *
 * <p>Reference: Wikipedia, "Test functions for optimization"; SFU library, "Eggholder Function".
 */
public final class Eggholder extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "eggholder";

    /** The eggholder function. */
    public Eggholder() {
        super(NAME, 2, false, Domain.cube(2, -512, 512),
                List.of(new Minimum(new double[] {512, 404.2318051137578}, -959.6406627208509)),
                "f(x, y) = −(y + 47)·sin(√|x/2 + y + 47|) − x·sin(√|x − (y + 47)|)");
    }

    @Override
    double compute(double[] pt, double[] g) {
        double x = pt[0];
        double y = pt[1];
        double a = y + 47;
        double u = 0.5 * x + a;
        double v = x - a;
        double p = Math.sqrt(Math.abs(u));
        double q = Math.sqrt(Math.abs(v));
        double sp = StrictMath.sin(p);
        double sq = StrictMath.sin(q);
        double bigA = a * StrictMath.cos(p) * Columns.dSqrtAbs(u, p);
        double bigB = x * StrictMath.cos(q) * Columns.dSqrtAbs(v, q);
        g[0] = -0.5 * bigA - sq - bigB;
        g[1] = -sp - bigA + bigB;
        return -a * sp - x * sq;
    }

    @Override
    INDArray computeBatch(INDArray[] pt, INDArray[] g) {
        INDArray x = pt[0];
        INDArray y = pt[1];
        INDArray a = y.add(47);
        INDArray u = x.mul(0.5).addi(a);
        INDArray v = x.sub(a);
        INDArray p = Columns.sqrt(Columns.abs(u));
        INDArray q = Columns.sqrt(Columns.abs(v));
        INDArray sp = Columns.sin(p);
        INDArray sq = Columns.sin(q);
        INDArray bigA = a.mul(Columns.cos(p)).muli(Columns.dSqrtAbs(u, p));
        INDArray bigB = x.mul(Columns.cos(q)).muli(Columns.dSqrtAbs(v, q));
        g[0] = bigA.mul(-0.5).subi(sq).subi(bigB);
        g[1] = sp.neg().subi(bigA).addi(bigB);
        return a.neg().muli(sp).subi(x.mul(sq));
    }
}
