package dev.optim.core;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layout checks for the kernels that walk an INDArray's host memory linearly. An array is
 * dense when its elements fill one run of memory in row-major ('c') or column-major ('f')
 * order, judged from its shape and strides (dimensions of size 1 do not count, so a {@code [1,
 * n]} row made by {@code reshape} is dense whatever strides ND4J gave that dimension). A strided
 * view such as a column of a row-major matrix is refused with a message, never updated wrongly.
 *
 * <p>It also decides whether two arrays share memory ({@link #overlap}), for the checks that
 * refuse an output aliasing an input.
 */
final class HostMemory {

    /** Dense in row-major order only. */
    static final char C = 'c';
    /** Dense in column-major order only. */
    static final char F = 'f';
    /** Dense in both orders: at most one dimension exceeds 1. */
    static final char VECTOR = 'v';
    /** Not dense. */
    static final char STRIDED = 0;

    private HostMemory() {}

    /** The memory layout of {@code a}: {@link #C}, {@link #F}, {@link #VECTOR} or {@link #STRIDED}. */
    static char layout(INDArray a) {
        long[] shape = a.shape();
        long[] stride = a.stride();
        boolean c = true;
        long expected = 1;
        for (int k = shape.length - 1; k >= 0; k--) {
            if (shape[k] != 1) {
                c &= stride[k] == expected;
                expected *= shape[k];
            }
        }
        boolean f = true;
        expected = 1;
        for (int k = 0; k < shape.length; k++) {
            if (shape[k] != 1) {
                f &= stride[k] == expected;
                expected *= shape[k];
            }
        }
        return c && f ? VECTOR : c ? C : f ? F : STRIDED;
    }

    /** Whether the elements of {@code a} fill one run of memory, in 'c' or 'f' order. */
    static boolean isDense(INDArray a) {
        return layout(a) != STRIDED;
    }

    /** Refuses arrays whose elements are not one dense run of memory. */
    static void requireDense(String name, INDArray a) {
        if (layout(a) == STRIDED) {
            throw new IllegalArgumentException(name + " must be a dense array (its elements one "
                    + "run of memory in 'c' or 'f' order), got shape " + Arrays.toString(a.shape())
                    + " with strides " + Arrays.toString(a.stride())
                    + "; pass a.dup() instead of a strided view");
        }
    }

    /**
     * Refuses a pair of dense arrays of one shape whose elements lie in memory in different
     * orders.
     */
    static void requireSameLayout(String nameA, INDArray a, String nameB, INDArray b) {
        char la = layout(a);
        char lb = layout(b);
        if (la != lb && la != VECTOR && lb != VECTOR) {
            throw new IllegalArgumentException(nameB + " must have the memory ordering of " + nameA
                    + " ('" + la + "'), got '" + lb + "'; pass " + nameB + ".dup('" + la + "')");
        }
    }

    /**
     * Whether the memory spans of {@code a} and {@code b} intersect: the same array, or views of
     * one buffer whose byte ranges (from the lowest to the highest element, strides included)
     * meet. Two strided views that interleave without sharing an element count as overlapping:
     * the check is on ranges, which is what a linear kernel walks. Allocates nothing.
     */
    static boolean overlap(INDArray a, INDArray b) {
        if (a == b) {
            return true;
        }
        if (a.isEmpty() || b.isEmpty() || a.length() == 0 || b.length() == 0) {
            return false;
        }
        DataBuffer da = a.data();
        DataBuffer db = b.data();
        long baseA;
        long baseB;
        long addressA = da.address();
        long addressB = db.address();
        if (addressA != 0 && addressB != 0) {
            // Host memory: compare absolute addresses (views report their root's address).
            baseA = addressA;
            baseB = addressB;
        } else if (root(da) == root(db)) {
            baseA = 0;
            baseB = 0;
        } else {
            return false;
        }
        long widthA = da.getElementSize();
        long widthB = db.getElementSize();
        long loA = baseA + (a.offset() + lowest(a)) * widthA;
        long hiA = baseA + (a.offset() + highest(a) + 1) * widthA;
        long loB = baseB + (b.offset() + lowest(b)) * widthB;
        long hiB = baseB + (b.offset() + highest(b) + 1) * widthB;
        return loA < hiB && loB < hiA;
    }

    private static DataBuffer root(DataBuffer d) {
        DataBuffer r = d;
        while (r.originalDataBuffer() != null && r.originalDataBuffer() != r) {
            r = r.originalDataBuffer();
        }
        return r;
    }

    /** The smallest element offset from the array's first element: the negative strides' sum. */
    private static long lowest(INDArray a) {
        long[] shape = a.shape();
        long[] stride = a.stride();
        long lo = 0;
        for (int k = 0; k < shape.length; k++) {
            if (stride[k] < 0) {
                lo += (shape[k] - 1) * stride[k];
            }
        }
        return lo;
    }

    /** The largest element offset from the array's first element: the positive strides' sum. */
    private static long highest(INDArray a) {
        long[] shape = a.shape();
        long[] stride = a.stride();
        long hi = 0;
        for (int k = 0; k < shape.length; k++) {
            if (stride[k] > 0) {
                hi += (shape[k] - 1) * stride[k];
            }
        }
        return hi;
    }
}
