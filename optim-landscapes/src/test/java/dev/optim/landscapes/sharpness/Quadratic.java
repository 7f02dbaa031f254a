package dev.optim.landscapes.sharpness;

import dev.optim.core.ArrayObjective;

/** {@code f(x) = Σ ½·hᵢ·(xᵢ − cᵢ)² + offset}, whose box maxima are known in closed form. */
record Quadratic(double[] h, double[] c, double offset) implements ArrayObjective {

    @Override
    public long dimension() {
        return h.length;
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        double f = offset;
        for (int i = 0; i < h.length; i++) {
            double d = x[i] - c[i];
            f += 0.5 * h[i] * d * d;
            gradient[i] = h[i] * d;
        }
        return f;
    }
}
