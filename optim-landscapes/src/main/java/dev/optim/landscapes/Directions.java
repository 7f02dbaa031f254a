package dev.optim.landscapes;

import dev.optim.core.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random directions in parameter space for 1-D and 2-D slices of a loss, normalised per
 * parameter group ("filter normalisation", Li et al. 2018).
 *
 * <p>A direction {@code d} has the shape and data type of the parameters {@code θ}. Its entries
 * are drawn from {@code N(0, 1)}; then, for each group {@code g} (a filter, or a layer's weights),
 * {@code d_g ← d_g · ‖θ_g‖ / ‖d_g‖}, so that every block of the direction has the Euclidean norm of
 * the parameters it perturbs. This removes the scale invariance of networks with ReLUs and
 * normalisation layers, which otherwise makes sharp and flat minima incomparable. Entries in no
 * group are set to 0 (not perturbed), as Li et al. do for biases and batch-norm parameters; a
 * group whose parameters are all zero gets a zero direction.
 *
 * <p>Seeding: the Gaussian entries come from {@link SplittableRandom}{@code (seed)} through the
 * Box–Muller transform of its {@code nextDouble()}, in index order, so a direction depends only on
 * the seed and the shape, not on the ND4J backend or the JDK's Gaussian algorithm. Use two
 * different seeds for the two directions of a 2-D slice.
 *
 * <pre>{@code
 * List<ParameterGroup> groups = ParameterGroup.consecutive(w1.length(), w2.length());
 * INDArray d1 = Directions.filterNormalized(theta, groups, 1);
 * INDArray d2 = Directions.filterNormalized(theta, groups, 2);
 * Surface s = Surface.slice(loss, theta, d1, d2, Grid.square(-1, 1, 51));
 * }</pre>
 *
 * <p>Reference: H. Li, Z. Xu, G. Taylor, C. Studer and T. Goldstein, "Visualizing the Loss
 * Landscape of Neural Nets", NeurIPS 2018, section 4.
 */
public final class Directions {

    private Directions() {}

    /**
     * A filter-normalised random direction.
     *
     * @param theta the parameters {@code θ} (flat, in their memory order), FLOAT or DOUBLE; not
     *     modified
     * @param groups the parameter groups, non-overlapping, within {@code [0, θ.length())}
     * @param seed the seed of the Gaussian entries
     * @return a new array of the shape and data type of {@code theta}
     * @throws IllegalArgumentException if {@code theta} is null, empty or not floating point,
     *     {@code groups} is null or empty, or a group overlaps another or ends past the last
     *     parameter
     */
    public static INDArray filterNormalized(INDArray theta, List<ParameterGroup> groups,
            long seed) {
        Checks.floatingArray("theta", theta);
        List<ParameterGroup> sorted = checkGroups(groups, theta.length());
        double[] t = theta.reshape(theta.length()).toDoubleVector();
        double[] d = new double[t.length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < d.length; i += 2) {
            double[] pair = gaussianPair(random);
            d[i] = pair[0];
            if (i + 1 < d.length) {
                d[i + 1] = pair[1];
            }
        }
        double[] out = new double[t.length];
        for (ParameterGroup g : sorted) {
            int from = (int) g.from();
            int to = (int) g.to();
            double thetaNorm = norm(t, from, to);
            double dNorm = norm(d, from, to);
            if (thetaNorm == 0 || dNorm == 0) {
                continue; // a zero direction for this group
            }
            double scale = thetaNorm / dNorm;
            for (int i = from; i < to; i++) {
                out[i] = d[i] * scale;
            }
        }
        return Nd4j.createFromArray(out).castTo(theta.dataType()).reshape(theta.shape());
    }

    /**
     * A random direction normalised as a whole: one group holding every parameter, so that
     * {@code ‖d‖ = ‖θ‖}.
     *
     * @param theta the parameters {@code θ}, FLOAT or DOUBLE; not modified
     * @param seed the seed of the Gaussian entries
     * @return a new array of the shape and data type of {@code theta}
     * @throws IllegalArgumentException if {@code theta} is null, empty or not floating point
     */
    public static INDArray normalized(INDArray theta, long seed) {
        Checks.floatingArray("theta", theta);
        return filterNormalized(theta, List.of(new ParameterGroup(0, theta.length())), seed);
    }

    private static List<ParameterGroup> checkGroups(List<ParameterGroup> groups, long length) {
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("groups must hold at least one group, got "
                    + (groups == null ? "null" : "none"));
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("theta must have at most " + (Integer.MAX_VALUE - 8)
                    + " elements, got " + length);
        }
        List<ParameterGroup> sorted = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            ParameterGroup g = groups.get(i);
            if (g == null) {
                throw new IllegalArgumentException("groups[" + i + "] must not be null");
            }
            if (g.to() > length) {
                throw new IllegalArgumentException("groups[" + i + "] = " + g
                        + " must end at or before the parameter count " + length);
            }
            sorted.add(g);
        }
        sorted.sort(Comparator.comparingLong(ParameterGroup::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from() < sorted.get(i - 1).to()) {
                throw new IllegalArgumentException("groups must not overlap, got "
                        + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        return sorted;
    }

    private static double norm(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }

    /** Two independent N(0, 1) draws by the Box–Muller transform. */
    static double[] gaussianPair(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // in (0, 1], so the logarithm is finite
        double u2 = random.nextDouble();
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double angle = 2 * Math.PI * u2;
        return new double[] {radius * StrictMath.cos(angle), radius * StrictMath.sin(angle)};
    }
}
