package dev.optim.core.kernel;

/**
 * The plain tier for {@code double[]} parameters: the rules run directly over the caller's
 * arrays and the state's, and through scratch chunks only when the gradient is prepared
 * (the caller's gradient is never written).
 */
final class ArrayKernel extends ChunkedKernel {

    private final double[][] state;
    /** θ, g, state…: the bound arrays, in the order of the scratch chunks. */
    private final double[][] bound;

    ArrayKernel(double[][] state, int n) {
        super(n, false, state.length);
        this.state = state.clone();
        this.bound = new double[2 + state.length][];
        System.arraycopy(state, 0, bound, 2, state.length);
    }

    @Override
    public void bind(double[] params, double[] gradient) {
        bound[0] = params;
        bound[1] = gradient;
    }

    @Override
    public double gradientNorm() {
        double[] g = bound[1];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = g[i];
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    @Override
    void run() {
        if (prepares) {
            super.run();
        } else {
            apply(bound, 0, n);
        }
    }

    @Override
    void load(int off, int len) {
        for (int b = 0; b < bound.length; b++) {
            System.arraycopy(bound[b], off, d[b], 0, len);
        }
    }

    @Override
    void store(int off, int len) {
        System.arraycopy(d[0], 0, bound[0], off, len);
        for (int b = 0; b < state.length; b++) {
            System.arraycopy(d[2 + b], 0, state[b], off, len);
        }
    }
}
