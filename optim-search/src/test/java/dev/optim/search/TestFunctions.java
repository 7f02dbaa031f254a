package dev.optim.search;

/** Branin and Hartmann-6, from their published definitions (Surjanovic and Bingham, sfu.ca/~ssurjano). */
final class TestFunctions {

    static final double BRANIN_MIN = 0.397887;
    static final double HARTMANN6_MIN = -3.32237;

    private TestFunctions() {}

    static SearchSpace braninSpace() {
        return SearchSpace.of(Parameter.uniform("x1", -5, 10), Parameter.uniform("x2", 0, 15));
    }

    static double branin(Params p) {
        double x1 = p.getDouble("x1");
        double x2 = p.getDouble("x2");
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double q = x2 - b * x1 * x1 + c * x1 - 6;
        return q * q + 10 * (1 - t) * Math.cos(x1) + 10;
    }
}
