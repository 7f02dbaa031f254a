package dev.optim.core.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What an {@link UpdateRule}'s ND4J-ops form works with on the {@code nd4j} tier: preallocated
 * scalar arrays for its coefficients (broadcast by the pair-wise ops) and scratch arrays shaped
 * like the parameters, made on first use and kept, so that a step allocates no INDArray.
 */
public final class Nd4jOps {

    /** The number of scalar slots a rule may use. */
    public static final int SCALARS = 16;
    /** The number of scratch arrays a rule may use. */
    public static final int SCRATCH = 4;

    private final DataType type;
    private final INDArray[] scalars = new INDArray[SCALARS];
    private final INDArray[] scratch = new INDArray[SCRATCH];
    private INDArray like;

    Nd4jOps(DataType type) {
        this.type = type;
    }

    /** Sets the arrays that scratch arrays are shaped like. */
    void like(INDArray params) {
        this.like = params;
    }

    /**
     * Scalar slot {@code i}, set to {@code value} (cast to the parameters' data type).
     *
     * @param i the slot, in {@code [0, }{@value #SCALARS}{@code )}
     * @param value the value
     * @return the scalar array
     */
    public INDArray scalar(int i, double value) {
        INDArray k = scalars[i];
        if (k == null) {
            k = Nd4j.scalar(type, 0.0);
            scalars[i] = k;
        }
        k.putScalar(0, value);
        return k;
    }

    /**
     * Scratch array {@code i}, shaped like the parameters; its contents are undefined.
     *
     * @param i the index, in {@code [0, }{@value #SCRATCH}{@code )}
     * @return the scratch array
     */
    public INDArray scratch(int i) {
        INDArray a = scratch[i];
        if (a == null) {
            a = like.ulike();
            scratch[i] = a;
        }
        return a;
    }

    /**
     * {@code out ← √x}, element-wise.
     *
     * @param x the input
     * @param out the output, shaped like {@code x}; may be {@code x}
     * @return {@code out}
     */
    public INDArray sqrt(INDArray x, INDArray out) {
        Nd4j.getExecutioner().exec(new Sqrt(x, out));
        return out;
    }
}
