package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link Momentum}'s heavy-ball form: {@code v ← v·μ + g;  θ ← θ + α·v}, {@code α = −η}. */
final class HeavyBallRule extends UpdateRule {

    /** {@code μ}. */
    final double mu;
    /** {@code α = −η}. */
    double alpha;

    HeavyBallRule(double mu) {
        this.mu = mu;
    }

    @Override
    public void begin(double lr, long t) {
        alpha = -lr;
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        double[] v = s[0];
        double mu = this.mu;
        double alpha = this.alpha;
        for (int i = from; i < to; i++) {
            double vi = v[i] * mu + g[i];
            v[i] = vi;
            p[i] = p[i] + alpha * vi;
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] v = s[0];
        float mu = (float) this.mu;
        float alpha = (float) this.alpha;
        for (int i = from; i < to; i++) {
            float vi = v[i] * mu + g[i];
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
        v.muli(ops.scalar(0, mu));
        v.addi(g);
        v.muli(ops.scalar(1, alpha), a);
        p.addi(a);
    }
}
