package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Ackley function in any dimension {@code n ≥ 2}:
 * {@code f(x) = −20·exp(−0.2·√((1/n)·Σᵢ xᵢ²)) − exp((1/n)·Σᵢ cos(2π·xᵢ)) + e + 20}.
 *
 * <p>Gradient, with {@code r = √((1/n)·Σ xᵢ²)}:
 * {@code ∂f/∂xᵢ = 4·exp(−0.2r)·xᵢ/(n·r) + (2π/n)·exp((1/n)·Σ cos(2π·xⱼ))·sin(2π·xᵢ)}.
 *
 * <p><b>Not differentiable at the origin</b>: there the first term is a cone ({@code ≈ 4r}); the
 * returned gradient takes its contribution as 0 (a subgradient of that term, and the whole
 * gradient at the origin is 0, the minimum). Elsewhere it is smooth.
 *
 * <p>Domain {@code [−5, 5]ⁿ} (Wikipedia; the SFU library uses {@code [−32.768, 32.768]ⁿ}). Global
 * minimum {@code f(0, …, 0) = 0} (up to rounding: float64 gives about {@code 4e-15}).
 *
 * <p>Reference: D. H. Ackley, "A connectionist machine for genetic hillclimbing" (1987);
 * Wikipedia, "Ackley function"; SFU library.
 */
public final class Ackley extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "ackley";

    private static final double TWO_PI = 2 * Math.PI;

    /**
     * The Ackley function in {@code n} dimensions.
     *
     * @param n the dimension, in {@code [2, Domain.MAX_DIMENSION]}
     * @throws IllegalArgumentException if {@code n} is outside {@code [2, Domain.MAX_DIMENSION]}
     */
    public Ackley(int n) {
        super(NAME, requireDimension(NAME, n), true, Domain.cube(n, -5, 5),
                List.of(new Minimum(new double[n], 0.0)),
                "f(x) = −20·exp(−0.2·√(Σᵢ xᵢ²/n)) − exp(Σᵢ cos(2π·xᵢ)/n) + e + 20");
    }

    @Override
    double compute(double[] x, double[] g) {
        int n = x.length;
        double sumSq = x[0] * x[0];
        double sumCos = StrictMath.cos(TWO_PI * x[0]);
        for (int i = 1; i < n; i++) {
            sumSq += x[i] * x[i];
            sumCos += StrictMath.cos(TWO_PI * x[i]);
        }
        double r = Math.sqrt(sumSq / n);
        double e1 = StrictMath.exp(-0.2 * r);
        double e2 = StrictMath.exp(sumCos / n);
        double c1 = r == 0 ? 0.0 : 4 * e1 / (n * r);
        double c2 = TWO_PI * e2 / n;
        for (int i = 0; i < n; i++) {
            g[i] = c1 * x[i] + c2 * StrictMath.sin(TWO_PI * x[i]);
        }
        return -20 * e1 - e2 + Math.E + 20;
    }

    @Override
    INDArray computeBatch(INDArray[] x, INDArray[] g) {
        int n = x.length;
        INDArray[] a = new INDArray[n];
        for (int i = 0; i < n; i++) {
            a[i] = x[i].mul(TWO_PI);
        }
        INDArray sumSq = x[0].mul(x[0]);
        INDArray sumCos = Columns.cos(a[0]);
        for (int i = 1; i < n; i++) {
            sumSq.addi(x[i].mul(x[i]));
            sumCos.addi(Columns.cos(a[i]));
        }
        INDArray r = Columns.sqrt(sumSq.divi(n));
        INDArray e1 = Columns.exp(r.mul(-0.2));
        INDArray e2 = Columns.exp(sumCos.divi(n));
        INDArray zero = Columns.isZero(r);
        INDArray c1 = e1.mul(4).divi(r.add(zero).muli(n)).muli(zero.rsub(1));
        INDArray c2 = e2.mul(TWO_PI).divi(n);
        for (int i = 0; i < n; i++) {
            g[i] = c1.mul(x[i]).addi(c2.mul(Columns.sin(a[i])));
        }
        return e1.mul(-20).subi(e2).addi(Math.E).addi(20);
    }
}
