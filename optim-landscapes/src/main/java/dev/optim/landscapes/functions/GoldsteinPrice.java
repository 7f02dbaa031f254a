package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Goldstein–Price function, {@code f(x, y) = P·Q} with
 * {@code P = 1 + (x + y + 1)²·(19 − 14x + 3x² − 14y + 6xy + 3y²)} and
 * {@code Q = 30 + (2x − 3y)²·(18 − 32x + 12x² + 48y − 36xy + 27y²)}.
 *
 * <p>Gradient, with {@code s = x + y + 1}, {@code t = 2x − 3y} and {@code A}, {@code B} the
 * second factors of {@code P} and {@code Q}:
 * {@code ∂P/∂x = ∂P/∂y = 2s·A + s²·(−14 + 6x + 6y)},
 * {@code ∂Q/∂x = 4t·B + t²·(−32 + 24x − 36y)}, {@code ∂Q/∂y = −6t·B + t²·(48 − 36x + 54y)},
 * {@code ∇f = Q·∇P + P·∇Q}.
 *
 * <p>Domain {@code [−1.5, 0.5]²} (the article's range; Wikipedia and SFU search {@code [−2, 2]²}).
 * Global minimum {@code f(0, −1) = 3}. Values reach about {@code 1e6} at the corners of the
 * standard domain, so a log scale is the natural one to plot it with. (The article's own code has
 * {@code 6·x·x} where the definition has {@code 6xy}; this is the published form.)
 *
 * <p>Reference: A. A. Goldstein and J. F. Price, "On descent from local minima", Mathematics of
 * Computation 25 (1971); Wikipedia; SFU library.
 */
public final class GoldsteinPrice extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "goldstein-price";

    /** The Goldstein–Price function. */
    public GoldsteinPrice() {
        super(NAME, 2, false, Domain.cube(2, -1.5, 0.5),
                List.of(new Minimum(new double[] {0, -1}, 3.0)),
                "f(x, y) = [1 + (x + y + 1)²·(19 − 14x + 3x² − 14y + 6xy + 3y²)]"
                        + " · [30 + (2x − 3y)²·(18 − 32x + 12x² + 48y − 36xy + 27y²)]");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double xx = x * x;
        double yy = y * y;
        double xy = x * y;
        double s = x + y + 1;
        double ss = s * s;
        double a = 19 - 14 * x + 3 * xx - 14 * y + 6 * xy + 3 * yy;
        double bigP = 1 + ss * a;
        double t = 2 * x - 3 * y;
        double tt = t * t;
        double b = 18 - 32 * x + 12 * xx + 48 * y - 36 * xy + 27 * yy;
        double bigQ = 30 + tt * b;
        double da = -14 + 6 * x + 6 * y;
        double dP = 2 * s * a + ss * da;
        double dQx = 4 * t * b + tt * (-32 + 24 * x - 36 * y);
        double dQy = -6 * t * b + tt * (48 - 36 * x + 54 * y);
        g[0] = dP * bigQ + bigP * dQx;
        g[1] = dP * bigQ + bigP * dQy;
        return bigP * bigQ;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray xx = x.mul(x);
        INDArray yy = y.mul(y);
        INDArray xy = x.mul(y);
        INDArray s = x.add(y).addi(1);
        INDArray ss = s.mul(s);
        INDArray a = x.mul(14).rsubi(19).addi(xx.mul(3)).subi(y.mul(14)).addi(xy.mul(6))
                .addi(yy.mul(3));
        INDArray bigP = ss.mul(a).addi(1);
        INDArray t = x.mul(2).subi(y.mul(3));
        INDArray tt = t.mul(t);
        INDArray b = x.mul(32).rsubi(18).addi(xx.mul(12)).addi(y.mul(48)).subi(xy.mul(36))
                .addi(yy.mul(27));
        INDArray bigQ = tt.mul(b).addi(30);
        INDArray da = x.mul(6).subi(14).addi(y.mul(6));
        INDArray dP = s.mul(2).muli(a).addi(ss.mul(da));
        INDArray dQx = t.mul(4).muli(b).addi(tt.mul(x.mul(24).subi(32).subi(y.mul(36))));
        INDArray dQy = t.mul(-6).muli(b).addi(tt.mul(x.mul(36).rsubi(48).addi(y.mul(54))));
        g[0] = dP.mul(bigQ).addi(bigP.mul(dQx));
        g[1] = dP.mul(bigQ).addi(bigP.mul(dQy));
        return bigP.mul(bigQ);
    }
}
