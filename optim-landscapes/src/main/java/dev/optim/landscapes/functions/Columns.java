package dev.optim.landscapes.functions;

import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The building blocks that the scalar and the batched form of a landscape share, each in a
 * {@code double} version and a column ({@code INDArray} of DOUBLE, shape {@code [K]}) version
 * that give bit-identical results.
 *
 * <p>Arithmetic ({@code + − × ÷}), {@code sqrt}, {@code abs} and comparisons are ND4J ops: they
 * are correctly rounded, as Java's are. The transcendental functions are not: ND4J's native
 * {@code sin}, {@code cos}, {@code exp} and {@code pow} (the C library's) differ from Java's in the
 * last bit for a few arguments in a thousand. So both forms use {@link StrictMath} for them (the
 * column version in one pass over the column's values), which makes the batch equal the scalar
 * path exactly and both reproducible on every JVM and platform.
 */
final class Columns {

    private Columns() {}

    /** {@code sin} of each element, with {@link StrictMath#sin}. */
    static INDArray sin(INDArray c) {
        return map(c, StrictMath::sin);
    }

    /** {@code cos} of each element, with {@link StrictMath#cos}. */
    static INDArray cos(INDArray c) {
        return map(c, StrictMath::cos);
    }

    /** {@code exp} of each element, with {@link StrictMath#exp}. */
    static INDArray exp(INDArray c) {
        return map(c, StrictMath::exp);
    }

    /** {@code c^e} for each element, with {@link StrictMath#pow}. */
    static INDArray pow(INDArray c, double e) {
        return map(c, v -> StrictMath.pow(v, e));
    }

    /** {@code √c}, correctly rounded (as {@link Math#sqrt}). */
    static INDArray sqrt(INDArray c) {
        return Transforms.sqrt(c, true);
    }

    /** {@code |c|}. */
    static INDArray abs(INDArray c) {
        return Transforms.abs(c, true);
    }

    /** The sign of each element: −1, 0 or 1 (as {@link #sign(double)}). */
    static INDArray sign(INDArray c) {
        return c.gt(0.0).castTo(DataType.DOUBLE).subi(c.lt(0.0).castTo(DataType.DOUBLE));
    }

    /**
     * The sign, with {@code sign(0) = 0}: across a kink of {@code |u|} this gives the mean of the
     * two one-sided derivatives.
     */
    static double sign(double v) {
        return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0);
    }

    /** A column of {@code k} copies of {@code value}. */
    static INDArray filled(long k, double value) {
        return Nd4j.valueArrayOf(new long[] {k}, value, DataType.DOUBLE);
    }

    /**
     * {@code d√|u|/du = sign(u) / (2√|u|)}, given {@code p = √|u|}; {@code 0} at {@code u = 0},
     * where the one-sided derivatives are infinite.
     */
    static double dSqrtAbs(double u, double p) {
        return u == 0 ? 0.0 : sign(u) / (2 * p);
    }

    /** The column version of {@link #dSqrtAbs(double, double)}. */
    static INDArray dSqrtAbs(INDArray u, INDArray p) {
        // Where u = 0: sign 0 over 2·(0 + 1); elsewhere: sign over 2·(p + 0), the same as 2·p.
        INDArray safe = p.add(isZero(p)).muli(2);
        return sign(u).divi(safe);
    }

    /** {@code 1/r}, or {@code 0} at {@code r = 0}. */
    static double inverseOrZero(double r) {
        return r == 0 ? 0.0 : 1 / r;
    }

    /** The column version of {@link #inverseOrZero(double)}. */
    static INDArray inverseOrZero(INDArray r) {
        INDArray zero = isZero(r);
        return r.add(zero).rdivi(1).muli(zero.rsubi(1));
    }

    /** 1 where {@code c == 0}, else 0. */
    static INDArray isZero(INDArray c) {
        return c.eq(0.0).castTo(DataType.DOUBLE);
    }

    private static INDArray map(INDArray c, DoubleUnaryOperator f) {
        double[] v = c.toDoubleVector();
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        return Nd4j.createFromArray(v);
    }
}
