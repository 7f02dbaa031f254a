package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Adam}'s AMSGrad rule, as PyTorch evaluates it: {@code m ← m·β1 + c1·g;
 * v ← v·β2 + c2·g·g;  w ← max(w, v);  θ ← θ + a·m / (√w / b + ε)}, with the coefficients of
 * {@link AdamRule}.
 */
final class AmsGradRule extends UpdateRule {

    final double b1;
    final double b2;
    final double c1;
    final double c2;
    final double eps;
    double negStep;
    double bc2Sqrt;

    AmsGradRule(double beta1, double beta2, double eps) {
        this.b1 = beta1;
        this.b2 = beta2;
        this.c1 = 1 - beta1;
        this.c2 = 1 - beta2;
        this.eps = eps;
    }

    @Override
    public void begin(double lr, long t) {
        negStep = -(lr / (1 - Math.pow(b1, t)));
        bc2Sqrt = Math.sqrt(1 - Math.pow(b2, t));
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        double[] m = s[0];
        double[] v = s[1];
        double[] w = s[2];
        double b1 = this.b1;
        double b2 = this.b2;
        double c1 = this.c1;
        double c2 = this.c2;
        double negStep = this.negStep;
        double bc2Sqrt = this.bc2Sqrt;
        double eps = this.eps;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = m[i] * b1 + c1 * gi;
            double vi = v[i] * b2 + c2 * gi * gi;
            double wi = Math.max(w[i], vi);
            m[i] = mi;
            v[i] = vi;
            w[i] = wi;
            p[i] = p[i] + negStep * mi / (Math.sqrt(wi) / bc2Sqrt + eps);
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] m = s[0];
        float[] v = s[1];
        float[] w = s[2];
        float b1 = (float) this.b1;
        float b2 = (float) this.b2;
        float c1 = (float) this.c1;
        float c2 = (float) this.c2;
        float negStep = (float) this.negStep;
        float bc2Sqrt = (float) this.bc2Sqrt;
        float eps = (float) this.eps;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = m[i] * b1 + c1 * gi;
            float vi = v[i] * b2 + c2 * gi * gi;
            float wi = Math.max(w[i], vi);
            m[i] = mi;
            v[i] = vi;
            w[i] = wi;
            p[i] = p[i] + negStep * mi / ((float) Math.sqrt(wi) / bc2Sqrt + eps);
        }
    }

    @Override
    public boolean hasNd4jOps() {
        return true;
    }

    /**
     * The ND4J-ops form, bit-identical to the plain loops: ND4J's {@link Nd4jOps#max max}
     * returns its second argument {@code v} when either is NaN, and a NaN {@code w} comes only
     * from a NaN {@code v}, which stays NaN.
     */
    @Override
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        INDArray m = s[0];
        INDArray v = s[1];
        INDArray w = s[2];
        INDArray a = ops.scratch(0);
        INDArray b = ops.scratch(1);
        ops.ema(m, g, ops.scalar(0, b1), ops.scalar(2, c1));
        ops.emaOfSquares(v, g, ops.scalar(1, b2), ops.scalar(3, c2));
        ops.max(w, v, w);
        ops.sqrt(w, b);
        b.divi(ops.scalar(5, bc2Sqrt));
        b.addi(ops.scalar(6, eps));
        m.muli(ops.scalar(4, negStep), a);
        a.divi(b);
        p.addi(a);
    }
}
