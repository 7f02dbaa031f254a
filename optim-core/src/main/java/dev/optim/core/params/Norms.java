package dev.optim.core.params;

import dev.optim.core.Clipping;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sums of squares over gradient sets, in a fixed order: each tensor in blocks of
 * {@value #BLOCK} elements in memory order, each block summed sequentially in float64, the blocks
 * added in order, the tensors added in the set's order. The order does not depend on how many
 * threads compute the blocks.
 */
final class Norms {

    /** Elements per block of a tensor's sum of squares. */
    static final int BLOCK = 1 << 16;
    private static final int CHUNK = 2048;

    private Norms() {}

    /** {@code Σ g²} over the whole set. */
    static double sumOfSquares(GradientSet grads) {
        double total = 0;
        for (INDArray g : grads.arrays()) {
            total += sumOfSquares(g);
        }
        return total;
    }

    /** The gradient scale that {@code clipping} gives for the set's gradients. */
    static double scale(Clipping clipping, GradientSet grads) {
        INDArray[] g = grads.arrays();
        double[] perTensor = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            perTensor[i] = sumOfSquares(g[i]);
        }
        return scale(clipping, perTensor);
    }

    /** The scale from each tensor's sum of squares, in the set's order. */
    static double scale(Clipping clipping, double[] perTensor) {
        double total = 0;
        if (clipping.mode() == Clipping.Mode.BY_GLOBAL_NORM_PYTORCH) {
            // torch.nn.utils.clip_grad_norm_: the norm of the stack of per-tensor norms.
            for (double ss : perTensor) {
                double n = Math.sqrt(ss);
                total += n * n;
            }
        } else {
            for (double ss : perTensor) {
                total += ss;
            }
        }
        return clipping.scale(Math.sqrt(total));
    }

    /** {@code Σ g²} of one dense tensor, in blocks. */
    static double sumOfSquares(INDArray g) {
        long n = g.length();
        double total = 0;
        for (long from = 0; from < n; from += BLOCK) {
            total += blockSum(g, (int) from, (int) Math.min(n, from + BLOCK));
        }
        return total;
    }

    /** {@code Σ g²} of elements {@code [from, to)} of dense {@code g} in memory order. */
    static double blockSum(INDArray g, int from, int to) {
        Nd4j.getAffinityManager().ensureLocation(g, AffinityManager.Location.HOST);
        int width = g.dataType().width();
        ByteBuffer all = g.data().asNio();
        ByteBuffer bytes = all.slice(Math.toIntExact(g.offset() * width),
                Math.toIntExact(g.length() * width)).order(ByteOrder.nativeOrder());
        double s = 0;
        if (g.dataType() == DataType.FLOAT) {
            FloatBuffer f = bytes.asFloatBuffer();
            float[] chunk = new float[Math.min(CHUNK, to - from)];
            for (int i = from; i < to; i += CHUNK) {
                int len = Math.min(CHUNK, to - i);
                f.get(i, chunk, 0, len);
                for (int k = 0; k < len; k++) {
                    double v = chunk[k];
                    s += v * v;
                }
            }
        } else {
            DoubleBuffer d = bytes.asDoubleBuffer();
            double[] chunk = new double[Math.min(CHUNK, to - from)];
            for (int i = from; i < to; i += CHUNK) {
                int len = Math.min(CHUNK, to - i);
                d.get(i, chunk, 0, len);
                for (int k = 0; k < len; k++) {
                    s += chunk[k] * chunk[k];
                }
            }
        }
        return s;
    }
}
