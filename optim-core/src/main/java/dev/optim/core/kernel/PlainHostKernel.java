package dev.optim.core.kernel;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The plain tier over an INDArray's host memory. C2 does not vectorise loops over several
 * direct buffers (it cannot prove that they do not overlap), so each chunk is copied into
 * scratch arrays with bulk NIO transfers, updated there by the rule's vectorised plain loops,
 * and copied back: about twice as fast as indexed buffer loops for Adam on JDK 17 and 25.
 * Also the scalar path of the other host tiers (the SIMD tier's tails and finiteness checks,
 * the ND4J tier's rules without ND4J ops), over the same {@link HostBinding}.
 */
final class PlainHostKernel extends ChunkedKernel {

    private final HostBinding host;
    private final FloatBuffer[] fv;
    private final DoubleBuffer[] dv;
    private ByteBuffer paramsBytes;
    private ByteBuffer gradientBytes;

    PlainHostKernel(UpdateRule rule, HostBinding host, boolean isFloat) {
        super(rule, host.state.length, host.length, isFloat);
        this.host = host;
        int views = 2 + host.state.length;
        this.fv = isFloat ? new FloatBuffer[views] : null;
        this.dv = isFloat ? null : new DoubleBuffer[views];
        for (int b = 0; b < host.state.length; b++) {
            ByteBuffer bytes = host.stateBytes[b];
            if (isFloat) {
                fv[2 + b] = bytes.asFloatBuffer();
            } else {
                dv[2 + b] = bytes.asDoubleBuffer();
            }
        }
    }

    @Override
    public boolean bound(INDArray params, INDArray gradient) {
        return host.bound(params, gradient);
    }

    @Override
    public void bind(INDArray params, INDArray gradient) {
        host.bind(params, gradient);
        views();
    }

    /** Refreshes the views of θ and g after the host binding changed (also by another kernel). */
    void views() {
        if (host.paramsBytes != paramsBytes || host.gradientBytes != gradientBytes) {
            paramsBytes = host.paramsBytes;
            gradientBytes = host.gradientBytes;
            if (isFloat) {
                fv[0] = paramsBytes.asFloatBuffer();
                fv[1] = gradientBytes.asFloatBuffer();
            } else {
                dv[0] = paramsBytes.asDoubleBuffer();
                dv[1] = gradientBytes.asDoubleBuffer();
            }
        }
    }

    @Override
    public void finish() {
        host.finish();
    }

    @Override
    public double gradientNorm() {
        double sum = 0;
        int n = (int) length();
        if (isFloat) {
            FloatBuffer g = fv[1];
            for (int i = 0; i < n; i++) {
                double v = g.get(i);
                sum += v * v;
            }
        } else {
            DoubleBuffer g = dv[1];
            for (int i = 0; i < n; i++) {
                double v = g.get(i);
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    @Override
    void load(int off, int len, Scratch s) {
        if (isFloat) {
            fv[0].get(off, s.pf, 0, len);
            fv[1].get(off, s.gf, 0, len);
            for (int b = 0; b < buffers; b++) {
                fv[2 + b].get(off, s.sf[b], 0, len);
            }
        } else {
            dv[0].get(off, s.pd, 0, len);
            dv[1].get(off, s.gd, 0, len);
            for (int b = 0; b < buffers; b++) {
                dv[2 + b].get(off, s.sd[b], 0, len);
            }
        }
    }

    @Override
    void store(int off, int len, Scratch s) {
        if (isFloat) {
            fv[0].put(off, s.pf, 0, len);
            for (int b = 0; b < buffers; b++) {
                fv[2 + b].put(off, s.sf[b], 0, len);
            }
        } else {
            dv[0].put(off, s.pd, 0, len);
            for (int b = 0; b < buffers; b++) {
                dv[2 + b].put(off, s.sd[b], 0, len);
            }
        }
    }
}
