package dev.optim.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
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
        if (!Shape.hasDefaultStridesForShape(a) && a.length() > 1) {
            throw new IllegalArgumentException(name + " must be a dense array (default strides "
                    + "for its ordering), got shape " + Arrays.toString(a.shape()) + " with strides "
                    + Arrays.toString(a.stride()) + "; pass a.dup() instead of a strided view");
        }
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
