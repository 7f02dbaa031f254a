package dev.optim.examples.search;

import dev.optim.search.Params;
import dev.optim.search.Parameter;
import dev.optim.search.SearchSpace;
import java.util.function.ToDoubleFunction;

/**
 * The standard test functions of Bayesian optimisation, with their published minima (S.
 * Surjanovic and D. Bingham, "Virtual Library of Simulation Experiments", sfu.ca/~ssurjano).
 *
 * @param name the function's name
 * @param space its domain as a search space
 * @param minimum its published global minimum
 * @param function the function of the parameters
 */
public record BlackBox(String name, SearchSpace space, double minimum, ToDoubleFunction<Params> function) {

    /**
     * Branin–Hoo on {@code [−5, 10] × [0, 15]}: three global minima of 0.397887.
     *
     * @return the function
     */
    public static BlackBox branin() {
        return new BlackBox("branin", SearchSpace.of(Parameter.uniform("x1", -5, 10), Parameter.uniform("x2", 0, 15)),
                0.397887, p -> branin(p.getDouble("x1"), p.getDouble("x2")));
    }

    /**
     * Hartmann 6-D on {@code [0, 1]^6}: global minimum −3.32237.
     *
     * @return the function
     */
    public static BlackBox hartmann6() {
        var b = SearchSpace.builder();
        for (int i = 1; i <= 6; i++) {
            b.add(Parameter.uniform("x" + i, 0, 1));
        }
        return new BlackBox("hartmann6", b.build(), -3.32237, p -> {
            double[] x = new double[6];
            for (int i = 0; i < 6; i++) {
                x[i] = p.getDouble("x" + (i + 1));
            }
            return hartmann6(x);
        });
    }

    /**
     * Branin's value: {@code (x2 − 5.1x1²/(4π²) + 5x1/π − 6)² + 10(1 − 1/(8π))cos x1 + 10}.
     *
     * @param x1 the first coordinate
     * @param x2 the second coordinate
     * @return the value
     */
    public static double branin(double x1, double x2) {
        double q = x2 - 5.1 / (4 * Math.PI * Math.PI) * x1 * x1 + 5 / Math.PI * x1 - 6;
        return q * q + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
    }

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {
        {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    /**
     * Hartmann 6-D: {@code −Σ_i α_i exp(−Σ_j A_ij (x_j − P_ij)²)}, with {@code P} in units of 1e-4.
     *
     * @param x the point, six coordinates in {@code [0, 1]}
     * @return the value
     */
    public static double hartmann6(double[] x) {
        double f = 0;
        for (int i = 0; i < 4; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - P[i][j] * 1e-4;
                s += A[i][j] * d * d;
            }
            f -= ALPHA[i] * Math.exp(-s);
        }
        return f;
    }
}
