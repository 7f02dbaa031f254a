package dev.optim.landscapes;

import dev.optim.core.ArrayObjective;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An artificial landscape: a test function for optimizers with an analytic gradient, a canonical
 * name, a recommended domain and its known global minima.
 *
 * <p>It evaluates one point at a time on {@code double[]} arrays (the fast path for a descent)
 * and many points at once with {@link #evaluateBatch(INDArray, INDArray, INDArray)} (for grids and
 * multi-start runs). Both compute in float64 with the same operations in the same order, so a
 * batch gives exactly the values and gradients, bit for bit, that the points give one by one.
 *
 * <p>Where a function is not differentiable, the gradient methods return a documented
 * subgradient-like value, never NaN; see each implementation.
 *
 * <pre>{@code
 * Landscape h = Landscapes.byName("himmelblau");
 * double[] grad = new double[2];
 * double f = h.evaluate(new double[] {0, 0}, grad);   // 170, grad = (-14, -22)
 * }</pre>
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface Landscape extends ArrayObjective {

    /**
     * The canonical kebab-case name, as {@link Landscapes#byName(String)} accepts it.
     *
     * @return for example {@code "goldstein-price"}
     */
    String name();

    /**
     * A one-line definition of the function.
     *
     * @return for example {@code "f(x, y) = (x² + y − 11)² + (x + y² − 7)²"}
     */
    String description();

    /**
     * The recommended box to plot, search or draw random starts from.
     *
     * @return the domain, of dimension {@link #dimension()}
     */
    Domain domain();

    /**
     * The known global minima, each with its value. Empty for a function that is unbounded below
     * (the saddles).
     *
     * @return an unmodifiable list
     */
    List<Minimum> minima();

    /**
     * Computes {@code f(x)} and writes {@code ∇f(x)} (or the documented subgradient at a kink)
     * into {@code gradient}.
     *
     * @param params the point {@code x}, of length {@link #dimension()}; not modified
     * @param gradient where the gradient is written, of the same length
     * @return {@code f(x)}
     * @throws IllegalArgumentException if either array is null or of the wrong length
     */
    @Override
    double evaluate(double[] params, double[] gradient);

    /**
     * Evaluates {@code K} points at once with array operations over the coordinate columns.
     * Computation is in float64 whatever the arrays' data type, and gives exactly the values and
     * gradients of {@link #evaluate(double[], double[])} at each row; the outputs are then
     * written in their own data type.
     *
     * @param points the points, a {@code K × d} matrix with {@code d = dimension()}, one point
     *     per row, FLOAT or DOUBLE; not modified
     * @param valuesOut where {@code f} of each row is written: a vector of length {@code K}
     *     ({@code [K]}, {@code [K, 1]} or {@code [1, K]}), FLOAT or DOUBLE
     * @param gradientsOut where the gradient of each row is written: {@code K × d}, FLOAT or
     *     DOUBLE
     * @throws IllegalArgumentException if an array is null, not floating point, or of the wrong
     *     rank or shape (the message names both shapes)
     */
    void evaluateBatch(INDArray points, INDArray valuesOut, INDArray gradientsOut);
}
