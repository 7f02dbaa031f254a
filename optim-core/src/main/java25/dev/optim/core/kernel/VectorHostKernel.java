package dev.optim.core.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The SIMD tier: JDK Vector API loops over the host memory of the parameters, the gradient and
 * the state, read and written in place as {@link MemorySegment}s, with a scalar loop for the
 * tail. The lane-wise operations are those of {@link PlainLoops} in the same order (no fused
 * multiply-add), so the results equal the plain tier's bit for bit. With a gradient
 * preparation, each chunk's prepared gradient goes to a scratch segment first, then the rule
 * runs over the chunk.
 */
final class VectorHostKernel extends Kernel {

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

    private static final int SGD = 0;
    private static final int EMA = 1;
    private static final int HEAVY_BALL = 2;
    private static final int NESTEROV = 3;
    private static final int RMSPROP = 4;
    private static final int ADAM = 5;

    private final HostBinding host;
    private final boolean isFloat;
    private final long n;
    private final long width;
    private MemorySegment p;
    private MemorySegment g;
    private final MemorySegment s0;
    private final MemorySegment s1;
    /** The prepared gradient of one chunk; made on the first prepared step. */
    private MemorySegment scratch;

    private int rule;
    private double k0;
    private double k1;
    private double k2;
    private double k3;
    private double k4;
    private double k5;
    private double k6;

    VectorHostKernel(HostBinding host, boolean isFloat) {
        super(host.length);
        this.host = host;
        this.isFloat = isFloat;
        this.n = host.length;
        this.width = host.width;
        int count = host.stateBytes.length;
        this.s0 = count > 0 ? MemorySegment.ofBuffer(host.stateBytes[0]) : null;
        this.s1 = count > 1 ? MemorySegment.ofBuffer(host.stateBytes[1]) : null;
    }

    @Override
    public String tier() {
        return "simd";
    }

    @Override
    public boolean bound(INDArray params, INDArray gradient) {
        return host.bound(params, gradient);
    }

    @Override
    public void bind(INDArray params, INDArray gradient) {
        if (host.bind(params, gradient)) {
            p = MemorySegment.ofBuffer(host.paramsBytes);
            g = MemorySegment.ofBuffer(host.gradientBytes);
        }
    }

    @Override
    public void finish() {
        host.finish();
    }

