package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Momentum}'s EMA form: {@code v ← v·μ + (1−μ)·g;  θ ← θ + α·v}, {@code α = −η}.
 */
final class MomentumEmaRule extends UpdateRule {

    /** {@code μ}. */
    final double mu;
    /** {@code 1 − μ}. */
    final double oneMinus;
    /** {@code α = −η}. */
    double alpha;

    MomentumEmaRule(double mu) {
        this.mu = mu;
        this.oneMinus = 1 - mu;
    }

    @Override
    public void begin(double lr, long t) {
        alpha = -lr;
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        double[] v = s[0];
        double mu = this.mu;
        double oneMinus = this.oneMinus;
        double alpha = this.alpha;
        for (int i = from; i < to; i++) {
            double vi = v[i] * mu + oneMinus * g[i];
            v[i] = vi;
            p[i] = p[i] + alpha * vi;
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] v = s[0];
        float mu = (float) this.mu;
        float oneMinus = (float) this.oneMinus;
        float alpha = (float) this.alpha;
        for (int i = from; i < to; i++) {
            float vi = v[i] * mu + oneMinus * g[i];
            v[i] = vi;
            p[i] = p[i] + alpha * vi;
        }
    }

    @Override
    public boolean hasNd4jOps() {
        return true;
    }

    @Override
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        INDArray v = s[0];
        INDArray a = ops.scratch(0);
        ops.ema(v, g, ops.scalar(0, mu), ops.scalar(1, oneMinus));
        v.muli(ops.scalar(2, alpha), a);
        p.addi(a);
    }
}
