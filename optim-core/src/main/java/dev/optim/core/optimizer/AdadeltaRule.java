package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Adadelta}'s rule, as PyTorch evaluates it: {@code s ← s·ρ + (1−ρ)·g·g;
 * Δ = √(u + ε) / √(s + ε) · g;  u ← u·ρ + (1−ρ)·Δ·Δ;  θ ← θ + α·Δ}, {@code α = −η}.
 */
final class AdadeltaRule extends UpdateRule {

    final double rho;
    final double oneMinus;
    final double eps;
    /** {@code α = −η}. */
    double alpha;

    AdadeltaRule(double rho, double eps) {
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
        double[] acc = s[1];
        double rho = this.rho;
        double oneMinus = this.oneMinus;
        double eps = this.eps;
        double alpha = this.alpha;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double si = sq[i] * rho + oneMinus * gi * gi;
            sq[i] = si;
            double delta = Math.sqrt(acc[i] + eps) / Math.sqrt(si + eps) * gi;
            acc[i] = acc[i] * rho + oneMinus * delta * delta;
            p[i] = p[i] + alpha * delta;
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] sq = s[0];
        float[] acc = s[1];
        float rho = (float) this.rho;
        float oneMinus = (float) this.oneMinus;
        float eps = (float) this.eps;
        float alpha = (float) this.alpha;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float si = sq[i] * rho + oneMinus * gi * gi;
            sq[i] = si;
            float delta = (float) Math.sqrt(acc[i] + eps) / (float) Math.sqrt(si + eps) * gi;
            acc[i] = acc[i] * rho + oneMinus * delta * delta;
            p[i] = p[i] + alpha * delta;
        }
    }

    @Override
    public boolean hasNd4jOps() {
        return true;
    }

    @Override
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        INDArray sq = s[0];
        INDArray acc = s[1];
        INDArray a = ops.scratch(0);
        INDArray b = ops.scratch(1);
        INDArray e = ops.scalar(2, eps);
        ops.emaOfSquares(sq, g, ops.scalar(0, rho), ops.scalar(1, oneMinus));
        // Δ = √(u + ε) / √(s + ε) · g, in a.
        acc.addi(e, a);
        ops.sqrt(a, a);
        sq.addi(e, b);
        ops.sqrt(b, b);
        a.divi(b);
        a.muli(g);
        acc.muli(ops.scalar(0, rho));
        a.muli(ops.scalar(1, oneMinus), b);
        b.muli(a);
        acc.addi(b);
        a.muli(ops.scalar(3, alpha));
        p.addi(a);
    }
}
