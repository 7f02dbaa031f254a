package dev.optim.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An {@link Objective} that also evaluates on plain Java {@code double[]} arrays: the natural form
 * for small problems (a 2-D test landscape, a line fit), where one ND4J call costs more than the
 * whole function. The descent loop uses this form when it can.
 *
 * <p>Implementations write {@link #evaluate(double[], double[])} only; the {@link INDArray} form
 * copies in and out.
 */
public interface ArrayObjective extends Objective {

    /**
     * Computes {@code f(θ)} and writes {@code ∇f(θ)} into {@code gradient}.
     *
     * @param params the parameters {@code θ}, of length {@link #dimension()}; not modified
     * @param gradient where the gradient is written, of the same length
     * @return the value {@code f(θ)}
     * @throws IllegalArgumentException if the lengths do not match {@link #dimension()}
     */
    double evaluate(double[] params, double[] gradient);

    /**
     * Computes {@code f(θ)} only.
     *
     * @param params the parameters {@code θ}; not modified
     * @return the value {@code f(θ)}
     */
    default double value(double[] params) {
        return evaluate(params, new double[params.length]);
    }

    /**
     * Copies the parameters to a {@code double[]}, evaluates, and copies the gradient back in the
     * data type of {@code gradient}.
     */
    @Override
    default double evaluate(INDArray params, INDArray gradient) {
        Checks.sameLength("params", params, "gradient", gradient);
        Checks.length("params", params, dimension());
        Checks.disjoint("params", params, "gradient", gradient);
        double[] x = params.toDoubleVector();
        double[] g = new double[x.length];
        double f = evaluate(x, g);
        for (int i = 0; i < g.length; i++) {
            gradient.putScalar(i, g[i]);
        }
        return f;
    }

    @Override
    default double value(INDArray params) {
        Checks.length("params", params, dimension());
        return value(params.toDoubleVector());
    }
}
