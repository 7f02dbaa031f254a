package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link NAdam}'s rule: {@code m ← m·β1 + c1·g;  v ← v·β2 + c2·g·g;  d = √(v / b2) + ε;
 * θ ← θ + k1·g / d;  θ ← θ + k2·m / d}, with {@code b2 = 1 − β2^t},
 * {@code k1 = −η·(1 − μ_t)/(1 − Π_t)}, {@code k2 = −η·μ_{t+1}/(1 − Π_t·μ_{t+1})}. The product
 * {@code Π_t} is carried from update to update, and recomputed from {@code t} when the updates
 * do not follow each other (a restored state): the same multiplications either way.
 */
final class NAdamRule extends UpdateRule {

    final double b1;
    final double b2;
    final double c1;
    final double c2;
    final double eps;
    final double momentumDecay;
    double bc2;
    double k1;
    double k2;
    /** {@code Π_t} of update {@link #last}. */
    private double product = 1.0;
    private long last;

    NAdamRule(double beta1, double beta2, double eps, double momentumDecay) {
        this.b1 = beta1;
        this.b2 = beta2;
        this.c1 = 1 - beta1;
        this.c2 = 1 - beta2;
        this.eps = eps;
        this.momentumDecay = momentumDecay;
    }

    private double mu(long t) {
        return b1 * (1. - 0.5 * Math.pow(0.96, t * momentumDecay));
    }

    @Override
    public void begin(double lr, long t) {
        if (t != last + 1) {
            product = 1.0;
            for (long k = 1; k < t; k++) {
                product *= mu(k);
            }
        }
        double mu = mu(t);
        double muNext = mu(t + 1);
        product *= mu;
        last = t;
        double productNext = product * muNext;
        bc2 = 1 - Math.pow(b2, t);
        k1 = -lr * (1. - mu) / (1. - product);
        k2 = -lr * muNext / (1. - productNext);
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
        double bc2 = this.bc2;
        double k1 = this.k1;
        double k2 = this.k2;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = m[i] * b1 + c1 * gi;
            double vi = v[i] * b2 + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            double d = Math.sqrt(vi / bc2) + eps;
            double pi = p[i] + k1 * gi / d;
            p[i] = pi + k2 * mi / d;
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
        float bc2 = (float) this.bc2;
        float k1 = (float) this.k1;
        float k2 = (float) this.k2;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = m[i] * b1 + c1 * gi;
            float vi = v[i] * b2 + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            float d = (float) Math.sqrt(vi / bc2) + eps;
            float pi = p[i] + k1 * gi / d;
            p[i] = pi + k2 * mi / d;
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
        INDArray d = ops.scratch(1);
        ops.ema(m, g, ops.scalar(0, b1), ops.scalar(1, c1));
        ops.emaOfSquares(v, g, ops.scalar(2, b2), ops.scalar(3, c2));
        v.divi(ops.scalar(4, bc2), d);
        ops.sqrt(d, d);
        d.addi(ops.scalar(5, eps));
        g.muli(ops.scalar(6, k1), a);
        a.divi(d);
        p.addi(a);
        m.muli(ops.scalar(7, k2), a);
        a.divi(d);
        p.addi(a);
    }
}
