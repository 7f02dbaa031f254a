package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sphere function, {@code f(x) = Σᵢ xᵢ²}, in any dimension {@code n ≥ 2}.
 *
 * <p>Gradient {@code ∂f/∂xᵢ = 2xᵢ}. Domain {@code [−5.12, 5.12]ⁿ} (SFU). Global minimum
 * {@code f(0, …, 0) = 0}.
 *
 * <p>Reference: Wikipedia, "Test functions for optimization"; SFU library, "Sphere Function".
 */
public final class Sphere extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "sphere";

    /**
     * The sphere function in {@code n} dimensions.
     *
     * @param n the dimension, in {@code [2, Domain.MAX_DIMENSION]}
     * @throws IllegalArgumentException if {@code n} is outside {@code [2, Domain.MAX_DIMENSION]}
     */
    public Sphere(int n) {
        super(NAME, requireDimension(NAME, n), true, Domain.cube(n, -5.12, 5.12),
                List.of(new Minimum(new double[n], 0.0)), "f(x) = Σᵢ xᵢ²");
    }

    @Override
    double compute(double[] x, double[] g) {
        double f = x[0] * x[0];
        g[0] = 2 * x[0];
        for (int i = 1; i < x.length; i++) {
            f += x[i] * x[i];
            g[i] = 2 * x[i];
        }
        return f;
    }

    @Override
    INDArray computeBatch(INDArray[] x, INDArray[] g) {
        INDArray f = x[0].mul(x[0]);
        g[0] = x[0].mul(2);
        for (int i = 1; i < x.length; i++) {
            f.addi(x[i].mul(x[i]));
            g[i] = x[i].mul(2);
        }
        return f;
    }
}
