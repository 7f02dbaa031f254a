package dev.optim.core.optimizer;

import dev.optim.core.Objective;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An objective seen from the quasi-Newton code: float64 host arrays in, value and gradient out;
 * points rounded to the data type the objective is evaluated in.
 */
abstract class Evaluation {

    /** Evaluates at {@code x} (already rounded), writing the gradient into {@code g}. */
    abstract double evaluate(double[] x, double[] g);

    /** Rounds {@code x} in place to the objective's data type; returns it. */
    abstract double[] round(double[] x);

    /** The data type of the parameters, DOUBLE for plain arrays. */
    abstract DataType dataType();

    /** The shape of the parameters. */
    abstract long[] shape();

    static Evaluation of(Lbfgs.Function f) {
        return new Evaluation() {
            @Override
            double evaluate(double[] x, double[] g) {
                return f.evaluate(x, g);
            }

            @Override
            double[] round(double[] x) {
                return x;
            }

            @Override
            DataType dataType() {
                return DataType.DOUBLE;
            }

            @Override
            long[] shape() {
                return null;
            }
        };
    }

    static Evaluation of(Objective objective, INDArray like) {
        DataType type = like.dataType();
        INDArray params = like.dup('c');
        INDArray gradient = params.ulike();
        boolean single = type != DataType.DOUBLE;
        return new Evaluation() {
            @Override
            double evaluate(double[] x, double[] g) {
                params.assign(Nd4j.createFromArray(x).reshape(params.shape()));
                double f = objective.evaluate(params, gradient);
                double[] v = gradient.dup('c').data().asDouble();
                System.arraycopy(v, 0, g, 0, g.length);
                return f;
            }

            @Override
            double[] round(double[] x) {
                if (single) {
                    for (int i = 0; i < x.length; i++) {
                        x[i] = (float) x[i];
                    }
                }
                return x;
            }

            @Override
            DataType dataType() {
                return type;
            }

            @Override
            long[] shape() {
                return params.shape();
            }
        };
    }
}
