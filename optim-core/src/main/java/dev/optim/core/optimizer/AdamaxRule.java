package dev.optim.core.optimizer;

import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Adamax}'s rule, as PyTorch evaluates it: {@code m ← m·β1 + c1·g;
 * u ← max(u·β2, |g| + ε);  θ ← θ + a·m / u}, {@code c1 = 1 − β1}, {@code a = −η/(1 − β1^t)}.
 */
final class AdamaxRule extends UpdateRule {

    final double b1;
    final double b2;
    final double c1;
    final double eps;
    /** {@code a = −η/(1 − β1^t)}. */
    double negStep;

    AdamaxRule(double beta1, double beta2, double eps) {
        this.b1 = beta1;
        this.b2 = beta2;
        this.c1 = 1 - beta1;
        this.eps = eps;
    }

    @Override
    public void begin(double lr, long t) {
        negStep = -(lr / (1 - Math.pow(b1, t)));
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        double[] m = s[0];
        double[] u = s[1];
        double b1 = this.b1;
        double b2 = this.b2;
        double c1 = this.c1;
        double eps = this.eps;
        double negStep = this.negStep;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = m[i] * b1 + c1 * gi;
            double ui = Math.max(u[i] * b2, Math.abs(gi) + eps);
            m[i] = mi;
            u[i] = ui;
            p[i] = p[i] + negStep * mi / ui;
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] m = s[0];
        float[] u = s[1];
        float b1 = (float) this.b1;
        float b2 = (float) this.b2;
        float c1 = (float) this.c1;
        float eps = (float) this.eps;
        float negStep = (float) this.negStep;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = m[i] * b1 + c1 * gi;
            float ui = Math.max(u[i] * b2, Math.abs(gi) + eps);
            m[i] = mi;
            u[i] = ui;
            p[i] = p[i] + negStep * mi / ui;
        }
    }

    @Override
    public boolean hasNd4jOps() {
        return true;
    }

    /**
     * The ND4J-ops form, bit-identical to the plain loops but in one case: ND4J's
     * {@link Nd4jOps#max max} returns its second argument where the first is NaN, so after a
     * NaN gradient (taken without {@code skipNonFinite}) that element of {@code u} takes the
     * next {@code |g| + ε} where the plain loops keep NaN (its {@code θ} and {@code m} are NaN
     * on both).
     */
    @Override
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        INDArray m = s[0];
        INDArray u = s[1];
        INDArray a = ops.scratch(0);
        ops.ema(m, g, ops.scalar(0, b1), ops.scalar(1, c1));
        u.muli(ops.scalar(2, b2));
        ops.abs(g, a);
        a.addi(ops.scalar(3, eps));
        ops.max(u, a, u);
        m.muli(ops.scalar(4, negStep), a);
        a.divi(u);
        p.addi(a);
    }
}
