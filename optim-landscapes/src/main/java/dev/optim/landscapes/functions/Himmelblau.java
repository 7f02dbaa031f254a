package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Himmelblau's function: {@code f(x, y) = (x² + y − 11)² + (x + y² − 7)²}, four equal minima
 * (the article's default landscape).
 *
 * <p>Gradient, with {@code a = x² + y − 11} and {@code b = x + y² − 7}:
 * {@code ∂f/∂x = 4a·x + 2b}, {@code ∂f/∂y = 2a + 4b·y}.
 *
 * <p>Domain {@code [−5, 5]²} (standard, and the article's range). Four global minima, all
 * {@code f = 0}: {@code (3, 2)} exactly, and {@code (−2.805118…, 3.131312…)},
 * {@code (−3.779310…, −3.283186…)}, {@code (3.584428…, −1.848126…)}, which the sources give to six
 * decimals; the coordinates here are the roots of {@code ∇f = 0} solved with mpmath at 50 digits
 * from those (the values there are below {@code 2e-30}).
 *
 * <p>Reference: D. M. Himmelblau, "Applied Nonlinear Programming" (1972); Wikipedia,
 * "Himmelblau's function".
 */
public final class Himmelblau extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "himmelblau";

    /** Himmelblau's function. */
    public Himmelblau() {
        super(NAME, 2, false, Domain.cube(2, -5, 5),
                List.of(new Minimum(new double[] {3, 2}, 0.0),
                        new Minimum(new double[] {-2.805118086952745, 3.131312518250573}, 0.0),
                        new Minimum(new double[] {-3.779310253377747, -3.2831859912861696}, 0.0),
                        new Minimum(new double[] {3.5844283403304917, -1.8481265269644036}, 0.0)),
                "f(x, y) = (x² + y − 11)² + (x + y² − 7)²");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double a = x * x + y - 11;
        double b = x + y * y - 7;
        g[0] = 4 * a * x + 2 * b;
        g[1] = 2 * a + 4 * b * y;
        return a * a + b * b;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray a = x.mul(x).addi(y).subi(11);
        INDArray b = y.mul(y).addi(x).subi(7);
        g[0] = a.mul(4).muli(x).addi(b.mul(2));
        g[1] = a.mul(2).addi(b.mul(4).muli(y));
        return a.mul(a).addi(b.mul(b));
    }
}
