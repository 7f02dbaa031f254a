package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link Sgd}'s rule: {@code θ ← θ + α·g}, {@code α = −η}. */
final class SgdRule extends UpdateRule {

    /** {@code α = −η}. */
    double alpha;

    @Override
    public void begin(double lr, long t) {
        alpha = -lr;
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        double alpha = this.alpha;
        for (int i = from; i < to; i++) {
            p[i] = p[i] + alpha * g[i];
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float alpha = (float) this.alpha;
        for (int i = from; i < to; i++) {
            p[i] = p[i] + alpha * g[i];
        }
    }

    @Override
    public boolean hasNd4jOps() {
        return true;
    }

    @Override
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        INDArray a = ops.scratch(0);
        g.muli(ops.scalar(0, alpha), a);
        p.addi(a);
    }
}
