package dev.optim.core.optimizer;

import dev.optim.core.Schedule;
import dev.optim.core.kernel.Nd4jOps;
import dev.optim.core.kernel.UpdateRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link ScheduleFreeAdamW}'s rule over {@code θ = y} and the buffers {@code s[0] = z},
 * {@code s[1] = v}, {@code s[2] = x}, as the reference implementation
 * ({@code adamw_schedulefree_reference.py}) evaluates it, one operation at a time:
 * {@code z ← z − (γ·λ)·d;  v ← v·β2 + (1−β2)·g·g;  z ← z + (−γ)·(g / (√v + ε));
 * x ← x·(1 − c) + c·z;  y ← x·β1 + (1 − β1)·z}, with {@code d = y} (or {@code z}) and
 * {@code γ}, {@code c} computed in {@link #begin}. On the first update {@code z} and {@code x}
 * start as {@code y}.
 *
 * <p>{@code begin} keeps the running {@code γ_max} and weight sum of the reference; after a
 * restore (an update number that does not follow the last one) it recomputes them from the
 * learning-rate schedule, in the same order, so that they are the same bits.
 */
final class ScheduleFreeAdamWRule extends UpdateRule {

    final double b1;
    final double b2;
    final double eps;
    final double decay;
    final boolean decayAtZ;
    final long warmup;
    final double r;
    final double weightLrPower;
    final Schedule schedule;

    private long lastT;
    private double lrMax = -1.0;
    private double weightSum;

    /** {@code −γ_t}. */
    double negLr;
    /** {@code γ_t·λ}. */
    double decayCoef;
    /** {@code c_{t+1}}. */
    double ckp1;
    /** Whether this is update 1 (z and x start as y). */
    boolean first;

    ScheduleFreeAdamWRule(ScheduleFreeAdamW o) {
        this.b1 = o.beta1();
        this.b2 = o.beta2();
        this.eps = o.epsilon();
        this.decay = o.scheduleFreeWeightDecay();
        this.decayAtZ = o.decayAtZ();
        this.warmup = o.warmupSteps();
        this.r = o.r();
        this.weightLrPower = o.weightLrPower();
        this.schedule = o.learningRate();
    }

    /** The reference's {@code lr} of update {@code t} from the base rate {@code base}. */
    double lrAt(double base, long t) {
        double sched = t - 1 < warmup ? (double) t / warmup : 1.0;
        double bias2 = 1 - Math.pow(b2, t);
        return base * sched * Math.sqrt(bias2);
    }

    /** Adds update {@code t}'s weight; returns it. */
    private double accumulate(double base, long t) {
        double lr = lrAt(base, t);
        lrMax = Math.max(lr, lrMax);
        double weight = Math.pow(t, r) * Math.pow(lrMax, weightLrPower);
        weightSum = weightSum + weight;
        return weight;
    }

    @Override
    public void begin(double lr, long t) {
        if (t != lastT + 1) {
            lrMax = -1.0;
            weightSum = 0.0;
            for (long i = 1; i < t; i++) {
                accumulate(schedule.valueAt(i - 1), i);
            }
        }
        double weight = accumulate(lr, t);
        lastT = t;
        ckp1 = weightSum == 0 ? 0 : weight / weightSum;
        double lrT = lrAt(lr, t);
        negLr = -lrT;
        decayCoef = lrT * decay;
        first = t == 1;
    }

    @Override
    public void apply(double[] p, double[] g, double[][] s, int from, int to) {
        double[] z = s[0];
        double[] v = s[1];
        double[] x = s[2];
        if (first) {
            for (int i = from; i < to; i++) {
                z[i] = p[i];
                x[i] = p[i];
            }
        }
        double b1 = this.b1;
        double c1 = 1 - this.b1;
        double b2 = this.b2;
        double c2 = 1 - this.b2;
        double eps = this.eps;
        double negLr = this.negLr;
        double dc = this.decayCoef;
        double ck = this.ckp1;
        double keep = 1 - ck;
        boolean atZ = decayAtZ;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double zi = z[i];
            zi = zi - dc * (atZ ? zi : p[i]);
            double vi = v[i] * b2 + c2 * gi * gi;
            zi = zi + negLr * (gi / (Math.sqrt(vi) + eps));
            double xi = x[i] * keep + ck * zi;
            v[i] = vi;
            z[i] = zi;
            x[i] = xi;
            p[i] = xi * b1 + c1 * zi;
        }
    }

    @Override
    public void apply(float[] p, float[] g, float[][] s, int from, int to) {
        float[] z = s[0];
        float[] v = s[1];
        float[] x = s[2];
        if (first) {
            for (int i = from; i < to; i++) {
                z[i] = p[i];
                x[i] = p[i];
            }
        }
        float b1 = (float) this.b1;
        float c1 = (float) (1 - this.b1);
        float b2 = (float) this.b2;
        float c2 = (float) (1 - this.b2);
        float eps = (float) this.eps;
        float negLr = (float) this.negLr;
        float dc = (float) this.decayCoef;
        float ck = (float) this.ckp1;
        float keep = (float) (1 - this.ckp1);
        boolean atZ = decayAtZ;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float zi = z[i];
            zi = zi - dc * (atZ ? zi : p[i]);
            float vi = v[i] * b2 + c2 * gi * gi;
            zi = zi + negLr * (gi / ((float) Math.sqrt(vi) + eps));
            float xi = x[i] * keep + ck * zi;
            v[i] = vi;
            z[i] = zi;
            x[i] = xi;
            p[i] = xi * b1 + c1 * zi;
        }
    }

    @Override
    public boolean hasNd4jOps() {
        return true;
    }

    @Override
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        INDArray z = s[0];
        INDArray v = s[1];
        INDArray x = s[2];
        if (first) {
            z.assign(p);
            x.assign(p);
        }
        INDArray a = ops.scratch(0);
        (decayAtZ ? z : p).muli(ops.scalar(0, decayCoef), a);
        z.subi(a);
        ops.emaOfSquares(v, g, ops.scalar(1, b2), ops.scalar(2, 1 - b2));
        ops.sqrt(v, a);
        a.addi(ops.scalar(3, eps));
        g.divi(a, a);
        a.muli(ops.scalar(4, negLr));
        z.addi(a);
        x.muli(ops.scalar(5, 1 - ckp1));
        z.muli(ops.scalar(6, ckp1), a);
        x.addi(a);
        x.muli(ops.scalar(7, b1), p);
        z.muli(ops.scalar(8, 1 - b1), a);
        p.addi(a);
    }
}
