package dev.optim.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Views of an INDArray's host memory as NIO buffers, for fused update loops. Only dense arrays
 * (default strides for their ordering, any offset) are viewed; a strided view such as a column of
 * a row-major matrix is refused with a message, never updated wrongly.
 */
final class HostMemory {

    private HostMemory() {}

    /** Refuses arrays whose elements are not one dense run of memory. */
    static void requireDense(String name, INDArray a) {
        if (!isDense(a)) {
            throw new IllegalArgumentException(name + " must be a dense array (default strides "
                    + "for its ordering), got shape " + Arrays.toString(a.shape()) + " with strides "
                    + Arrays.toString(a.stride()) + "; pass a.dup() instead of a strided view");
        }
    }

    /**
     * Whether the elements fill one run of memory in the array's ordering: walking the
     * dimensions from the fastest-varying ('c': last, 'f': first), each stride is the product of
     * the sizes before it. Unit dimensions are skipped, since their strides are never used and
     * ND4J does not normalise them (a fresh {@code [2, 1, 3]} array has strides
     * {@code [3, 3, 1]}, which {@code Shape.hasDefaultStridesForShape} rejects).
     */
    static boolean isDense(INDArray a) {
        long[] shape = a.shape();
        long[] stride = a.stride();
        boolean c = a.ordering() == 'c';
        long expected = 1;
        for (int k = 0; k < shape.length; k++) {
            int d = c ? shape.length - 1 - k : k;
            if (shape[d] == 1) {
                continue;
            }
            if (stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** Refuses a pair whose memory orders differ (unless one dimension holds all elements). */
    static void requireSameLayout(String nameA, INDArray a, String nameB, INDArray b) {
        if (a.ordering() != b.ordering() && !isVectorLike(a)) {
            throw new IllegalArgumentException(nameB + " must have the memory ordering of "
                    + nameA + " ('" + a.ordering() + "'), got '" + b.ordering() + "'");
        }
    }

    private static boolean isVectorLike(INDArray a) {
        long nonUnit = Arrays.stream(a.shape()).filter(s -> s != 1).count();
        return nonUnit <= 1;
    }

    /** Makes the host copy current before it is read or written (a no-op on the CPU backend). */
    static void toHost(INDArray a) {
        Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
    }

    /** Marks the host copy as the newest after it was written (a no-op on the CPU backend). */
    static void hostWritten(INDArray a) {
        Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);
    }

    static DoubleBuffer doubles(INDArray a) {
        ByteBuffer bytes = a.data().asNio().order(ByteOrder.nativeOrder());
        int offset = Math.toIntExact(a.offset());
        DoubleBuffer all = bytes.asDoubleBuffer();
        all.position(offset).limit(offset + Math.toIntExact(a.length()));
        return all.slice();
    }

    static FloatBuffer floats(INDArray a) {
        ByteBuffer bytes = a.data().asNio().order(ByteOrder.nativeOrder());
        int offset = Math.toIntExact(a.offset());
        FloatBuffer all = bytes.asFloatBuffer();
        all.position(offset).limit(offset + Math.toIntExact(a.length()));
        return all.slice();
    }
}
