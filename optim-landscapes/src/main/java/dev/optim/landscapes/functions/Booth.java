package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Booth function: {@code f(x, y) = (x + 2y − 7)² + (2x + y − 5)²}, a convex quadratic.
 *
 * <p>Gradient, with {@code a = x + 2y − 7} and {@code b = 2x + y − 5}:
 * {@code ∂f/∂x = 2a + 4b}, {@code ∂f/∂y = 4a + 2b}. Domain {@code [−10, 10]²}. Global minimum
 * {@code f(1, 3) = 0}.
 *
 * <p>Reference: Wikipedia, "Test functions for optimization"; SFU library.
 */
public final class Booth extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "booth";

    /** The Booth function. */
    public Booth() {
        super(NAME, 2, false, Domain.cube(2, -10, 10),
                List.of(new Minimum(new double[] {1, 3}, 0.0)),
                "f(x, y) = (x + 2y − 7)² + (2x + y − 5)²");
    }

    @Override
    double compute(double[] p, double[] g) {
        double a = p[0] + 2 * p[1] - 7;
        double b = 2 * p[0] + p[1] - 5;
        g[0] = 2 * a + 4 * b;
        g[1] = 4 * a + 2 * b;
        return a * a + b * b;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray a = p[1].mul(2).addi(p[0]).subi(7);
        INDArray b = p[0].mul(2).addi(p[1]).subi(5);
        g[0] = a.mul(2).addi(b.mul(4));
        g[1] = a.mul(4).addi(b.mul(2));
        return a.mul(a).addi(b.mul(b));
    }
}
