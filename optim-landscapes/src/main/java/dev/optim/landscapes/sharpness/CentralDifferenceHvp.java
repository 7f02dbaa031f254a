package dev.optim.landscapes.sharpness;

import dev.optim.core.Checks;
import dev.optim.core.Objective;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link HessianVectorProduct#centralDifference(Objective, INDArray, double)}. */
final class CentralDifferenceHvp implements HessianVectorProduct {

    private final Points points;
    private final double[] theta;
    private final double scale;
    private final double[] plus;
    private final double[] minus;
    private final double[] gradPlus;
    private final double[] gradMinus;

    CentralDifferenceHvp(Objective objective, INDArray theta, double relativeStep) {
        this.points = new Points(objective, theta);
        Checks.positive("relativeStep", relativeStep);
        this.theta = Points.flat(theta);
        Points.requireFinite("theta", this.theta);
        this.scale = relativeStep * Math.max(1.0, Points.norm(this.theta));
        int n = this.theta.length;
        this.plus = new double[n];
        this.minus = new double[n];
        this.gradPlus = new double[n];
        this.gradMinus = new double[n];
    }

    @Override
    public int dimension() {
        return theta.length;
    }

    @Override
    public void apply(double[] v, double[] out) {
        MatrixHvp.checkLengths(v, out, theta.length);
        double norm = Points.norm(v);
        if (norm == 0) {
            java.util.Arrays.fill(out, 0.0);
            return;
        }
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("v must be finite, got norm " + norm);
        }
        double h = scale / norm;
        for (int i = 0; i < theta.length; i++) {
            plus[i] = theta[i] + h * v[i];
            minus[i] = theta[i] - h * v[i];
        }
        points.evaluate(plus, gradPlus);
        points.evaluate(minus, gradMinus);
        double inv = 1.0 / (2 * h);
        for (int i = 0; i < theta.length; i++) {
            out[i] = (gradPlus[i] - gradMinus[i]) * inv;
        }
    }
}
