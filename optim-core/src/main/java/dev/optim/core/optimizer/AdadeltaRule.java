package dev.optim.core.optimizer;

import dev.optim.core.kernel.UpdateRule;

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
}
