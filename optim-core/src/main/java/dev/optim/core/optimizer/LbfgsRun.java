package dev.optim.core.optimizer;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * One run of {@link Lbfgs}, advanced an iteration at a time: the iterate, its value and
 * gradient, the curvature pairs, and the counters. Made by {@link Lbfgs#start}, which evaluates
 * the start point; not thread-safe.
 *
 * <pre>{@code
 * LbfgsRun run = lbfgs.start(f, x0);
 * while (run.iterate() == null) {
 *     System.out.println(run.iterations() + " " + run.value());
 * }
 * LbfgsResult r = run.result();
 * }</pre>
 */
public final class LbfgsRun {

    private final Lbfgs config;
    private final Evaluation objective;
    private final int n;
    private final double[] x;
    private final double[] xPrev;
    private double[] g;
    private double f;
    private double[] d;
    private final double[] prevGrad;
    private final double[] trial;
    private double t;
    private double hDiag = 1;
    private final double[][] stps;
    private final double[][] dirs;
    private final double[] ro;
    private final double[] al;
    private int oldest;
    private int count;
    private double prevLoss;
    private int iterations;
    private long evaluations;
    private int skippedPairs;
    private LbfgsStop stop;
    /** False when the fixed step of the last iteration left the iterate unevaluated. */
    private boolean evaluated = true;

    LbfgsRun(Lbfgs config, Evaluation objective, double[] start) {
        this.config = config;
        this.objective = objective;
        this.n = start.length;
        this.x = start;
        this.xPrev = start.clone();
        this.g = new double[n];
        this.prevGrad = new double[n];
        this.trial = new double[n];
        int h = config.historySize();
        this.stps = new double[h][];
        this.dirs = new double[h][];
        this.ro = new double[h];
        this.al = new double[h];
        this.f = objective.evaluate(x, g);
        this.evaluations = 1;
        if (!Double.isFinite(f) || !Vectors.allFinite(g)) {
            stop = LbfgsStop.NON_FINITE;
        } else if (Vectors.maxAbs(g) <= config.toleranceGrad()) {
            stop = LbfgsStop.GRADIENT_TOLERANCE;
        }
    }

    /**
     * Performs one iteration (a direction, a step length, the move), unless the run has
     * stopped.
     *
     * @return why the run stopped after this iteration, or null if it may go on
     */
    public LbfgsStop iterate() {
        if (stop != null) {
            return stop;
        }
        iterations++;
        direction();
        System.arraycopy(g, 0, prevGrad, 0, n);
        prevLoss = f;
        double lr = config.learningRate();
        t = iterations == 1 ? StrongWolfe.pyMin(1., 1. / Vectors.sumAbs(g)) * lr : lr;
        double gtd = Vectors.dot(g, d);
        if (!Double.isFinite(gtd)) {
            return stop = LbfgsStop.NON_FINITE;
        }
        if (gtd > -config.toleranceChange()) {
            return stop = LbfgsStop.NO_DESCENT_DIRECTION;
        }
        System.arraycopy(x, 0, xPrev, 0, n);
        long lsEvaluations;
        if (config.lineSearch() == Lbfgs.LineSearch.STRONG_WOLFE) {
            StrongWolfe.Outcome o = StrongWolfe.search(this::along, t, d, f, g, gtd, config.c1(),
                    config.c2(), config.lineSearchTolerance(), config.maxLineSearch());
            f = o.f();
            g = o.g();
            t = o.t();
            moveTo(t);
            lsEvaluations = o.evaluations();
        } else {
            moveTo(t);
            lsEvaluations = 0;
            if (iterations != config.maxIterations()) {
                f = objective.evaluate(x, g);
                lsEvaluations = 1;
                if (!Double.isFinite(f) || !Vectors.allFinite(g)) {
                    evaluations += lsEvaluations;
                    return stop = nonFinite();
                }
            } else {
                evaluated = false;
            }
        }
        evaluations += lsEvaluations;
        if (iterations == config.maxIterations()) {
            return stop = LbfgsStop.MAX_ITERATIONS;
        }
        if (evaluations >= config.maxEvaluations()) {
            return stop = LbfgsStop.MAX_EVALUATIONS;
        }
        if (Vectors.maxAbs(g) <= config.toleranceGrad()) {
            return stop = LbfgsStop.GRADIENT_TOLERANCE;
        }
        double moved = 0;
        for (int i = 0; i < n; i++) {
            double v = Math.abs(d[i] * t);
            if (v > moved) {
                moved = v;
            }
        }
        if (moved <= config.toleranceChange()) {
            return stop = LbfgsStop.STEP_TOLERANCE;
        }
        if (Math.abs(f - prevLoss) < config.toleranceChange()) {
            return stop = LbfgsStop.VALUE_TOLERANCE;
        }
        return null;
    }

    /**
     * Iterates until a stop rule holds, and gives the result.
     *
     * @return the result
     */
    public LbfgsResult finish() {
        while (iterate() == null) {
            // iterate
        }
        return result();
    }

    /**
     * The result so far: the current iterate, its value and gradient. If the last fixed step
     * was not evaluated (the last iteration with {@link Lbfgs.LineSearch#NONE}), it is evaluated
     * now, once.
     *
     * @return the result
     */
    public LbfgsResult result() {
        if (!evaluated) {
            f = objective.evaluate(x, g);
            evaluations++;
            evaluated = true;
            if (!Double.isFinite(f) || !Vectors.allFinite(g)) {
                stop = nonFinite();
            }
        }
        return new LbfgsResult(x.clone(), f, Vectors.norm(g), Vectors.maxAbs(g), iterations,
                evaluations, skippedPairs, stop, objective.dataType(), objective.shape());
    }

    /**
     * The current iterate, copied.
     *
     * @return {@code x_k}
     */
    public double[] point() {
        return x.clone();
    }

    /**
     * Copies the current iterate into {@code into}.
     *
     * @param into an array of the dimension's length
     */
    public void pointInto(double[] into) {
        System.arraycopy(x, 0, into, 0, n);
    }

    /**
     * The value at the current iterate (if its fixed step was not evaluated yet, that of the
     * previous one; {@link #result()} evaluates it).
     *
     * @return {@code f(x_k)}
     */
    public double value() {
        return f;
    }

    /**
     * The gradient at the current iterate, copied (see {@link #value()}).
     *
     * @return {@code ∇f(x_k)}
     */
    public double[] gradient() {
        return g.clone();
    }

    /**
     * The Euclidean norm of {@link #gradient()}.
     *
     * @return {@code ‖∇f(x_k)‖₂}
     */
    public double gradientNorm() {
        return Vectors.norm(g);
    }

    /**
     * The iterations made.
     *
     * @return the iteration count
     */
    public int iterations() {
        return iterations;
    }

    /**
     * The evaluations of the objective made, the start's included.
     *
     * @return the evaluation count
     */
    public long evaluations() {
        return evaluations;
    }

    /**
     * The curvature pairs skipped because {@code y·s ≤ 1e-10}.
     *
     * @return the skipped count
     */
    public int skippedPairs() {
        return skippedPairs;
    }

    /**
     * The number of parameters.
     *
     * @return the dimension
     */
    public int dimension() {
        return n;
    }

    /**
     * The data type the objective is evaluated in.
     *
     * @return DOUBLE, or FLOAT for a float32 INDArray start
     */
    public DataType dataType() {
        return objective.dataType();
    }

    /**
     * Why the run stopped, if it has.
     *
     * @return the reason, or null while it may go on
     */
    public LbfgsStop stopReason() {
        return stop;
    }

    /**
     * The value and gradient at {@code x + s·d}, the point rounded to the data type. The
     * {@code a + s·b} updates here and in the two-loop recursion are fused multiply-adds, as
     * PyTorch's CPU {@code add_(b, alpha=s)} evaluates them.
     */
    private double along(double s, double[] gradient) {
        for (int i = 0; i < n; i++) {
            trial[i] = Math.fma(s, d[i], x[i]);
        }
        objective.round(trial);
        return objective.evaluate(trial, gradient);
    }

    /** {@code x ← x + s·d}, computed and rounded as {@link #along} computes its points. */
    private void moveTo(double s) {
        for (int i = 0; i < n; i++) {
            x[i] = Math.fma(s, d[i], x[i]);
        }
        objective.round(x);
    }

    /** Back to the last finite point after a non-finite fixed step. */
    private LbfgsStop nonFinite() {
        System.arraycopy(xPrev, 0, x, 0, n);
        System.arraycopy(prevGrad, 0, g, 0, n);
        f = prevLoss;
        return LbfgsStop.NON_FINITE;
    }

    /** The new direction {@code d}: steepest descent first, then the two-loop recursion. */
    private void direction() {
        if (iterations == 1) {
            d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            count = 0;
            oldest = 0;
            hDiag = 1;
            return;
        }
        int h = stps.length;
        double[] y = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = g[i] - prevGrad[i];
            s[i] = d[i] * t;
        }
        double ys = Vectors.dot(y, s);
        if (ys > Lbfgs.CURVATURE_THRESHOLD) {
            int slot;
            if (count == h) {
                slot = oldest;
                oldest = (oldest + 1) % h;
            } else {
                slot = (oldest + count) % h;
                count++;
            }
            dirs[slot] = y;
            stps[slot] = s;
            ro[slot] = 1. / ys;
            hDiag = ys / Vectors.dot(y, y);
        } else {
            skippedPairs++;
        }
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = -g[i];
        }
        for (int k = count - 1; k >= 0; k--) {
            int i = (oldest + k) % h;
            al[i] = Vectors.dot(stps[i], q) * ro[i];
            double a = -al[i];
            double[] yi = dirs[i];
            for (int j = 0; j < n; j++) {
                q[j] = Math.fma(a, yi[j], q[j]);
            }
        }
        double[] r = q;
        for (int j = 0; j < n; j++) {
            r[j] = q[j] * hDiag;
        }
        for (int k = 0; k < count; k++) {
            int i = (oldest + k) % h;
            double be = Vectors.dot(dirs[i], r) * ro[i];
            double a = al[i] - be;
            double[] si = stps[i];
            for (int j = 0; j < n; j++) {
                r[j] = Math.fma(a, si[j], r[j]);
            }
        }
        // A non-finite direction shows in the directional derivative, which iterate() checks.
        d = r;
    }
}
