package dev.optim.core.params;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks of the tensors a set holds: floating point, dense, one data type. */
final class Layouts {

    private Layouts() {}

    /** 'c', 'f', 'v' (both: a vector or a single element), or 0 for a strided view. */
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
        return c && f ? 'v' : c ? 'c' : f ? 'f' : 0;
    }

    /** Requires a non-empty, dense, FLOAT or DOUBLE array; {@code what} names it. */
    static INDArray tensor(String what, INDArray a) {
        if (a == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (a.wasClosed()) {
            throw new IllegalArgumentException(what + " was closed");
        }
        DataType t = a.dataType();
        if (t != DataType.FLOAT && t != DataType.DOUBLE) {
            throw new IllegalArgumentException(what + " must be FLOAT or DOUBLE, got " + t);
        }
        if (a.isEmpty() || a.length() == 0) {
            throw new IllegalArgumentException(what + " must not be empty, got shape "
                    + Arrays.toString(a.shape()));
        }
        if (layout(a) == 0) {
            throw new IllegalArgumentException(what + " must be a dense array (its elements one "
                    + "run of memory in 'c' or 'f' order), got shape " + Arrays.toString(a.shape())
                    + " with strides " + Arrays.toString(a.stride()) + "; pass a.dup() instead");
        }
        return a;
    }

    /** Whether two dense arrays share memory: same data buffer and overlapping ranges. */
    static boolean overlap(INDArray a, INDArray b) {
        if (a == b) {
            return true;
        }
        if (a.data() != b.data() && a.data().address() != b.data().address()) {
            return false;
        }
        long a0 = a.offset();
        long b0 = b.offset();
        return a0 < b0 + b.length() && b0 < a0 + a.length();
    }
}
