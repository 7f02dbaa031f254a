package dev.optim.bench;

import dev.optim.core.ArrayObjective;

/**
 * The 2-D Rosenbrock function {@code f(x, y) = (1 − x)² + 100·(y − x²)²}, with its gradient
 * {@code (−2(1 − x) − 400·x·(y − x²), 200·(y − x²))}.
 */
final class Rosenbrock implements ArrayObjective {

    @Override
    public long dimension() {
        return 2;
    }

    @Override
    public double evaluate(double[] params, double[] gradient) {
        return evaluate(params[0], params[1], gradient);
    }

    /** The value at {@code (x, y)}; writes the gradient into {@code gradient[0..1]}. */
    static double evaluate(double x, double y, double[] gradient) {
        double a = 1 - x;
        double b = y - x * x;
        gradient[0] = -2 * a - 400 * x * b;
        gradient[1] = 200 * b;
        return a * a + 100 * b * b;
    }
}
