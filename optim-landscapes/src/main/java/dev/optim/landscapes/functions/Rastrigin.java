package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Rastrigin function in any dimension {@code n ≥ 2}:
 * {@code f(x) = 10n + Σᵢ [xᵢ² − 10·cos(2π·xᵢ)]}, a bowl covered with a regular grid of local
 * minima.
 *
 * <p>Gradient {@code ∂f/∂xᵢ = 2xᵢ + 20π·sin(2π·xᵢ)}. Domain {@code [−5.12, 5.12]ⁿ} (standard, and
 * the article's range). Global minimum {@code f(0, …, 0) = 0}.
 *
 * <p>Reference: L. A. Rastrigin, "Systems of extremal control" (1974); Wikipedia, "Rastrigin
 * function"; SFU library.
 */
public final class Rastrigin extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "rastrigin";

    private static final double TWO_PI = 2 * Math.PI;
    private static final double TWENTY_PI = 20 * Math.PI;

    /**
     * The Rastrigin function in {@code n} dimensions.
     *
     * @param n the dimension, in {@code [2, Domain.MAX_DIMENSION]}
     * @throws IllegalArgumentException if {@code n} is outside {@code [2, Domain.MAX_DIMENSION]}
     */
    public Rastrigin(int n) {
        super(NAME, requireDimension(NAME, n), true, Domain.cube(n, -5.12, 5.12),
                List.of(new Minimum(new double[n], 0.0)),
                "f(x) = 10n + Σᵢ [xᵢ² − 10·cos(2π·xᵢ)]");
    }

    @Override
    double compute(double[] x, double[] g) {
        double f = 10.0 * x.length;
        for (int i = 0; i < x.length; i++) {
            double a = TWO_PI * x[i];
            f += x[i] * x[i] - 10 * StrictMath.cos(a);
            g[i] = 2 * x[i] + TWENTY_PI * StrictMath.sin(a);
        }
        return f;
    }

    @Override
    INDArray computeBatch(INDArray[] x, INDArray[] g) {
        INDArray f = Columns.filled(x[0].length(), 10.0 * x.length);
        for (int i = 0; i < x.length; i++) {
            INDArray a = x[i].mul(TWO_PI);
            f.addi(x[i].mul(x[i]).subi(Columns.cos(a).muli(10)));
            g[i] = x[i].mul(2).addi(Columns.sin(a).muli(TWENTY_PI));
        }
        return f;
    }
}
