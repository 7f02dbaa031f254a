package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The McCormick function: {@code f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1}.
 *
 * <p>Gradient {@code ∂f/∂x = cos(x + y) + 2(x − y) − 1.5},
 * {@code ∂f/∂y = cos(x + y) − 2(x − y) + 2.5}.
 *
 * <p>Domain {@code [−3, 5]²} (the article's range; Wikipedia and SFU search
 * {@code [−1.5, 4] × [−3, 4]}).
 *
 * <p>Global minimum (on either box) {@code f(1/2 − π/3, −1/2 − π/3) = −√3/2 − π/3
 * = −1.913222954981037…}; the sources give {@code f(−0.54719, −1.54719) = −1.9133}. The closed
 * form follows from writing {@code s = x + y}, {@code d = x − y}:
 * {@code f = sin(s) + s/2 + (d − 1)²}, minimised at {@code d = 1}, {@code cos(s) = −1/2}. That form
 * also shows that <b>the function is unbounded below on the plane</b> (along {@code x − y = 1} as
 * {@code x + y → −∞}): the minimum is the global one only on the domain.
 *
 * <p>The article shifts this function to be non-negative for its log colour scale; this class
 * does not (see {@link dev.optim.landscapes.Surface#logContourLevels(int)}).
 *
 * <p>Reference: G. P. McCormick, "Computability of global solutions to factorable nonconvex
 * programs", Mathematical Programming 10 (1976); Wikipedia; SFU library.
 */
public final class McCormick extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "mccormick";

    /** The McCormick function. */
    public McCormick() {
        super(NAME, 2, false, Domain.cube(2, -3, 5),
                List.of(new Minimum(new double[] {-0.5471975511965977, -1.5471975511965979},
                        -1.9132229549810364)),
                "f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double s = x + y;
        double d = x - y;
        double c = StrictMath.cos(s);
        g[0] = c + 2 * d - 1.5;
        g[1] = c - 2 * d + 2.5;
        return StrictMath.sin(s) + d * d - 1.5 * x + 2.5 * y + 1;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray s = x.add(y);
        INDArray d = x.sub(y);
        INDArray c = Columns.cos(s);
        g[0] = c.add(d.mul(2)).subi(1.5);
        g[1] = c.sub(d.mul(2)).addi(2.5);
        return Columns.sin(s).addi(d.mul(d)).subi(x.mul(1.5)).addi(y.mul(2.5)).addi(1);
    }
}