    @Override
    public double gradientNorm() {
        double sum = 0;
        if (isFloat) {
            for (long i = 0; i < n; i++) {
                double v = g.getAtIndex(F, i);
                sum += v * v;
            }
        } else {
            for (long i = 0; i < n; i++) {
                double v = g.getAtIndex(D, i);
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    private void record(int rule, double k0, double k1, double k2, double k3, double k4,
            double k5, double k6) {
        this.rule = rule;
        this.k0 = k0;
        this.k1 = k1;
        this.k2 = k2;
        this.k3 = k3;
        this.k4 = k4;
        this.k5 = k5;
        this.k6 = k6;
    }

    private void run() {
        if (!prepares) {
            apply(g, 0, 0, n);
            return;
        }
        if (scratch == null) {
            scratch = Arena.ofAuto().allocate(CHUNK * width, 64);
        }
        for (long off = 0; off < n; off += CHUNK) {
            long len = Math.min(CHUNK, n - off);
            if (isFloat) {
                prepareFloat(off, len);
            } else {
                prepareDouble(off, len);
            }
            apply(scratch, -off * width, off, off + len);
        }
    }

    /** The rule over elements [from, to); element i's gradient at byte i·width + gShift of gs. */
    private void apply(MemorySegment gs, long gShift, long from, long to) {
        if (isFloat) {
            switch (rule) {
                case SGD -> sgd(p, gs, gShift, from, to, (float) k0);
                case EMA -> ema(p, gs, gShift, s0, from, to, (float) k0, (float) k1, (float) k2);
                case HEAVY_BALL -> heavyBall(p, gs, gShift, s0, from, to, (float) k0, (float) k1);
                case NESTEROV -> nesterov(p, gs, gShift, s0, from, to, (float) k0, (float) k1);
                case RMSPROP -> rmsProp(p, gs, gShift, s0, from, to, (float) k0, (float) k1,
                        (float) k2, (float) k3);
                case ADAM -> adam(p, gs, gShift, s0, s1, from, to, (float) k0, (float) k1,
                        (float) k2, (float) k3, (float) k4, (float) k5, (float) k6);
                default -> throw new IllegalStateException("unknown rule " + rule);
            }
        } else {
            switch (rule) {
                case SGD -> sgd(p, gs, gShift, from, to, k0);
                case EMA -> ema(p, gs, gShift, s0, from, to, k0, k1, k2);
                case HEAVY_BALL -> heavyBall(p, gs, gShift, s0, from, to, k0, k1);
                case NESTEROV -> nesterov(p, gs, gShift, s0, from, to, k0, k1);
                case RMSPROP -> rmsProp(p, gs, gShift, s0, from, to, k0, k1, k2, k3);
                case ADAM -> adam(p, gs, gShift, s0, s1, from, to, k0, k1, k2, k3, k4, k5, k6);
                default -> throw new IllegalStateException("unknown rule " + rule);
            }
        }
    }

    @Override
    public void sgd(double alpha) {
        record(SGD, alpha, 0, 0, 0, 0, 0, 0);
        run();
    }

    @Override
    public void momentumEma(double mu, double oneMinus, double alpha) {
        record(EMA, mu, oneMinus, alpha, 0, 0, 0, 0);
        run();
    }

    @Override
    public void heavyBall(double mu, double alpha) {
        record(HEAVY_BALL, mu, alpha, 0, 0, 0, 0, 0);
        run();
    }

    @Override
    public void nesterov(double mu, double alpha) {
        record(NESTEROV, mu, alpha, 0, 0, 0, 0, 0);
        run();
    }

    @Override
    public void rmsProp(double rho, double oneMinus, double alpha, double eps) {
        record(RMSPROP, rho, oneMinus, alpha, eps, 0, 0, 0);
        run();
    }

    @Override
    public void adam(double b1, double b2, double c1, double c2, double negStep,
            double bc2Sqrt, double eps) {
        record(ADAM, b1, b2, c1, c2, negStep, bc2Sqrt, eps);
        run();
    }

    // ------------------------------------------------------------ preparation, one chunk

    /**
     * Writes the prepared gradient of elements [off, off + len) to the scratch segment and
     * decays those parameters in place. Clipping and scaling run always, with +∞ and 1 as exact
     * neutral values; coupling only where it is on (0·θ is not neutral for non-finite θ).
     */
    private void prepareFloat(long off, long len) {
        float clip = (float) this.clip;
        float scale = (float) this.scale;
        float coupled = (float) this.coupled;
        float decay = (float) this.decay;
        boolean decays = this.decays;
        long i = 0;
        long upper = FS.loopBound(len);
        if (couples) {
            for (; i < upper; i += FS.length()) {
                long o = (off + i) * 4;
                FloatVector pi = FloatVector.fromMemorySegment(FS, p, o, NATIVE).mul(decay);
                if (decays) {
                    pi.intoMemorySegment(p, o, NATIVE);
                }
                FloatVector gi = FloatVector.fromMemorySegment(FS, g, o, NATIVE)
                        .min(clip).max(-clip).mul(scale);
                gi.add(pi.mul(coupled)).intoMemorySegment(scratch, i * 4, NATIVE);
            }
        } else {
            for (; i < upper; i += FS.length()) {
                long o = (off + i) * 4;
                if (decays) {
                    FloatVector.fromMemorySegment(FS, p, o, NATIVE).mul(decay)
                            .intoMemorySegment(p, o, NATIVE);
                }
                FloatVector.fromMemorySegment(FS, g, o, NATIVE).min(clip).max(-clip).mul(scale)
                        .intoMemorySegment(scratch, i * 4, NATIVE);
            }
        }
        for (; i < len; i++) {
            long e = off + i;
            float pi = p.getAtIndex(F, e);
            if (decays) {
                pi = pi * decay;
                p.setAtIndex(F, e, pi);
            }
            float gi = Math.max(-clip, Math.min(clip, g.getAtIndex(F, e))) * scale;
            if (couples) {
                gi = gi + coupled * pi;
            }
            scratch.setAtIndex(F, i, gi);
        }
    }

    /** As {@link #prepareFloat}, in float64. */
    private void prepareDouble(long off, long len) {
        double clip = this.clip;
        double scale = this.scale;
        double coupled = this.coupled;
        double decay = this.decay;
        boolean decays = this.decays;
        long i = 0;
        long upper = DS.loopBound(len);
        if (couples) {
            for (; i < upper; i += DS.length()) {
                long o = (off + i) * 8;
                DoubleVector pi = DoubleVector.fromMemorySegment(DS, p, o, NATIVE).mul(decay);
                if (decays) {
                    pi.intoMemorySegment(p, o, NATIVE);
                }
                DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o, NATIVE)
                        .min(clip).max(-clip).mul(scale);
                gi.add(pi.mul(coupled)).intoMemorySegment(scratch, i * 8, NATIVE);
            }
        } else {
            for (; i < upper; i += DS.length()) {
                long o = (off + i) * 8;
                if (decays) {
                    DoubleVector.fromMemorySegment(DS, p, o, NATIVE).mul(decay)
                            .intoMemorySegment(p, o, NATIVE);
                }
                DoubleVector.fromMemorySegment(DS, g, o, NATIVE).min(clip).max(-clip).mul(scale)
                        .intoMemorySegment(scratch, i * 8, NATIVE);
            }
        }
        for (; i < len; i++) {
            long e = off + i;
            double pi = p.getAtIndex(D, e);
            if (decays) {
                pi = pi * decay;
                p.setAtIndex(D, e, pi);
            }
            double gi = Math.max(-clip, Math.min(clip, g.getAtIndex(D, e))) * scale;
            if (couples) {
                gi = gi + coupled * pi;
            }
            scratch.setAtIndex(D, i, gi);
        }
    }

    // ------------------------------------------------------------ float32 rules

    private static void sgd(MemorySegment p, MemorySegment g, long gShift, long from, long to,
            float alpha) {
        long i = from;
        for (long upper = from + FS.loopBound(to - from); i < upper; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(gi.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            float gi = g.get(F, i * 4 + gShift);
            p.setAtIndex(F, i, p.getAtIndex(F, i) + alpha * gi);
        }
    }

    private static void ema(MemorySegment p, MemorySegment g, long gShift, MemorySegment v,
            long from, long to, float mu, float oneMinus, float alpha) {
        long i = from;
        for (long upper = from + FS.loopBound(to - from); i < upper; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector vi = FloatVector.fromMemorySegment(FS, v, o, NATIVE).mul(mu)
                    .add(gi.mul(oneMinus));
            vi.intoMemorySegment(v, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(vi.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            float gi = g.get(F, i * 4 + gShift);
            float vi = v.getAtIndex(F, i) * mu + oneMinus * gi;
            v.setAtIndex(F, i, vi);
            p.setAtIndex(F, i, p.getAtIndex(F, i) + alpha * vi);
        }
    }

    private static void heavyBall(MemorySegment p, MemorySegment g, long gShift, MemorySegment v,
            long from, long to, float mu, float alpha) {
        long i = from;
        for (long upper = from + FS.loopBound(to - from); i < upper; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector vi = FloatVector.fromMemorySegment(FS, v, o, NATIVE).mul(mu).add(gi);
            vi.intoMemorySegment(v, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(vi.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            float gi = g.get(F, i * 4 + gShift);
            float vi = v.getAtIndex(F, i) * mu + gi;
            v.setAtIndex(F, i, vi);
            p.setAtIndex(F, i, p.getAtIndex(F, i) + alpha * vi);
        }
    }

    private static void nesterov(MemorySegment p, MemorySegment g, long gShift, MemorySegment v,
            long from, long to, float mu, float alpha) {
        long i = from;
        for (long upper = from + FS.loopBound(to - from); i < upper; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector vi = FloatVector.fromMemorySegment(FS, v, o, NATIVE).mul(mu).add(gi);
            vi.intoMemorySegment(v, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(gi.add(vi.mul(mu)).mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            float gi = g.get(F, i * 4 + gShift);
            float vi = v.getAtIndex(F, i) * mu + gi;
            v.setAtIndex(F, i, vi);
            p.setAtIndex(F, i, p.getAtIndex(F, i) + alpha * (gi + mu * vi));
        }
    }

    private static void rmsProp(MemorySegment p, MemorySegment g, long gShift, MemorySegment s,
            long from, long to, float rho, float oneMinus, float alpha, float eps) {
        long i = from;
        for (long upper = from + FS.loopBound(to - from); i < upper; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector si = FloatVector.fromMemorySegment(FS, s, o, NATIVE).mul(rho)
                    .add(gi.mul(oneMinus).mul(gi));
            si.intoMemorySegment(s, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE)
                    .add(gi.mul(alpha).div(si.sqrt().add(eps)))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            float gi = g.get(F, i * 4 + gShift);
            float si = s.getAtIndex(F, i) * rho + oneMinus * gi * gi;
            s.setAtIndex(F, i, si);
            p.setAtIndex(F, i, p.getAtIndex(F, i) + alpha * gi / ((float) Math.sqrt(si) + eps));
        }
    }

    private static void adam(MemorySegment p, MemorySegment g, long gShift, MemorySegment m,
            MemorySegment v, long from, long to, float b1, float b2, float c1, float c2,
            float negStep, float bc2Sqrt, float eps) {
        long i = from;
        for (long upper = from + FS.loopBound(to - from); i < upper; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector mi = FloatVector.fromMemorySegment(FS, m, o, NATIVE).mul(b1)
                    .add(gi.mul(c1));
            FloatVector vi = FloatVector.fromMemorySegment(FS, v, o, NATIVE).mul(b2)
                    .add(gi.mul(c2).mul(gi));
            mi.intoMemorySegment(m, o, NATIVE);
            vi.intoMemorySegment(v, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE)
                    .add(mi.mul(negStep).div(vi.sqrt().div(bc2Sqrt).add(eps)))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            float gi = g.get(F, i * 4 + gShift);
            float mi = m.getAtIndex(F, i) * b1 + c1 * gi;
            float vi = v.getAtIndex(F, i) * b2 + c2 * gi * gi;
            m.setAtIndex(F, i, mi);
            v.setAtIndex(F, i, vi);
            p.setAtIndex(F, i,
                    p.getAtIndex(F, i) + negStep * mi / ((float) Math.sqrt(vi) / bc2Sqrt + eps));
        }
    }

    // ------------------------------------------------------------ float64 rules

    private static void sgd(MemorySegment p, MemorySegment g, long gShift, long from, long to,
            double alpha) {
        long i = from;
        for (long upper = from + DS.loopBound(to - from); i < upper; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(gi.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            double gi = g.get(D, i * 8 + gShift);
            p.setAtIndex(D, i, p.getAtIndex(D, i) + alpha * gi);
        }
    }

    private static void ema(MemorySegment p, MemorySegment g, long gShift, MemorySegment v,
            long from, long to, double mu, double oneMinus, double alpha) {
        long i = from;
        for (long upper = from + DS.loopBound(to - from); i < upper; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector vi = DoubleVector.fromMemorySegment(DS, v, o, NATIVE).mul(mu)
                    .add(gi.mul(oneMinus));
            vi.intoMemorySegment(v, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(vi.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            double gi = g.get(D, i * 8 + gShift);
            double vi = v.getAtIndex(D, i) * mu + oneMinus * gi;
            v.setAtIndex(D, i, vi);
            p.setAtIndex(D, i, p.getAtIndex(D, i) + alpha * vi);
        }
    }

    private static void heavyBall(MemorySegment p, MemorySegment g, long gShift, MemorySegment v,
            long from, long to, double mu, double alpha) {
        long i = from;
        for (long upper = from + DS.loopBound(to - from); i < upper; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector vi = DoubleVector.fromMemorySegment(DS, v, o, NATIVE).mul(mu).add(gi);
            vi.intoMemorySegment(v, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(vi.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            double gi = g.get(D, i * 8 + gShift);
            double vi = v.getAtIndex(D, i) * mu + gi;
            v.setAtIndex(D, i, vi);
            p.setAtIndex(D, i, p.getAtIndex(D, i) + alpha * vi);
        }
    }

    private static void nesterov(MemorySegment p, MemorySegment g, long gShift, MemorySegment v,
            long from, long to, double mu, double alpha) {
        long i = from;
        for (long upper = from + DS.loopBound(to - from); i < upper; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector vi = DoubleVector.fromMemorySegment(DS, v, o, NATIVE).mul(mu).add(gi);
            vi.intoMemorySegment(v, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(gi.add(vi.mul(mu)).mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            double gi = g.get(D, i * 8 + gShift);
            double vi = v.getAtIndex(D, i) * mu + gi;
            v.setAtIndex(D, i, vi);
            p.setAtIndex(D, i, p.getAtIndex(D, i) + alpha * (gi + mu * vi));
        }
    }

    private static void rmsProp(MemorySegment p, MemorySegment g, long gShift, MemorySegment s,
            long from, long to, double rho, double oneMinus, double alpha, double eps) {
        long i = from;
        for (long upper = from + DS.loopBound(to - from); i < upper; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector si = DoubleVector.fromMemorySegment(DS, s, o, NATIVE).mul(rho)
                    .add(gi.mul(oneMinus).mul(gi));
            si.intoMemorySegment(s, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE)
                    .add(gi.mul(alpha).div(si.sqrt().add(eps)))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            double gi = g.get(D, i * 8 + gShift);
            double si = s.getAtIndex(D, i) * rho + oneMinus * gi * gi;
            s.setAtIndex(D, i, si);
            p.setAtIndex(D, i, p.getAtIndex(D, i) + alpha * gi / (Math.sqrt(si) + eps));
        }
    }

    private static void adam(MemorySegment p, MemorySegment g, long gShift, MemorySegment m,
            MemorySegment v, long from, long to, double b1, double b2, double c1, double c2,
            double negStep, double bc2Sqrt, double eps) {
        long i = from;
        for (long upper = from + DS.loopBound(to - from); i < upper; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector mi = DoubleVector.fromMemorySegment(DS, m, o, NATIVE).mul(b1)
                    .add(gi.mul(c1));
            DoubleVector vi = DoubleVector.fromMemorySegment(DS, v, o, NATIVE).mul(b2)
                    .add(gi.mul(c2).mul(gi));
            mi.intoMemorySegment(m, o, NATIVE);
            vi.intoMemorySegment(v, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE)
                    .add(mi.mul(negStep).div(vi.sqrt().div(bc2Sqrt).add(eps)))
                    .intoMemorySegment(p, o, NATIVE);
        }
        for (; i < to; i++) {
            double gi = g.get(D, i * 8 + gShift);
            double mi = m.getAtIndex(D, i) * b1 + c1 * gi;
            double vi = v.getAtIndex(D, i) * b2 + c2 * gi * gi;
            m.setAtIndex(D, i, mi);
            v.setAtIndex(D, i, vi);
            p.setAtIndex(D, i, p.getAtIndex(D, i) + negStep * mi / (Math.sqrt(vi) / bc2Sqrt + eps));
        }
    }
}
