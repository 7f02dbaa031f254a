package dev.optim.examples.sharpness;

import dev.optim.core.Checks;
import dev.optim.nn.SameDiffObjective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Filter-normalised random directions in an MLP's parameter layout (Li et al. 2018, section 4).
 *
 * <p>{@link dev.optim.landscapes.Directions#filterNormalized} normalises contiguous ranges; in
 * an {@link dev.optim.nn.Mlp} a weight matrix {@code W} is stored {@code [fanIn, units]}
 * row-major, so a filter (the weights into one output unit {@code j}) is the strided column
 * {@code W[:, j]}, at flat offsets {@code o + i·units + j}. Here, for a direction {@code d} with
 * N(0, 1) entries:
 *
 * <pre>
 *   weights (rank 2, [fanIn, units]):  d[:, j] ← d[:, j] · ‖θ[:, j]‖ / ‖d[:, j]‖   for each j
 *   biases  (rank 1):                  d ← 0        ({@link Bias#ZERO}, Li et al.'s "biasbn")
 *                                      d ← θ_bias   ({@link Bias#COPY}, their code's default)
 * </pre>
 *
 * <p>A filter whose parameters are all zero gets a zero direction. The Gaussian entries are
 * drawn in flat index order from {@link SplittableRandom}{@code (seed)} by the Box–Muller
 * transform of its {@code nextDouble()} pairs, as {@code Directions} draws them, so a
 * direction depends only on the seed and the layout.
 *
 * <pre>{@code
 * INDArray d1 = FilterDirections.of(net.trainObjective(), theta, Bias.ZERO, 1);
 * }</pre>
 *
 * <p>Reference: H. Li, Z. Xu, G. Taylor, C. Studer and T. Goldstein, "Visualizing the Loss
 * Landscape of Neural Nets", NeurIPS 2018.
 */
public final class FilterDirections {

    /** What a bias's direction is. */
    public enum Bias {
        /** Zero: biases are not perturbed (Li et al.'s {@code --xignore biasbn}). */
        ZERO,
        /** The bias itself, {@code d_b = θ_b} (Li et al.'s code without the ignore option). */
        COPY
    }

    private FilterDirections() {
    }

    /**
     * A filter-normalised direction for the variables of a SameDiff objective, in its parameter
     * order ({@link SameDiffObjective#parameterShape(int)}).
     *
     * @param objective the objective whose layout {@code theta} has
     * @param theta the parameters; not modified
     * @param bias what the biases' directions are
     * @param seed the seed of the Gaussian entries
     * @return a new array of the shape and data type of {@code theta}
     * @throws IllegalArgumentException as {@link #of(INDArray, List, Bias, long)}
     */
    public static INDArray of(SameDiffObjective objective, INDArray theta, Bias bias, long seed) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        List<long[]> shapes = new ArrayList<>();
        for (int i = 0; i < objective.parameterNames().size(); i++) {
            shapes.add(objective.parameterShape(i));
        }
        return of(theta, shapes, bias, seed);
    }

    /**
     * A filter-normalised direction for parameters laid out as {@code shapes}, one after the
     * other, each row-major.
     *
     * @param theta the flat parameters, FLOAT or DOUBLE; not modified
     * @param shapes the variables' shapes in flat order: rank 2 {@code [fanIn, units]} weights
     *     or rank 1 biases
     * @param bias what the biases' directions are
     * @param seed the seed of the Gaussian entries
     * @return a new array of the shape and data type of {@code theta}
     * @throws IllegalArgumentException if an argument is null, a shape is not of rank 1 or 2,
     *     or the shapes' total size is not {@code theta}'s length
     */
    public static INDArray of(INDArray theta, List<long[]> shapes, Bias bias, long seed) {
        Checks.floatingArray("theta", theta);
        if (shapes == null || shapes.isEmpty() || bias == null) {
            throw new IllegalArgumentException("shapes must be non-empty and bias not null, got "
                    + shapes + ", " + bias);
        }
        long total = 0;
        for (long[] s : shapes) {
            if (s == null || s.length < 1 || s.length > 2) {
                throw new IllegalArgumentException("each shape must be [fanIn, units] or [units],"
                        + " got " + (s == null ? "null" : Arrays.toString(s)));
            }
            total += Arrays.stream(s).reduce(1, (a, b) -> a * b);
        }
        if (total != theta.length()) {
            throw new IllegalArgumentException("the shapes hold " + total
                    + " parameters but theta has " + theta.length());
        }
        double[] t = theta.reshape(theta.length()).toDoubleVector();
        double[] d = gaussian(t.length, seed);
        int offset = 0;
        for (long[] s : shapes) {
            if (s.length == 1) {
                for (int i = 0; i < s[0]; i++) {
                    d[offset + i] = bias == Bias.ZERO ? 0 : t[offset + i];
                }
                offset += (int) s[0];
                continue;
            }
            int rows = (int) s[0];
            int units = (int) s[1];
            for (int j = 0; j < units; j++) {
                double tn = 0;
                double dn = 0;
                for (int i = 0; i < rows; i++) {
                    int k = offset + i * units + j;
                    tn += t[k] * t[k];
                    dn += d[k] * d[k];
                }
                double scale = tn == 0 || dn == 0 ? 0 : Math.sqrt(tn / dn);
                for (int i = 0; i < rows; i++) {
                    d[offset + i * units + j] *= scale;
                }
            }
            offset += rows * units;
        }
        return Nd4j.createFromArray(d).castTo(theta.dataType()).reshape(theta.shape());
    }

    /** N(0, 1) entries in index order, Box–Muller pairs of {@code nextDouble()}. */
    static double[] gaussian(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i += 2) {
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double angle = 2 * Math.PI * u2;
            d[i] = radius * StrictMath.cos(angle);
            if (i + 1 < n) {
                d[i + 1] = radius * StrictMath.sin(angle);
            }
        }
        return d;
    }
}
