package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Adagrad}'s rule: {@code s ← (s + a) + g·g;  θ ← θ + α·g / (√s + ε)}, with
 * {@code α = −η / (1 + (t − 1)·δ)} and {@code a} the initial accumulator value at {@code t = 1}
 * (the state starts at 0), 0 afterwards; {@code α·g} is formed first, as PyTorch's
 * {@code addcdiv}.
 */
final class AdagradRule extends UpdateRule {

    final double lrDecay;
    final double initial;
    final double eps;
    /** {@code α = −η_t}. */
    double alpha;
    /** The initial accumulator value on the first update, else 0. */
    double add;

    AdagradRule(double lrDecay, double initial, double eps) {
        this.lrDecay = lrDecay;
        this.initial = initial;
        this.eps = eps;
    }

    @Override
    public void begin(double lr, long t) {
        alpha = -(lr / (1 + (t - 1) * lrDecay));
        add = t == 1 ? initial : 0.0;
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        double[] sum = s[0];
        double alpha = this.alpha;
        double add = this.add;
        double eps = this.eps;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double si = sum[i] + add + gi * gi;
            sum[i] = si;
            p[i] = p[i] + alpha * gi / (Math.sqrt(si) + eps);
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] sum = s[0];
        float alpha = (float) this.alpha;
        float add = (float) this.add;
        float eps = (float) this.eps;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float si = sum[i] + add + gi * gi;
            sum[i] = si;
            p[i] = p[i] + alpha * gi / ((float) Math.sqrt(si) + eps);
        }
    }

    @Override
    public boolean hasNd4jOps() {
        return true;
    }

    @Override
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        INDArray sum = s[0];
        INDArray a = ops.scratch(0);
        INDArray b = ops.scratch(1);
        sum.addi(ops.scalar(0, add));
        g.muli(g, a);
        sum.addi(a);
        ops.sqrt(sum, b);
        b.addi(ops.scalar(1, eps));
        g.muli(ops.scalar(2, alpha), a);
        a.divi(b);
        p.addi(a);
    }
}
