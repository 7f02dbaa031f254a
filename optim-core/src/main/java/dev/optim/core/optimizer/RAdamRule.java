package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link RAdam}'s rule, as PyTorch evaluates it: {@code m ← m·β1 + c1·g;
 * v ← v·β2 + c2·g·g;  m̂ = m / b1;} then, when rectified ({@code ρ_t > 5}),
 * {@code θ ← θ − ((m̂·η)·(√b2 / (√v + ε)))·r}, else {@code θ ← θ − m̂·η}, with
 * {@code b1 = 1 − β1^t}, {@code b2 = 1 − β2^t}.
 */
final class RAdamRule extends UpdateRule {

    final double b1;
    final double b2;
    final double c1;
    final double c2;
    final double eps;
    final double rhoInf;
    double lr;
    double bc1;
    double sqrtBc2;
    double rect;
    boolean rectified;

    RAdamRule(double beta1, double beta2, double eps) {
        this.b1 = beta1;
        this.b2 = beta2;
        this.c1 = 1 - beta1;
        this.c2 = 1 - beta2;
        this.eps = eps;
        this.rhoInf = 2 / (1 - beta2) - 1;
    }

    @Override
    public void begin(double lr, long t) {
        this.lr = lr;
        bc1 = 1 - Math.pow(b1, t);
        double bc2 = 1 - Math.pow(b2, t);
        double rhoT = rhoInf - 2 * (double) t * Math.pow(b2, t) / bc2;
        rectified = rhoT > 5.;
        rect = rectified ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf
                / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0.0;
        sqrtBc2 = Math.sqrt(bc2);
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        double[] m = s[0];
        double[] v = s[1];
        double b1 = this.b1;
        double b2 = this.b2;
        double c1 = this.c1;
        double c2 = this.c2;
        double eps = this.eps;
        double lr = this.lr;
        double bc1 = this.bc1;
        double sqrtBc2 = this.sqrtBc2;
        double rect = this.rect;
        if (rectified) {
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double mi = m[i] * b1 + c1 * gi;
                double vi = v[i] * b2 + c2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                p[i] = p[i] - mi / bc1 * lr * (sqrtBc2 / (Math.sqrt(vi) + eps)) * rect;
            }
        } else {
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double mi = m[i] * b1 + c1 * gi;
                double vi = v[i] * b2 + c2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                p[i] = p[i] - mi / bc1 * lr;
            }
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] m = s[0];
        float[] v = s[1];
        float b1 = (float) this.b1;
        float b2 = (float) this.b2;
        float c1 = (float) this.c1;
        float c2 = (float) this.c2;
        float eps = (float) this.eps;
        float lr = (float) this.lr;
        float bc1 = (float) this.bc1;
        float sqrtBc2 = (float) this.sqrtBc2;
        float rect = (float) this.rect;
        if (rectified) {
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float mi = m[i] * b1 + c1 * gi;
                float vi = v[i] * b2 + c2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                p[i] = p[i] - mi / bc1 * lr * (sqrtBc2 / ((float) Math.sqrt(vi) + eps)) * rect;
            }
        } else {
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float mi = m[i] * b1 + c1 * gi;
                float vi = v[i] * b2 + c2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                p[i] = p[i] - mi / bc1 * lr;
            }
        }
    }

    @Override
    public boolean hasNd4jOps() {
        return true;
    }

    @Override
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        INDArray m = s[0];
        INDArray v = s[1];
        INDArray a = ops.scratch(0);
        INDArray b = ops.scratch(1);
        ops.ema(m, g, ops.scalar(0, b1), ops.scalar(1, c1));
        ops.emaOfSquares(v, g, ops.scalar(2, b2), ops.scalar(3, c2));
        m.divi(ops.scalar(4, bc1), a);
        a.muli(ops.scalar(5, lr));
        if (rectified) {
            ops.sqrt(v, b);
            b.addi(ops.scalar(6, eps));
            b.rdivi(ops.scalar(7, sqrtBc2));
            a.muli(b);
            a.muli(ops.scalar(8, rect));
        }
        p.subi(a);
    }
}
