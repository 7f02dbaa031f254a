package dev.optim.core.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Byte views of the host memory of a state's buffers and of the parameters and gradient of the
 * current step. The views of the parameters and the gradient are kept between steps and reused
 * while the same array objects come back with the same data buffer and shape information, so
 * that a step allocates nothing. Each view covers exactly the array's elements, in native byte
 * order; the arrays are dense (checked by the caller), so element {@code i} of the view is
 * element {@code i} of the array in its memory order.
 */
final class HostBinding {

    final int length;
    final int width;
    final INDArray[] state;
    final ByteBuffer[] stateBytes;

    private INDArray params;
    private DataBuffer paramsData;
    private long[] paramsInfo;
    ByteBuffer paramsBytes;

    private INDArray gradient;
    private DataBuffer gradientData;
    private long[] gradientInfo;
    ByteBuffer gradientBytes;

    HostBinding(INDArray[] state, int length, int width) {
        this.length = length;
        this.width = width;
        this.state = state.clone();
        this.stateBytes = new ByteBuffer[state.length];
        for (int b = 0; b < state.length; b++) {
            stateBytes[b] = bytes(state[b]);
        }
    }

    boolean bound(INDArray p, INDArray g) {
        return p == params && p.data() == paramsData && p.shapeInfoJava() == paramsInfo
                && g == gradient && g.data() == gradientData && g.shapeInfoJava() == gradientInfo;
    }

    /** Binds the arrays of a step; returns true if a view changed. */
    boolean bind(INDArray p, INDArray g) {
        if (p.wasClosed()) {
            throw new IllegalArgumentException("params was closed");
        }
        if (g.wasClosed()) {
            throw new IllegalArgumentException("gradient was closed");
        }
        boolean changed = false;
        if (!(p == params && p.data() == paramsData && p.shapeInfoJava() == paramsInfo)) {
            paramsBytes = bytes(p);
            params = p;
            paramsData = p.data();
            paramsInfo = p.shapeInfoJava();
            changed = true;
        }
        if (!(g == gradient && g.data() == gradientData && g.shapeInfoJava() == gradientInfo)) {
            gradientBytes = bytes(g);
            gradient = g;
            gradientData = g.data();
            gradientInfo = g.shapeInfoJava();
            changed = true;
        }
        AffinityManager affinity = Nd4j.getAffinityManager();
        affinity.ensureLocation(p, AffinityManager.Location.HOST);
        affinity.ensureLocation(g, AffinityManager.Location.HOST);
        for (INDArray s : state) {
            affinity.ensureLocation(s, AffinityManager.Location.HOST);
        }
        return changed;
    }

    /** Marks the parameters and the state as written on the host. */
    void finish() {
        AffinityManager affinity = Nd4j.getAffinityManager();
        affinity.tagLocation(params, AffinityManager.Location.HOST);
        for (INDArray s : state) {
            affinity.tagLocation(s, AffinityManager.Location.HOST);
        }
    }

    /** The array's elements as bytes in native order, from its first element to its last. */
    private ByteBuffer bytes(INDArray a) {
        ByteBuffer all = a.data().asNio();
        long from = a.offset() * width;
        long count = a.length() * width;
        if (from < 0 || from + count > all.capacity()) {
            throw new IllegalArgumentException("array memory [" + from + ", " + (from + count)
                    + ") lies outside its buffer of " + all.capacity() + " bytes");
        }
        return all.slice(Math.toIntExact(from), Math.toIntExact(count))
                .order(ByteOrder.nativeOrder());
    }
}
