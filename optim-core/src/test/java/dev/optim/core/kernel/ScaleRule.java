package dev.optim.core.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A test rule with every tier: {@code θ ← θ + α·g}, {@code α = −η}; its SIMD companion is SGD's. */
final class ScaleRule extends UpdateRule {

    double alpha;

    @Override
    public void begin(double lr, long t) {
        alpha = -lr;
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        for (int i = from; i < to; i++) {
            p[i] = p[i] + alpha * g[i];
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float a = (float) alpha;
        for (int i = from; i < to; i++) {
            p[i] = p[i] + a * g[i];
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
