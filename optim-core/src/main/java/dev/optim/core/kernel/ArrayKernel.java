package dev.optim.core.kernel;

/**
 * The plain tier for {@code double[]} parameters: the rule runs directly over the caller's
 * arrays and the state's, and through scratch chunks only when the gradient is prepared
 * (the caller's gradient is never written).
 */
final class ArrayKernel extends ChunkedKernel {

    private final double[][] state;
    private double[] params;
    private double[] gradient;
    private final int n;

    ArrayKernel(UpdateRule rule, double[][] state, int n) {
        super(rule, state.length, n, false);
        this.state = state.clone();
        this.n = n;
    }

    @Override
    public void bind(double[] params, double[] gradient) {
        this.params = params;
        this.gradient = gradient;
    }

    @Override
    public double gradientNorm() {
        double[] g = gradient;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = g[i];
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    @Override
    public void run(long from, long to, Scratch scratch) {
        checkRange(from, to);
        if (prepares) {
            chunks((int) from, (int) to, scratch);
        } else {
            rule.apply(params, gradient, state, (int) from, (int) to);
        }
    }

    @Override
    void load(int off, int len, Scratch s) {
        System.arraycopy(params, off, s.pd, 0, len);
        System.arraycopy(gradient, off, s.gd, 0, len);
        for (int b = 0; b < state.length; b++) {
            System.arraycopy(state[b], off, s.sd[b], 0, len);
        }
    }

    @Override
    void store(int off, int len, Scratch s) {
        System.arraycopy(s.pd, 0, params, off, len);
        for (int b = 0; b < state.length; b++) {
            System.arraycopy(s.sd[b], 0, state[b], off, len);
        }
    }
}
