package dev.optim.core.kernel;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The plain tier over an INDArray's host memory. C2 does not vectorise loops over several
 * direct buffers (it cannot prove that they do not overlap), so each chunk is copied into
 * scratch arrays with bulk NIO transfers, updated there by the vectorised {@link PlainLoops},
 * and copied back: about twice as fast as indexed buffer loops for Adam on JDK 17 and 25.
 */
final class PlainHostKernel extends ChunkedKernel {

    private final HostBinding host;
    private final FloatBuffer[] fv;
    private final DoubleBuffer[] dv;

    PlainHostKernel(HostBinding host, boolean isFloat) {
        super(host.length, isFloat, host.state.length);
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
        if (host.bind(params, gradient)) {
            if (isFloat) {
                fv[0] = host.paramsBytes.asFloatBuffer();
                fv[1] = host.gradientBytes.asFloatBuffer();
            } else {
                dv[0] = host.paramsBytes.asDoubleBuffer();
                dv[1] = host.gradientBytes.asDoubleBuffer();
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
    void load(int off, int len) {
        if (isFloat) {
            for (int b = 0; b < fv.length; b++) {
                fv[b].get(off, f[b], 0, len);
            }
        } else {
            for (int b = 0; b < dv.length; b++) {
                dv[b].get(off, d[b], 0, len);
            }
        }
    }

    @Override
    void store(int off, int len) {
        if (isFloat) {
            fv[0].put(off, f[0], 0, len);
            for (int b = 2; b < fv.length; b++) {
                fv[b].put(off, f[b], 0, len);
            }
        } else {
            dv[0].put(off, d[0], 0, len);
            for (int b = 2; b < dv.length; b++) {
                dv[b].put(off, d[b], 0, len);
            }
        }
    }
}
