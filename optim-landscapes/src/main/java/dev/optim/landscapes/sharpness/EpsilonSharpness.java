package dev.optim.landscapes.sharpness;

import dev.optim.core.Checks;
import dev.optim.core.Objective;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keskar et al.'s ε-sharpness of a point (Metric 2.1 of their paper): the largest relative
 * increase of the loss in a small box around {@code θ},
 *
 * <pre>
 *   φ(θ, ε, A) = 100 · (max_{z ∈ C_ε} f(θ + A·z) − f(θ)) / (1 + f(θ)),
 *   C_ε = { z ∈ ℝᵖ : |z_i| ≤ ε·(|(A⁺θ)_i| + 1) },
 * </pre>
 *
 * in the full space ({@code A = I}, {@code p = n}: each parameter may move by {@code ε} relative
 * to its size) or in a random subspace ({@code A} an {@code n × p} matrix of N(0, 1) entries
 * drawn from the seed, {@code A⁺ = (AᵀA)⁻¹Aᵀ} its pseudo-inverse), which is cheaper and less
 * sensitive to the few directions that dominate the full box.
 *
 * <p>The maximum is found by projected gradient ascent, as the paper's maximisation under box
 * constraints: from {@code z₀ = 0} (or, where the gradient vanishes at {@code θ} so that
 * {@code z = 0} is a fixed point, from a seeded random point of the box), repeat {@code z ← P(z + η·Aᵀ∇f(θ + A·z))}, where
 * {@code P} clamps each coordinate into the box and {@code η} starts where every coordinate's
 * step spans at least its box's full width (so the first step reaches a vertex when the loss
 * is monotone there) and is halved (up to 30 times) until the loss rises;
 * the ascent stops after {@link #iterations()} steps or when no step rises. The result is a lower
 * bound of the true maximum (a local maximum of a non-concave problem), the same for the same
 * seed.
 *
 * <pre>{@code
 * SharpnessResult r = EpsilonSharpness.fullSpace(1e-3).measure(trainLoss, theta);
 * double phi = r.sharpness();
 * }</pre>
 *
 * <p>Reference: N. S. Keskar, D. Mudigere, J. Nocedal, M. Smelyanskiy and P. T. P. Tang, "On
 * Large-Batch Training for Deep Learning: Generalization Gap and Sharp Minima", ICLR 2017,
 * section 2.2.
 *
 * @param epsilon the box's relative size {@code ε}, finite and {@code > 0} (the paper uses
 *     {@code 1e-3} and {@code 5e-4})
 * @param subspace {@code p}: 0 for the full space, otherwise the dimension of the random
 *     subspace, at most the parameter count
 * @param iterations the ascent's step budget, at least 1
 * @param seed the seed of {@code z₀} and of {@code A}
 */
public record EpsilonSharpness(double epsilon, int subspace, int iterations, long seed) {

    /** The default number of ascent steps: {@value}. */
    public static final int DEFAULT_ITERATIONS = 20;

    /** The largest {@code n·p} of a random subspace's matrix: {@value}. */
    public static final long MAX_SUBSPACE_ENTRIES = 1L << 26;

    private static final int MAX_HALVINGS = 30;

