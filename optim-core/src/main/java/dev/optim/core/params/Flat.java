package dev.optim.core.params;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Views into a flat buffer. */
final class Flat {

    private Flat() {}

    /** A 'c'-order view of {@code shape} at element {@code offset} of {@code buffer}. */
    static INDArray view(INDArray buffer, long offset, long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int k = shape.length - 1; k >= 0; k--) {
            stride[k] = s;
            s *= shape[k];
        }
        INDArray view = Nd4j.create(buffer.data(), shape.clone(), stride, buffer.offset() + offset,
                'c');
        if (view.data().address() != buffer.data().address()
                || view.offset() != buffer.offset() + offset) {
            throw new IllegalStateException("ND4J made a copy, not a view, of a flat buffer");
        }
        return view;
    }
}
