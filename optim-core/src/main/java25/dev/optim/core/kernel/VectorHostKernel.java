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
 * The SIMD tier: the rule's {@link VectorRule} companion over the host memory of the
 * parameters, the gradient and the state, read and written in place as {@link MemorySegment}s;
 * the scalar tails and the finiteness checks run the rule's plain loops through a
 * {@link PlainHostKernel} over the same memory. With a gradient preparation, each chunk's
 * prepared gradient goes to a scratch segment first, then the rule runs over the chunk.
 */
final class VectorHostKernel extends Kernel {

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

    private final HostBinding host;
    private final VectorRule vector;
    private final PlainHostKernel plain;
    private final boolean isFloat;
    private final long n;
    private final long width;
    private MemorySegment p;
    private MemorySegment g;
    private final MemorySegment[] s;

    VectorHostKernel(UpdateRule rule, VectorRule vector, HostBinding host, boolean isFloat) {
        super(rule, host.state.length, host.length);
        this.host = host;
        this.vector = vector;
        this.plain = new PlainHostKernel(rule, host, isFloat);
        this.isFloat = isFloat;
        this.n = host.length;
        this.width = host.width;
        this.s = new MemorySegment[host.stateBytes.length];
        for (int b = 0; b < s.length; b++) {
            s[b] = MemorySegment.ofBuffer(host.stateBytes[b]);
        }
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
            plain.views();
        }
    }

    @Override
    public void prepare(double clip, double scale, double coupled, double decay) {
        super.prepare(clip, scale, coupled, decay);
        plain.prepare(clip, scale, coupled, decay);
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

    @Override
    public boolean finite(long from, long to, Scratch scratch) {
        return plain.finite(from, to, scratch);
    }

    @Override
    public void run(long from, long to, Scratch scratch) {
        checkRange(from, to);
        long lanes = isFloat ? FS.length() : DS.length();
        if (!prepares) {
            long body = from + (to - from) / lanes * lanes;
            if (body > from) {
                apply(g, 0, from, body);
            }
            if (body < to) {
                plain.chunks((int) body, (int) to, scratch);
            }
            return;
        }
        MemorySegment prepared = (MemorySegment) scratch.segment;
        if (prepared == null) {
            prepared = Arena.ofAuto().allocate(CHUNK * 8L, 64);
            scratch.segment = prepared;
        }
        for (long off = from; off < to; off += CHUNK) {
            long len = Math.min(CHUNK, to - off);
            long body = len / lanes * lanes;
            if (body > 0) {
                if (isFloat) {
                    prepareFloat(prepared, off, body);
                } else {
                    prepareDouble(prepared, off, body);
                }
                apply(prepared, -off * width, off, off + body);
            }
            if (body < len) {
                plain.chunks((int) (off + body), (int) (off + len), scratch);
            }
        }
    }

    private void apply(MemorySegment gs, long gShift, long from, long to) {
        if (isFloat) {
            vector.applyFloat(p, gs, gShift, s, from, to);
        } else {
            vector.applyDouble(p, gs, gShift, s, from, to);
        }
    }

    // ------------------------------------------------------------ preparation, whole vectors

    /**
     * Writes the prepared gradient of elements [off, off + len) to the scratch segment and
     * decays those parameters in place; {@code len} is a multiple of the species length.
     * Clipping and scaling run always, with +∞ and 1 as exact neutral values; coupling only
     * where it is on (0·θ is not neutral for non-finite θ).
     */
    private void prepareFloat(MemorySegment scratch, long off, long len) {
        float clip = (float) this.clip;
        float scale = (float) this.scale;
        float coupled = (float) this.coupled;
        float decay = (float) this.decay;
        boolean decays = this.decays;
        if (couples) {
            for (long i = 0; i < len; i += FS.length()) {
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
            for (long i = 0; i < len; i += FS.length()) {
                long o = (off + i) * 4;
                if (decays) {
                    FloatVector.fromMemorySegment(FS, p, o, NATIVE).mul(decay)
                            .intoMemorySegment(p, o, NATIVE);
                }
                FloatVector.fromMemorySegment(FS, g, o, NATIVE).min(clip).max(-clip).mul(scale)
                        .intoMemorySegment(scratch, i * 4, NATIVE);
            }
        }
    }

    /** As {@link #prepareFloat}, in float64. */
    private void prepareDouble(MemorySegment scratch, long off, long len) {
        double clip = this.clip;
        double scale = this.scale;
        double coupled = this.coupled;
        double decay = this.decay;
        boolean decays = this.decays;
        if (couples) {
            for (long i = 0; i < len; i += DS.length()) {
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
            for (long i = 0; i < len; i += DS.length()) {
                long o = (off + i) * 8;
                if (decays) {
                    DoubleVector.fromMemorySegment(DS, p, o, NATIVE).mul(decay)
                            .intoMemorySegment(p, o, NATIVE);
                }
                DoubleVector.fromMemorySegment(DS, g, o, NATIVE).min(clip).max(-clip).mul(scale)
                        .intoMemorySegment(scratch, i * 8, NATIVE);
            }
        }
    }
}
