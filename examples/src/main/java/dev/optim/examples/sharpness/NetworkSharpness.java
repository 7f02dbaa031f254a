package dev.optim.examples.sharpness;

import dev.optim.core.Checks;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Surface;
import dev.optim.landscapes.sharpness.EpsilonSharpness;
import dev.optim.landscapes.sharpness.HessianVectorProduct;
import dev.optim.landscapes.sharpness.Lanczos;
import dev.optim.landscapes.sharpness.LineSlice;
import dev.optim.landscapes.sharpness.PowerIteration;
import dev.optim.landscapes.sharpness.SharpnessResult;
import dev.optim.landscapes.sharpness.Spectrum;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sharpness measures of {@code dev.optim.landscapes.sharpness} on a network's training
 * loss, each of which leaves the network's parameters as it found them.
 *
 * <p>A {@link dev.optim.nn.SameDiffObjective} evaluated at a point writes the point into the
 * graph's parameters, and the measures evaluate many points (the ascent of ε-sharpness, the
 * {@code θ ± h·v} of each Hessian-vector product, every point of a slice); each measure here
 * runs inside {@link Network#at}, which restores the parameters afterwards, and hands the
 * measure a copy of {@code θ}.
 *
 * <p><b>Hessian-vector products</b> are central differences of SameDiff's gradients,
 * {@code H·v ≈ (∇f(θ + h·v) − ∇f(θ − h·v)) / (2h)} with {@code h = s·max(1, ‖θ‖)/‖v‖}
 * ({@link HessianVectorProduct#centralDifference(dev.optim.core.Objective, INDArray)}), two
 * gradient evaluations each, error {@code O(h²)}. SameDiff's own second derivatives are not
 * available: in ND4J 1.0.0-M2.1, differentiating SameDiff's gradient function again (a loss
 * {@code ∇f·v} built on its {@code "x-grad"} variables) fails with "Another variable with the
 * name one-var already exists" ({@code SameDiffSecondDerivativeTest} keeps that probe). Use float64
 * networks: float32 gradients carry about 7 digits, which the default float32 step {@code s =
 * 1e-2} trades for truncation error.
 *
 * <p>Bad input is refused by the measures themselves, naming the value: {@code ε ≤ 0}
 * ({@link EpsilonSharpness}), an eigenvalue count above the iterations or the dimension
 * ({@link Lanczos#topEigenvalues}), a direction or second solution of another shape
 * ({@link LineSlice}, {@link Surface#slice}).
 */
public final class NetworkSharpness {

    private NetworkSharpness() {
    }

    /**
     * Keskar et al.'s ε-sharpness of the training loss at {@code theta}.
     *
     * @param net the network
     * @param theta the point; not modified
     * @param measure the configuration (full space or random subspace)
     * @return the result
     * @throws IllegalArgumentException as {@link EpsilonSharpness#measure}
     */
    public static SharpnessResult epsilon(Network net, INDArray theta, EpsilonSharpness measure) {
        requireNonNull(net, theta, measure);
        return net.at(theta, () -> measure.measure(net.trainObjective(), theta.dup()));
    }

    /**
     * The largest eigenvalues of the training loss's Hessian at {@code theta} by Lanczos on
     * central-difference Hessian-vector products.
     *
     * @param net the network
     * @param theta the point; not modified
     * @param lanczos the iteration (its {@code iterations} are the products spent)
     * @param count how many eigenvalues, in {@code [1, min(iterations, n)]}
     * @return the eigenvalues, descending
     * @throws IllegalArgumentException as {@link Lanczos#topEigenvalues}
     */
    public static Spectrum topEigenvalues(Network net, INDArray theta, Lanczos lanczos,
            int count) {
        requireNonNull(net, theta, lanczos);
        return net.at(theta, () -> lanczos.topEigenvalues(hvp(net, theta), count));
    }

    /**
     * The eigenvalue of largest magnitude by power iteration on the same products, a check of
     * {@link #topEigenvalues} near a minimum (where it is the largest).
     *
     * @param net the network
     * @param theta the point; not modified
     * @param power the iteration
     * @return one eigenvalue
     */
    public static Spectrum largestByPowerIteration(Network net, INDArray theta,
            PowerIteration power) {
        requireNonNull(net, theta, power);
        return net.at(theta, () -> power.largest(hvp(net, theta)));
    }

    /**
     * Central-difference Hessian-vector products of the training loss at {@code theta}. Using
     * them moves the network's parameters: call them inside {@link Network#at}.
     *
     * @param net the network
     * @param theta the point; copied
     * @return the products
     */
    public static HessianVectorProduct hvp(Network net, INDArray theta) {
        requireNonNull(net, theta, theta);
        return HessianVectorProduct.centralDifference(net.trainObjective(), theta.dup());
    }

    /**
     * The training and test losses on the line {@code (1 − α)·θ₁ + α·θ₂} (Keskar et al.'s
     * Figure 3 with {@code θ₁} the small-batch and {@code θ₂} the large-batch solution).
     *
     * @param net the network
     * @param from {@code θ₁} (α = 0); not modified
     * @param to {@code θ₂} (α = 1), same shape and type; not modified
     * @param alphas the positions
     * @return the losses
     * @throws IllegalArgumentException as {@link LineSlice#between}
     */
    public static Interpolation between(Network net, INDArray from, INDArray to,
            double[] alphas) {
        requireNonNull(net, from, to);
        double[] train = net.at(from, () -> LineSlice.between(net.trainObjective(), from, to,
                alphas));
        double[] test = net.at(from, () -> LineSlice.between(net.testObjective(), from, to,
                alphas));
        return new Interpolation(alphas.clone(), train, test);
    }

    /**
     * The training loss {@code f(θ + a·d₁ + b·d₂)} on a grid (Li et al.'s 2-D slice).
     *
     * @param net the network
     * @param theta the centre; not modified
     * @param d1 the first direction, of {@code theta}'s length
     * @param d2 the second direction, of {@code theta}'s length
     * @param grid the coefficients {@code (a, b)}
     * @return the surface
     * @throws IllegalArgumentException as {@link Surface#slice}
     */
    public static Surface slice(Network net, INDArray theta, INDArray d1, INDArray d2,
            Grid grid) {
        requireNonNull(net, theta, theta);
        Checks.sameShapeAndType("theta", theta, "d1", d1);
        Checks.sameShapeAndType("theta", theta, "d2", d2);
        return net.at(theta, () -> Surface.slice(net.trainObjective(), theta.dup(), d1, d2,
                grid));
    }

    /**
     * The training loss along a direction, {@code f(θ + α·d)}.
     *
     * @param net the network
     * @param theta {@code θ}; not modified
     * @param direction {@code d}, of {@code theta}'s shape and type
     * @param alphas the positions
     * @return the losses
     * @throws IllegalArgumentException as {@link LineSlice#along}
     */
    public static double[] along(Network net, INDArray theta, INDArray direction,
            double[] alphas) {
        requireNonNull(net, theta, theta);
        return net.at(theta, () -> LineSlice.along(net.trainObjective(), theta, direction,
                alphas));
    }

    private static void requireNonNull(Object a, Object b, Object c) {
        if (a == null || b == null || c == null) {
            throw new IllegalArgumentException("the network, the point and the measure must not"
                    + " be null");
        }
    }

    /**
     * Losses along the line between two solutions.
     *
     * @param alphas the positions {@code α}
     * @param trainLoss {@code f_train((1 − α)·θ₁ + α·θ₂)}
     * @param testLoss {@code f_test(…)} at the same points
     */
    public record Interpolation(double[] alphas, double[] trainLoss, double[] testLoss) {}
}
