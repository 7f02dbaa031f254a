package dev.optim.core.kernel;

/**
 * The plain tier's driver: each rule method records its coefficients and runs
 * {@link PlainLoops} chunk by chunk over scratch arrays ({@link #CHUNK} elements, so that they
 * stay in the L1 cache), loading each chunk from the bound memory, preparing the gradient, and
 * storing the parameters and the state back. Subclasses supply the loads and stores, or skip
 * the scratch arrays where the memory is a Java array already.
 */
abstract class ChunkedKernel extends Kernel {

    static final int SGD = 0;
    static final int EMA = 1;
    static final int HEAVY_BALL = 2;
    static final int NESTEROV = 3;
    static final int RMSPROP = 4;
    static final int ADAM = 5;

    /** The number of elements. */
    final int n;
    /** Whether the arrays hold float32 (else float64). */
    final boolean isFloat;
    /** Scratch chunks in float64: [0] θ, [1] g, [2…] the state buffers; null for float32. */
    final double[][] d;
    /** Scratch chunks in float32, as {@link #d}; null for float64. */
    final float[][] f;

    private int rule;
    private double k0;
    private double k1;
    private double k2;
    private double k3;
    private double k4;
    private double k5;
    private double k6;

    ChunkedKernel(int n, boolean isFloat, int buffers) {
        super(n);
        this.n = n;
        this.isFloat = isFloat;
        int chunk = Math.min(CHUNK, n);
        if (isFloat) {
            this.f = new float[2 + buffers][chunk];
            this.d = null;
        } else {
            this.d = new double[2 + buffers][chunk];
            this.f = null;
        }
    }

    @Override
    public String tier() {
        return "plain";
    }

    /** Copies elements {@code [off, off + len)} of θ, g and the state into the scratch chunks. */
    abstract void load(int off, int len);

    /** Copies the scratch chunks of θ and the state back to elements {@code [off, off + len)}. */
    abstract void store(int off, int len);

    /** Runs the recorded rule over all elements; subclasses may skip the scratch chunks. */
    void run() {
        for (int off = 0; off < n; off += CHUNK) {
            int len = Math.min(CHUNK, n - off);
            load(off, len);
            if (isFloat) {
                if (prepares) {
                    PlainLoops.prepare(f[0], f[1], len, this);
                }
                apply(f, 0, len);
            } else {
                if (prepares) {
                    PlainLoops.prepare(d[0], d[1], len, this);
                }
                apply(d, 0, len);
            }
            store(off, len);
        }
    }

    /** The recorded rule over elements {@code [from, to)} of float64 arrays θ, g, state…. */
    final void apply(double[][] a, int from, int to) {
        switch (rule) {
            case SGD -> PlainLoops.sgd(a[0], a[1], from, to, k0);
            case EMA -> PlainLoops.momentumEma(a[0], a[1], a[2], from, to, k0, k1, k2);
            case HEAVY_BALL -> PlainLoops.heavyBall(a[0], a[1], a[2], from, to, k0, k1);
            case NESTEROV -> PlainLoops.nesterov(a[0], a[1], a[2], from, to, k0, k1);
            case RMSPROP -> PlainLoops.rmsProp(a[0], a[1], a[2], from, to, k0, k1, k2, k3);
            case ADAM -> PlainLoops.adam(a[0], a[1], a[2], a[3], from, to, k0, k1, k2, k3, k4, k5,
                    k6);
            default -> throw new IllegalStateException("unknown rule " + rule);
        }
    }

    /** The recorded rule over elements {@code [from, to)} of float32 arrays θ, g, state…. */
    final void apply(float[][] a, int from, int to) {
        switch (rule) {
            case SGD -> PlainLoops.sgd(a[0], a[1], from, to, (float) k0);
            case EMA -> PlainLoops.momentumEma(a[0], a[1], a[2], from, to, (float) k0, (float) k1,
                    (float) k2);
            case HEAVY_BALL -> PlainLoops.heavyBall(a[0], a[1], a[2], from, to, (float) k0,
                    (float) k1);
            case NESTEROV -> PlainLoops.nesterov(a[0], a[1], a[2], from, to, (float) k0,
                    (float) k1);
            case RMSPROP -> PlainLoops.rmsProp(a[0], a[1], a[2], from, to, (float) k0, (float) k1,
                    (float) k2, (float) k3);
            case ADAM -> PlainLoops.adam(a[0], a[1], a[2], a[3], from, to, (float) k0, (float) k1,
                    (float) k2, (float) k3, (float) k4, (float) k5, (float) k6);
            default -> throw new IllegalStateException("unknown rule " + rule);
        }
    }

    private void record(int rule, double k0, double k1, double k2, double k3, double k4,
            double k5, double k6) {
        this.rule = rule;
        this.k0 = k0;
        this.k1 = k1;
        this.k2 = k2;
        this.k3 = k3;
        this.k4 = k4;
        this.k5 = k5;
        this.k6 = k6;
    }

    @Override
    public final void sgd(double alpha) {
        record(SGD, alpha, 0, 0, 0, 0, 0, 0);
        run();
    }

    @Override
    public final void momentumEma(double mu, double oneMinus, double alpha) {
        record(EMA, mu, oneMinus, alpha, 0, 0, 0, 0);
        run();
    }

    @Override
    public final void heavyBall(double mu, double alpha) {
        record(HEAVY_BALL, mu, alpha, 0, 0, 0, 0, 0);
        run();
    }

    @Override
    public final void nesterov(double mu, double alpha) {
        record(NESTEROV, mu, alpha, 0, 0, 0, 0, 0);
        run();
    }

    @Override
    public final void rmsProp(double rho, double oneMinus, double alpha, double eps) {
        record(RMSPROP, rho, oneMinus, alpha, eps, 0, 0, 0);
        run();
    }

    @Override
    public final void adam(double b1, double b2, double c1, double c2, double negStep,
            double bc2Sqrt, double eps) {
        record(ADAM, b1, b2, c1, c2, negStep, bc2Sqrt, eps);
        run();
    }
}
