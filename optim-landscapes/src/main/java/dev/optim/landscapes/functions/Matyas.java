package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Matyas function: {@code f(x, y) = 0.26·(x² + y²) − 0.48·xy}, a flat, tilted convex bowl.
 *
 * <p>Gradient {@code ∂f/∂x = 0.52x − 0.48y}, {@code ∂f/∂y = 0.52y − 0.48x}. Domain
 * {@code [−10, 10]²} (standard, and the article's range). Global minimum {@code f(0, 0) = 0}.
 *
 * <p>Reference: Wikipedia, "Test functions for optimization"; SFU library.
 */
public final class Matyas extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "matyas";

    /** The Matyas function. */
    public Matyas() {
        super(NAME, 2, false, Domain.cube(2, -10, 10),
                List.of(new Minimum(new double[] {0, 0}, 0.0)),
                "f(x, y) = 0.26·(x² + y²) − 0.48·xy");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        g[0] = 0.52 * x - 0.48 * y;
        g[1] = 0.52 * y - 0.48 * x;
        return 0.26 * (x * x + y * y) - 0.48 * x * y;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        g[0] = x.mul(0.52).subi(y.mul(0.48));
        g[1] = y.mul(0.52).subi(x.mul(0.48));
        return x.mul(x).addi(y.mul(y)).muli(0.26).subi(x.mul(0.48).muli(y));
    }
}
