package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Rosenbrock function in any dimension {@code n ≥ 2} (the "extended" form, as SciPy's
 * {@code scipy.optimize.rosen}):
 * {@code f(x) = Σ_{i=1}^{n−1} [100·(x_{i+1} − xᵢ²)² + (1 − xᵢ)²]}.
 *
 * <p>Gradient: {@code ∂f/∂xᵢ = −400·xᵢ·(x_{i+1} − xᵢ²) − 2·(1 − xᵢ)} (for {@code i < n}) plus
 * {@code 200·(xᵢ − x_{i−1}²)} (for {@code i > 1}).
 *
 * <p>Domain {@code [−2, 2]ⁿ} (the article's plotting range). Global minimum
 * {@code f(1, …, 1) = 0}, at the end of a long, flat, curved valley. For {@code 4 ≤ n ≤ 7} there
 * is also a local minimum near {@code (−1, 1, …, 1)}, not listed.
 *
 * <p>Reference: H. H. Rosenbrock, "An automatic method for finding the greatest or least value
 * of a function", The Computer Journal 3 (1960); Wikipedia, "Rosenbrock function".
 */
public final class Rosenbrock extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "rosenbrock";

    /**
     * The Rosenbrock function in {@code n} dimensions.
     *
     * @param n the dimension, in {@code [2, Domain.MAX_DIMENSION]}
     * @throws IllegalArgumentException if {@code n} is outside {@code [2, Domain.MAX_DIMENSION]}
     */
    public Rosenbrock(int n) {
        super(NAME, requireDimension(NAME, n), true, Domain.cube(n, -2, 2),
                List.of(new Minimum(ones(n), 0.0)),
                "f(x) = Σᵢ [100·(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²]");
    }

    private static double[] ones(int n) {
        double[] p = new double[n];
        Arrays.fill(p, 1.0);
        return p;
    }

    @Override
    double compute(double[] x, double[] g) {
        int n = x.length;
        double f = 0;
        double prev = 0;
        for (int i = 0; i < n - 1; i++) {
            double t = x[i + 1] - x[i] * x[i];
            double s = 1 - x[i];
            double term = 100 * t * t + s * s;
            f = i == 0 ? term : f + term;
            double b = -400 * x[i] * t - 2 * s;
            g[i] = i == 0 ? b : 200 * prev + b;
            prev = t;
        }
        g[n - 1] = 200 * prev;
        return f;
    }

    @Override
    INDArray computeBatch(INDArray[] x, INDArray[] g) {
        int n = x.length;
        INDArray f = null;
        INDArray prev = null;
        for (int i = 0; i < n - 1; i++) {
            INDArray t = x[i + 1].sub(x[i].mul(x[i]));
            INDArray s = x[i].rsub(1);
            INDArray term = t.mul(100).muli(t).addi(s.mul(s));
            f = i == 0 ? term : f.addi(term);
            INDArray b = x[i].mul(-400).muli(t).subi(s.mul(2));
            g[i] = i == 0 ? b : prev.mul(200).addi(b);
            prev = t;
        }
        g[n - 1] = prev.mul(200);
        return f;
    }
}
