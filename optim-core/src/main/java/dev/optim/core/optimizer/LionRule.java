package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Lion}'s rule, as its reference code evaluates it: {@code c = m·β1 + g·c1;
 * θ ← θ + α·sign(c);  m ← m·β2 + c2·g}, {@code c1 = 1 − β1}, {@code c2 = 1 − β2},
 * {@code α = −η}; {@code sign} is {@link Math#signum(double)} (±0 and NaN kept).
 */
final class LionRule extends UpdateRule {

    final double b1;
    final double b2;
    final double c1;
    final double c2;
    /** {@code α = −η}. */
    double alpha;

    LionRule(double beta1, double beta2) {
        this.b1 = beta1;
        this.b2 = beta2;
        this.c1 = 1 - beta1;
        this.c2 = 1 - beta2;
    }

    @Override
    public void begin(double lr, long t) {
        alpha = -lr;
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        double[] m = s[0];
        double b1 = this.b1;
        double b2 = this.b2;
        double c1 = this.c1;
        double c2 = this.c2;
        double alpha = this.alpha;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = m[i];
            double c = mi * b1 + gi * c1;
            p[i] = p[i] + alpha * Math.signum(c);
            m[i] = mi * b2 + c2 * gi;
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] m = s[0];
        float b1 = (float) this.b1;
        float b2 = (float) this.b2;
        float c1 = (float) this.c1;
        float c2 = (float) this.c2;
        float alpha = (float) this.alpha;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = m[i];
            float c = mi * b1 + gi * c1;
            p[i] = p[i] + alpha * Math.signum(c);
            m[i] = mi * b2 + c2 * gi;
        }
    }

    @Override
    public boolean hasNd4jOps() {
        return true;
    }

    @Override
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        INDArray m = s[0];
        INDArray a = ops.scratch(0);
        INDArray b = ops.scratch(1);
        m.muli(ops.scalar(0, b1), a);
        g.muli(ops.scalar(1, c1), b);
        a.addi(b);
        ops.signum(a, a);
        a.muli(ops.scalar(2, alpha));
        p.addi(a);
        m.muli(ops.scalar(3, b2));
        g.muli(ops.scalar(4, c2), b);
        m.addi(b);
    }
}
