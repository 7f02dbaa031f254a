package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Styblinski–Tang function in any dimension {@code n ≥ 2}:
 * {@code f(x) = ½·Σᵢ (xᵢ⁴ − 16xᵢ² + 5xᵢ)}.
 *
 * <p>Gradient {@code ∂f/∂xᵢ = 2xᵢ³ − 16xᵢ + 2.5}. Domain {@code [−5, 5]ⁿ} (standard, and the
 * article's range).
 *
 * <p>Global minimum at {@code xᵢ = t*} for every {@code i}, where {@code t* = −2.903534027771177…}
 * is the smallest root of {@code 4t³ − 32t + 5 = 0}; the value is
 * {@code n·(−39.16616570377142…)}. <b>Sources disagree</b>: Wikipedia bounds it as
 * {@code −39.16617n < f < −39.16616n}, the SFU library prints {@code −39.16599n} (the value at the
 * rounded {@code t = −2.903534} is {@code −39.16616570377…n}, so SFU's figure is a misprint).
 * The coordinates here are the root solved with mpmath at 50 digits (see the fixture generator
 * {@code tools/fixtures/gen_landscape_fixtures.py}).
 *
 * <p>The article shifts this function to be non-negative for its log colour scale; this class
 * does not (see {@link dev.optim.landscapes.Surface#logContourLevels(int)}).
 *
 * <p>Reference: M. A. Styblinski and T.-S. Tang, "Experiments in nonconvex optimization",
 * Neural Networks 3 (1990); Wikipedia; SFU library.
 */
public final class StyblinskiTang extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "styblinski-tang";

    /** The coordinate of the minimum in every axis: the smallest root of 4t³ − 32t + 5. */
    public static final double ARGMIN = -2.903534027771177;

    /** The minimum value per dimension: ½·(t⁴ − 16t² + 5t) at {@link #ARGMIN}. */
    public static final double MIN_PER_DIMENSION = -39.16616570377141;

    /**
     * The Styblinski–Tang function in {@code n} dimensions.
     *
     * @param n the dimension, in {@code [2, Domain.MAX_DIMENSION]}
     * @throws IllegalArgumentException if {@code n} is outside {@code [2, Domain.MAX_DIMENSION]}
     */
    public StyblinskiTang(int n) {
        super(NAME, requireDimension(NAME, n), true, Domain.cube(n, -5, 5),
                List.of(new Minimum(argmin(n), n * MIN_PER_DIMENSION)),
                "f(x) = ½·Σᵢ (xᵢ⁴ − 16xᵢ² + 5xᵢ)");
    }

    private static double[] argmin(int n) {
        double[] p = new double[n];
        Arrays.fill(p, ARGMIN);
        return p;
    }

    @Override
    double compute(double[] x, double[] g) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double xx = x[i] * x[i];
            double term = xx * xx - 16 * xx + 5 * x[i];
            sum = i == 0 ? term : sum + term;
            g[i] = 2 * (xx * x[i]) - 16 * x[i] + 2.5;
        }
        return 0.5 * sum;
    }

    @Override
    INDArray computeBatch(INDArray[] x, INDArray[] g) {
        INDArray sum = null;
        for (int i = 0; i < x.length; i++) {
            INDArray xx = x[i].mul(x[i]);
            INDArray term = xx.mul(xx).subi(xx.mul(16)).addi(x[i].mul(5));
            sum = i == 0 ? term : sum.addi(term);
            g[i] = xx.mul(x[i]).muli(2).subi(x[i].mul(16)).addi(2.5);
        }
        return sum.muli(0.5);
    }
}
