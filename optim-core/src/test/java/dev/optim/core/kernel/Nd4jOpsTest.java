package dev.optim.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The element-wise functions of {@link Nd4jOps} against {@link Math}, bit for bit, over the
 * special values (±0, ±∞, NaN, the least and largest subnormals and normals) and random values,
 * in float32 and float64, computed in place and out of place: {@code signum} and {@code abs}
 * exactly, {@code max} as documented ({@code x > y ? x : y}, which is {@link Math#max} except
 * for a NaN {@code x} and {@code max(+0, −0)}).
 */
class Nd4jOpsTest {

    private static double[] values(DataType type) {
        List<Double> v = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.5, -3.0,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN));
        if (type == DataType.FLOAT) {
            for (float f : new float[] {Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
                    Math.nextDown(Float.MIN_NORMAL)}) {
                v.add((double) f);
                v.add((double) -f);
            }
        } else {
            for (double d : new double[] {Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
                    Math.nextDown(Double.MIN_NORMAL)}) {
                v.add(d);
                v.add(-d);
            }
        }
        Random rnd = new Random(5);
        for (int i = 0; i < 200; i++) {
            v.add(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(60) - 30));
        }
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = type == DataType.FLOAT ? (float) (double) v.get(i) : v.get(i);
        }
        return a;
    }

    private static long bits(DataType type, double v) {
        return type == DataType.FLOAT ? Float.floatToRawIntBits((float) v)
                : Double.doubleToRawLongBits(v);
    }

    private static void assertBits(DataType type, double want, double got, String what) {
        assertEquals(bits(type, want), bits(type, got), what + ": want " + want + ", got " + got);
    }

    @Test
    void signumAndAbsAreMathsBitForBit() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double[] v = values(type);
            INDArray x = Nd4j.createFromArray(v).castTo(type);
            Nd4jOps ops = new Nd4jOps(type);
            INDArray out = x.ulike();
            ops.signum(x, out);
            INDArray abs = ops.abs(x, x.ulike());
            INDArray inPlace = ops.signum(x.dup(), x.dup());
            INDArray same = x.dup();
            ops.signum(same, same);
            for (int i = 0; i < v.length; i++) {
                String what = type + " signum(" + v[i] + ")";
                double want = type == DataType.FLOAT ? Math.signum((float) v[i]) : Math.signum(v[i]);
                assertBits(type, want, out.getDouble(i), what);
                assertBits(type, want, same.getDouble(i), what + " in place");
                assertBits(type, want, inPlace.getDouble(i), what);
                assertBits(type, Math.abs(v[i]), abs.getDouble(i), type + " abs(" + v[i] + ")");
            }
        }
    }

    @Test
    void maxIsXGreaterThanYOrY() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double[] v = values(type);
            int n = v.length;
            double[] xs = new double[n * 12];
            double[] ys = new double[n * 12];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = v[i % n];
                ys[i] = v[(i / n + i * 7) % n];
            }
            INDArray x = Nd4j.createFromArray(xs).castTo(type);
            INDArray y = Nd4j.createFromArray(ys).castTo(type);
            INDArray out = new Nd4jOps(type).max(x, y, x.ulike());
            int differ = 0;
            for (int i = 0; i < xs.length; i++) {
                double want = xs[i] > ys[i] ? xs[i] : ys[i];
                assertBits(type, want, out.getDouble(i), type + " max(" + xs[i] + ", " + ys[i] + ")");
                double java = Math.max(xs[i], ys[i]);
                if (bits(type, java) != bits(type, want)) {
                    // Only where x is NaN (and y is not), or for max(+0, −0).
                    boolean zeros = xs[i] == 0 && ys[i] == 0 && bits(type, xs[i]) == 0;
                    assertEquals(true, Double.isNaN(xs[i]) || zeros, xs[i] + ", " + ys[i]);
                    differ++;
                }
            }
            assertEquals(true, differ > 0);
        }
    }
}
