package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link RmsProp}'s rule: {@code s ← s·ρ + (1−ρ)·g·g;  θ ← θ + α·g / (√s + ε)},
 * {@code α = −η}, where {@code α·g} and {@code (1−ρ)·g} are formed first.
 */
final class RmsPropRule extends UpdateRule {

    /** {@code ρ}. */
    final double rho;
    /** {@code 1 − ρ}. */
    final double oneMinus;
    /** {@code ε}. */
    final double eps;
    /** {@code α = −η}. */
    double alpha;

    RmsPropRule(double rho, double eps) {
        this.rho = rho;
        this.oneMinus = 1 - rho;
        this.eps = eps;
    }

    @Override
    public void begin(double lr, long t) {
        alpha = -lr;
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        double[] sq = s[0];
        double rho = this.rho;
        double oneMinus = this.oneMinus;
        double alpha = this.alpha;
        double eps = this.eps;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double si = sq[i] * rho + oneMinus * gi * gi;
            sq[i] = si;
            p[i] = p[i] + alpha * gi / (Math.sqrt(si) + eps);
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] sq = s[0];
        float rho = (float) this.rho;
        float oneMinus = (float) this.oneMinus;
        float alpha = (float) this.alpha;
        float eps = (float) this.eps;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float si = sq[i] * rho + oneMinus * gi * gi;
            sq[i] = si;
            p[i] = p[i] + alpha * gi / ((float) Math.sqrt(si) + eps);
        }
    }

    @Override
    public boolean hasNd4jOps() {
        return true;
    }

    @Override
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        INDArray sq = s[0];
        INDArray a = ops.scratch(0);
        INDArray b = ops.scratch(1);
        ops.emaOfSquares(sq, g, ops.scalar(0, rho), ops.scalar(1, oneMinus));
        ops.sqrt(sq, b);
        b.addi(ops.scalar(3, eps));
        g.muli(ops.scalar(2, alpha), a);
        a.divi(b);
        p.addi(a);
    }
}