    /**
     * Validates the configuration.
     *
     * @param epsilon the box's relative size
     * @param subspace 0 for the full space, else the subspace's dimension
     * @param iterations the ascent's step budget
     * @param seed the seed
     * @throws IllegalArgumentException if {@code epsilon} is not in {@code (0, ∞)},
     *     {@code subspace < 0} or {@code iterations < 1}
     */
    public EpsilonSharpness {
        Checks.positive("epsilon", epsilon);
        if (subspace < 0) {
            throw new IllegalArgumentException("subspace must be >= 0 (0 for the full space), got "
                    + subspace);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
    }

    /**
     * ε-sharpness in the full space, {@value #DEFAULT_ITERATIONS} steps, seed 1.
     *
     * @param epsilon {@code ε > 0}
     * @return the configuration
     * @throws IllegalArgumentException if {@code epsilon} is not in {@code (0, ∞)}
     */
    public static EpsilonSharpness fullSpace(double epsilon) {
        return new EpsilonSharpness(epsilon, 0, DEFAULT_ITERATIONS, 1);
    }

    /**
     * ε-sharpness in a random subspace of dimension {@code p}, {@value #DEFAULT_ITERATIONS} steps.
     *
     * @param epsilon {@code ε > 0}
     * @param p the subspace's dimension, at least 1
     * @param seed the seed of {@code A} and {@code z₀}
     * @return the configuration
     * @throws IllegalArgumentException if {@code epsilon} is not in {@code (0, ∞)} or
     *     {@code p < 1}
     */
    public static EpsilonSharpness randomSubspace(double epsilon, int p, long seed) {
        if (p < 1) {
            throw new IllegalArgumentException("p must be >= 1, got " + p);
        }
        return new EpsilonSharpness(epsilon, p, DEFAULT_ITERATIONS, seed);
    }

    /**
     * Measures the sharpness of {@code objective} at {@code theta}.
     *
     * @param objective the loss {@code f}
     * @param theta the point {@code θ}; not modified
     * @return the sharpness, the losses and the perturbation found
     * @throws IllegalArgumentException if an argument is null, of the wrong length, not finite,
     *     if the subspace is larger than the parameter count or than
     *     {@value #MAX_SUBSPACE_ENTRIES} entries, or if {@code f(θ)} is not finite or
     *     {@code 1 + f(θ) ≤ 0} (the measure needs a loss {@code > −1})
     */
    public SharpnessResult measure(Objective objective, INDArray theta) {
        Points points = new Points(objective, theta);
        double[] x = Points.flat(theta);
        Points.requireFinite("theta", x);
        int n = x.length;
        int p = subspace == 0 ? n : subspace;
        if (p > n) {
            throw new IllegalArgumentException("subspace must be at most the parameter count " + n
                    + ", got " + subspace);
        }
        if (subspace > 0 && (long) n * p > MAX_SUBSPACE_ENTRIES) {
            throw new IllegalArgumentException("subspace " + p + " × parameters " + n
                    + " must be at most " + MAX_SUBSPACE_ENTRIES + " matrix entries");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = subspace == 0 ? null : gaussianColumns(n, p, random);
        double[] coords = a == null ? x : pseudoInverseTimes(a, x);
        double[] bound = new double[p];
        for (int i = 0; i < p; i++) {
            bound[i] = epsilon * (Math.abs(coords[i]) + 1);
        }
        double[] g = new double[n];
        double f0 = points.value(x);
        int evaluations = 1;
        if (!Double.isFinite(f0) || !(1 + f0 > 0)) {
            throw new IllegalArgumentException("f(theta) must be finite and > -1, got " + f0);
        }
        double[] z = new double[p];
        double[] point = new double[n];
        double[] trial = new double[p];
        double[] gz = new double[p];
        points.evaluate(x, g);
        evaluations++;
        project(a, g, gz);
        double best = f0;
        if (Points.norm(gz) == 0) {
            // A stationary point, where z = 0 is a fixed point of the ascent: a random start.
            for (int i = 0; i < p; i++) {
                z[i] = (2 * random.nextDouble() - 1) * bound[i];
            }
            best = points.evaluate(place(x, a, z, point), g);
            evaluations++;
        }
        for (int k = 0; k < iterations && Double.isFinite(best); k++) {
            project(a, g, gz);
            double eta = 0;
            for (int i = 0; i < p; i++) {
                if (gz[i] != 0) {
                    eta = Math.max(eta, 2 * bound[i] / Math.abs(gz[i]));
                }
            }
            if (eta == 0 || !Double.isFinite(eta)) {
                break; // a stationary point of the box problem
            }
            boolean rose = false;
            for (int h = 0; h < MAX_HALVINGS && !rose; h++, eta /= 2) {
                for (int i = 0; i < p; i++) {
                    trial[i] = Math.max(-bound[i], Math.min(bound[i], z[i] + eta * gz[i]));
                }
                double f = points.value(place(x, a, trial, point));
                evaluations++;
                if (f > best) {
                    rose = true;
                    best = f;
                    System.arraycopy(trial, 0, z, 0, p);
                }
            }
            if (!rose) {
                break;
            }
            points.evaluate(place(x, a, z, point), g);
            evaluations++;
        }
        if (!Double.isFinite(best)) {
            throw new IllegalArgumentException("the loss is not finite in the box around theta"
                    + " (epsilon " + epsilon + "): got " + best);
        }
        double max = Math.max(best, f0);
        double[] y = new double[n];
        if (best >= f0) {
            place(new double[n], a, z, y);
        }
        return new SharpnessResult(100 * (max - f0) / (1 + f0), f0, max, y, evaluations);
    }

    /** {@code θ + A·z} into {@code out}. */
    private static double[] place(double[] x, double[][] a, double[] z, double[] out) {
        if (a == null) {
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i] + z[i];
            }
            return out;
        }
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < z.length; j++) {
                s += a[j][i] * z[j];
            }
            out[i] = x[i] + s;
        }
        return out;
    }

    /** {@code Aᵀ·g} into {@code out} ({@code g} itself in the full space). */
    private static void project(double[][] a, double[] g, double[] out) {
        if (a == null) {
            System.arraycopy(g, 0, out, 0, g.length);
            return;
        }
        for (int j = 0; j < out.length; j++) {
            out[j] = Points.dot(a[j], g);
        }
    }

    /** {@code p} columns of length {@code n} with N(0, 1) entries; {@code cols[j][i] = A_ij}. */
    private static double[][] gaussianColumns(int n, int p, SplittableRandom random) {
        double[][] cols = new double[p][n];
        for (int j = 0; j < p; j++) {
            Gaussians.fill(cols[j], random);
        }
        return cols;
    }

    /** {@code A⁺·x = (AᵀA)⁻¹·Aᵀx} by a Cholesky factorisation of {@code AᵀA}. */
    static double[] pseudoInverseTimes(double[][] cols, double[] x) {
        int p = cols.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = Points.dot(cols[i], cols[j]);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("the random subspace's matrix is rank"
                                + " deficient (column " + i + "): use another seed");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            b[j] = Points.dot(cols[j], x);
        }
        for (int i = 0; i < p; i++) { // L·u = b
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * b[k];
            }
            b[i] = s / l[i][i];
        }
        for (int i = p - 1; i >= 0; i--) { // Lᵀ·c = u
            double s = b[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * b[k];
            }
            b[i] = s / l[i][i];
        }
        return b;
    }

    @Override
    public String toString() {
        return "EpsilonSharpness{epsilon=" + epsilon + ", "
                + (subspace == 0 ? "full space" : "subspace=" + subspace)
                + ", iterations=" + iterations + ", seed=" + seed + "}";
    }
}
