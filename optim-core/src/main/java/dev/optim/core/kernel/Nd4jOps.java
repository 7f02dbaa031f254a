package dev.optim.core.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.clip.ClipByValue;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Max;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What an {@link UpdateRule}'s ND4J-ops form works with on the {@code nd4j} tier: preallocated
 * scalar arrays for its coefficients (broadcast by the pair-wise ops) and scratch arrays shaped
 * like the parameters, made on first use and kept, so that a step allocates no INDArray; and
 * the element-wise functions that {@link INDArray} has no in-place method for.
 *
 * <p>Each function gives the bits of its {@link Math} counterpart in the plain loops, except
 * where it says otherwise (only for NaN and signed zeros).
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
    /** The power of two of {@link #signum}. */
    private INDArray lift;

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

    /**
     * {@code out ← max(x, y)}, element-wise, as ND4J computes it: {@code x > y ? x : y}. This is
     * {@link Math#max(double, double)} except where {@code x} is NaN (then {@code y}, where
     * Java gives NaN) and for {@code max(+0, −0)} ({@code −0}, where Java gives {@code +0}).
     *
     * @param x the first input
     * @param y the second input, shaped like {@code x}
     * @param out the output, shaped like {@code x}; may be {@code x} or {@code y}
     * @return {@code out}
     */
    public INDArray max(INDArray x, INDArray y, INDArray out) {
        Nd4j.getExecutioner().exec(new Max(x, y, out));
        return out;
    }

    /**
     * {@code out ← |x|}, element-wise ({@link Math#abs(double)} exactly).
     *
     * @param x the input
     * @param out the output, shaped like {@code x}; may be {@code x}
     * @return {@code out}
     */
    public INDArray abs(INDArray x, INDArray out) {
        Nd4j.getExecutioner().exec(new Abs(x, out));
        return out;
    }

    /**
     * {@code out ← signum(x)}, element-wise, {@link Math#signum(double)} exactly (±0 and NaN
     * kept, ±∞ to ±1). ND4J's own {@code Sign} maps NaN to 0 and −0 to +0; this is
     * {@code clip(x·2^k·2^k, −1, 1)} instead, with {@code 2^k} = 2^100 (float32) or 2^600
     * (float64): the products are exact, lift the least subnormal above 1, keep the signs of
     * zeros and NaN, and the clip keeps NaN.
     *
     * @param x the input
     * @param out the output, shaped like {@code x}; may be {@code x}
     * @return {@code out}
     */
    public INDArray signum(INDArray x, INDArray out) {
        if (lift == null) {
            lift = Nd4j.scalar(type, type == DataType.DOUBLE ? 0x1p600 : 0x1p100);
        }
        x.muli(lift, out);
        out.muli(lift);
        ClipByValue clip = new ClipByValue(out, -1, 1);
        clip.addOutputArgument(out);
        Nd4j.exec(clip);
        return out;
    }

    /**
     * An exponential moving average in place, {@code x ← x·decay + weight·g}, as the plain
     * loops compute it ({@code x[i]*decay + weight*g[i]}, two roundings and a sum); scratch
     * array 0 holds {@code weight·g} afterwards.
     *
     * @param x the average, updated in place
     * @param g the new value, shaped like {@code x}
     * @param decay a scalar slot holding the decay (β)
     * @param weight a scalar slot holding the new value's weight (usually 1 − β)
     */
    public void ema(INDArray x, INDArray g, INDArray decay, INDArray weight) {
        INDArray a = scratch(0);
        x.muli(decay);
        g.muli(weight, a);
        x.addi(a);
    }

    /**
     * An exponential moving average of squares in place, {@code x ← x·decay + (weight·g)·g}, as
     * the plain loops compute it; scratch array 0 holds {@code (weight·g)·g} afterwards.
     *
     * @param x the average of squares, updated in place
     * @param g the new value, shaped like {@code x}
     * @param decay a scalar slot holding the decay (β)
     * @param weight a scalar slot holding the new square's weight (usually 1 − β)
     */
    public void emaOfSquares(INDArray x, INDArray g, INDArray decay, INDArray weight) {
        INDArray a = scratch(0);
        x.muli(decay);
        g.muli(weight, a);
        a.muli(g);
        x.addi(a);
    }
}
