package dev.optim.core.descent;

import dev.optim.core.ArrayObjective;

/** f(x) = ½ Σ aᵢ xᵢ², ∇f = aᵢ xᵢ: SGD's trajectory is xᵢ(k) = xᵢ(0)·(1 − η aᵢ)^k. */
final class Quadratic implements ArrayObjective {
    final double[] a;

    Quadratic(double... a) {
        this.a = a;
    }

    @Override
    public long dimension() {
        return a.length;
    }

    @Override
    public double evaluate(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < a.length; i++) {
            g[i] = a[i] * x[i];
            f += 0.5 * a[i] * x[i] * x[i];
        }
        return f;
    }
}
