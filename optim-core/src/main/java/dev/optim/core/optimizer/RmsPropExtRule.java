package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link RmsProp}'s rule with momentum or centring, as PyTorch evaluates it:
 * {@code s ← s·ρ + (1−ρ)·g·g;} centred: {@code ḡ ← ḡ·ρ + (1−ρ)·g;  d = √(s − ḡ·ḡ) + ε},
 * else {@code d = √s + ε}; with momentum: {@code b ← b·μ + g/d;  θ ← θ + α·b}, else
 * {@code θ ← θ + α·g/d}; {@code α = −η}. Buffers {@code s, ḡ, b}, those in use.
 */
final class RmsPropExtRule extends UpdateRule {

    final double rho;
    final double oneMinus;
    final double eps;
    final double mu;
    final boolean centered;
    final boolean momentum;
    /** {@code α = −η}. */
    double alpha;

    RmsPropExtRule(double rho, double eps, double mu, boolean centered) {
        this.rho = rho;
        this.oneMinus = 1 - rho;
        this.eps = eps;
        this.mu = mu;
        this.centered = centered;
        this.momentum = mu > 0;
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
        double eps = this.eps;
        double mu = this.mu;
        double alpha = this.alpha;
        if (centered && momentum) {
            double[] ga = s[1];
            double[] b = s[2];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double si = sq[i] * rho + oneMinus * gi * gi;
                double ai = ga[i] * rho + oneMinus * gi;
                sq[i] = si;
                ga[i] = ai;
                double bi = b[i] * mu + gi / (Math.sqrt(si - ai * ai) + eps);
                b[i] = bi;
                p[i] = p[i] + alpha * bi;
            }
        } else if (centered) {
            double[] ga = s[1];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double si = sq[i] * rho + oneMinus * gi * gi;
                double ai = ga[i] * rho + oneMinus * gi;
                sq[i] = si;
                ga[i] = ai;
                p[i] = p[i] + alpha * gi / (Math.sqrt(si - ai * ai) + eps);
            }
        } else {
            double[] b = s[1];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double si = sq[i] * rho + oneMinus * gi * gi;
                sq[i] = si;
                double bi = b[i] * mu + gi / (Math.sqrt(si) + eps);
                b[i] = bi;
                p[i] = p[i] + alpha * bi;
            }
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] sq = s[0];
        float rho = (float) this.rho;
        float oneMinus = (float) this.oneMinus;
        float eps = (float) this.eps;
        float mu = (float) this.mu;
        float alpha = (float) this.alpha;
        if (centered && momentum) {
            float[] ga = s[1];
            float[] b = s[2];
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float si = sq[i] * rho + oneMinus * gi * gi;
                float ai = ga[i] * rho + oneMinus * gi;
                sq[i] = si;
                ga[i] = ai;
                float bi = b[i] * mu + gi / ((float) Math.sqrt(si - ai * ai) + eps);
                b[i] = bi;
                p[i] = p[i] + alpha * bi;
            }
        } else if (centered) {
            float[] ga = s[1];
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float si = sq[i] * rho + oneMinus * gi * gi;
                float ai = ga[i] * rho + oneMinus * gi;
                sq[i] = si;
                ga[i] = ai;
                p[i] = p[i] + alpha * gi / ((float) Math.sqrt(si - ai * ai) + eps);
            }
        } else {
            float[] b = s[1];
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float si = sq[i] * rho + oneMinus * gi * gi;
                sq[i] = si;
                float bi = b[i] * mu + gi / ((float) Math.sqrt(si) + eps);
                b[i] = bi;
                p[i] = p[i] + alpha * bi;
            }
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
        INDArray d = ops.scratch(1);
        ops.emaOfSquares(sq, g, ops.scalar(0, rho), ops.scalar(1, oneMinus));
        if (centered) {
            INDArray ga = s[1];
            ops.ema(ga, g, ops.scalar(0, rho), ops.scalar(1, oneMinus));
            ga.muli(ga, a);
            sq.subi(a, d);
            ops.sqrt(d, d);
        } else {
            ops.sqrt(sq, d);
        }
        d.addi(ops.scalar(2, eps));
        if (momentum) {
            INDArray b = s[centered ? 2 : 1];
            g.divi(d, a);
            b.muli(ops.scalar(3, mu));
            b.addi(a);
            b.muli(ops.scalar(4, alpha), a);
        } else {
            g.muli(ops.scalar(4, alpha), a);
            a.divi(d);
        }
        p.addi(a);
    }
}
