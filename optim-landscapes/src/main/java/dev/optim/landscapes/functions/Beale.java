package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Beale function:
 * {@code f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²}.
 *
 * <p>Gradient, with {@code a, b, c} the three brackets:
 * {@code ∂f/∂x = 2a(y − 1) + 2b(y² − 1) + 2c(y³ − 1)},
 * {@code ∂f/∂y = 2a·x + 4b·xy + 6c·xy²}.
 *
 * <p>Domain {@code [−4.5, 4.5]²} (standard, and the article's range). Global minimum
 * {@code f(3, 0.5) = 0}. (The article's own code repeats a term; this is the published form.)
 *
 * <p>Reference: E. M. L. Beale, "On an iterative method for finding a local minimum of a
 * function of more than one variable" (1958); Wikipedia; SFU library.
 */
public final class Beale extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "beale";

    /** The Beale function. */
    public Beale() {
        super(NAME, 2, false, Domain.cube(2, -4.5, 4.5),
                List.of(new Minimum(new double[] {3, 0.5}, 0.0)),
                "f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double y2 = y * y;
        double y3 = y2 * y;
        double a = 1.5 - x + x * y;
        double b = 2.25 - x + x * y2;
        double c = 2.625 - x + x * y3;
        g[0] = 2 * a * (y - 1) + 2 * b * (y2 - 1) + 2 * c * (y3 - 1);
        g[1] = 2 * a * x + 4 * b * x * y + 6 * c * x * y2;
        return a * a + b * b + c * c;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray y2 = y.mul(y);
        INDArray y3 = y2.mul(y);
        INDArray a = x.rsub(1.5).addi(x.mul(y));
        INDArray b = x.rsub(2.25).addi(x.mul(y2));
        INDArray c = x.rsub(2.625).addi(x.mul(y3));
        g[0] = a.mul(2).muli(y.sub(1)).addi(b.mul(2).muli(y2.sub(1)))
                .addi(c.mul(2).muli(y3.sub(1)));
        g[1] = a.mul(2).muli(x).addi(b.mul(4).muli(x).muli(y)).addi(c.mul(6).muli(x).muli(y2));
        return a.mul(a).addi(b.mul(b)).addi(c.mul(c));
    }
}
