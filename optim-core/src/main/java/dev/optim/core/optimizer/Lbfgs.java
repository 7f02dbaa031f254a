package dev.optim.core.optimizer;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Checks;
import dev.optim.core.Objective;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * L-BFGS, the limited-memory quasi-Newton method (Nocedal 1980; Liu and Nocedal 1989), as
 * PyTorch 1.13's {@code torch.optim.LBFGS}: same defaults, same stop rules, the same optional
 * strong-Wolfe line search, operation for operation. Unlike the first-order optimizers it needs
 * the objective itself, not one gradient per step: {@link #minimize} runs it to the end (one
 * PyTorch {@code step(closure)}), {@link #start} gives a {@link LbfgsRun} to advance an
 * iteration at a time.
 *
 * <p>Iteration {@code k} from {@code x_k} with gradient {@code g_k}:
 *
 * <pre>
 * curvature pair  s = x_k − x_{k−1} = t·d,  y = g_k − g_{k−1}
 *                 kept if y·s &gt; 1e-10 (oldest dropped beyond historySize), else skipped
 *                 H₀ = (y·s)/(y·y) of the newest kept pair, 1 before any
 * direction       d = −H·g_k by the two-loop recursion over the kept pairs (d = −g on k = 1)
 * step            t₀ = lr (k = 1: min(1, 1/‖g‖₁)·lr); strong Wolfe from t₀, or t = t₀ fixed
 * update          x_{k+1} = x_k + t·d
 * </pre>
 *
 * <p>Stops (checked in this order, see {@link LbfgsStop}): {@code max|g| ≤ toleranceGrad} at the
 * start; {@code g·d > −toleranceChange} before a step; after a step, {@code maxIterations}
 * iterations, {@code maxEvaluations} evaluations, {@code max|g| ≤ toleranceGrad},
 * {@code max|t·d| ≤ toleranceChange}, {@code |f_{k+1} − f_k| < toleranceChange}. Note that, as
 * in PyTorch, the gradient tolerance is on the largest absolute component, not the Euclidean
 * norm.
 *
 * <p>Defaults (PyTorch's): {@code lr} {@value #DEFAULT_LEARNING_RATE}, {@code maxIterations}
 * {@value #DEFAULT_MAX_ITERATIONS}, {@code maxEvaluations} {@code ⌊5·maxIterations/4⌋},
 * {@code toleranceGrad} {@value #DEFAULT_TOLERANCE_GRAD}, {@code toleranceChange}
 * {@value #DEFAULT_TOLERANCE_CHANGE}, {@code historySize} {@value #DEFAULT_HISTORY_SIZE}, line
 * search {@link LineSearch#NONE}; the strong-Wolfe constants {@code c1 = 1e-4}, {@code c2 = 0.9},
 * at most 25 extra evaluations per search, and its zoom ending when the bracket is shorter than
 * 1e-9 (PyTorch's search keeps that default whatever {@code toleranceChange} is). PyTorch's default is the fixed step; for a
 * deterministic objective {@link LineSearch#STRONG_WOLFE} is almost always what you want.
 *
 * <p>Departures from PyTorch, each only where PyTorch would produce NaN (its issue #5953): a
 * skipped curvature pair is counted ({@link LbfgsResult#skippedPairs()}); a non-finite trial of
 * the line search counts as too long a step; a non-finite direction, or a non-finite value after a
 * fixed step, ends the run with {@link LbfgsStop#NON_FINITE} and the last finite point. And with
 * the fixed step PyTorch does not evaluate the point of its last iteration; Optim evaluates it
 * once more so that the result's value and gradient belong to its point (one evaluation more
 * than PyTorch's count in that case).
 *
 * <p>Arithmetic is float64 on host arrays. On the {@link INDArray} path the objective sees the
 * parameters in their data type: every trial point is rounded to it (float32 or float64) before
 * it is evaluated, and the iterates are those rounded points.
 *
 * <pre>{@code
 * Lbfgs lbfgs = Lbfgs.builder().lineSearch(Lbfgs.LineSearch.STRONG_WOLFE)
 *         .maxIterations(200).maxEvaluations(500).toleranceGrad(1e-9).build();
 * LbfgsResult r = lbfgs.minimize((x, g) -> {
 *     g[0] = 2 * (x[0] - 3);
 *     return (x[0] - 3) * (x[0] - 3);
 * }, new double[] {0});
 * double[] best = r.point();
 * }</pre>
 */
public final class Lbfgs {

    /** The default (initial) step length. */
    public static final double DEFAULT_LEARNING_RATE = 1.0;
    /** The default iteration budget. */
    public static final int DEFAULT_MAX_ITERATIONS = 20;
    /** The default tolerance on {@code max|∇f|}. */
    public static final double DEFAULT_TOLERANCE_GRAD = 1e-7;
    /** The default tolerance on changes of the value and of the parameters. */
    public static final double DEFAULT_TOLERANCE_CHANGE = 1e-9;
    /** The default number of curvature pairs kept. */
    public static final int DEFAULT_HISTORY_SIZE = 100;
    /** The default sufficient-decrease constant of the strong-Wolfe search. */
    public static final double DEFAULT_C1 = 1e-4;
    /** The default curvature constant of the strong-Wolfe search. */
    public static final double DEFAULT_C2 = 0.9;
    /** The default most evaluations of one line search after its first. */
    public static final int DEFAULT_MAX_LINE_SEARCH = 25;
    /**
     * The default shortest bracket of the strong-Wolfe zoom, as {@code |t₁ − t₀|·max|d|}.
     * PyTorch's {@code _strong_wolfe} uses its own default 1e-9 here whatever
     * {@code tolerance_change} is, and so does Optim unless told otherwise.
     */
    public static final double DEFAULT_LINE_SEARCH_TOLERANCE = 1e-9;
    /** The smallest {@code y·s} of a curvature pair that is kept (PyTorch's). */
    public static final double CURVATURE_THRESHOLD = 1e-10;

    /** How the step length is chosen. */
    public enum LineSearch {
        /** The fixed step {@code t = lr} (PyTorch's {@code line_search_fn=None}). */
        NONE,
        /** The strong-Wolfe search (PyTorch's {@code line_search_fn='strong_wolfe'}). */
        STRONG_WOLFE
    }

    /**
     * A function on {@code double[]}: the simplest form of an objective for {@link #minimize}.
     */
    @FunctionalInterface
    public interface Function {
        /**
         * Computes {@code f(x)} and writes {@code ∇f(x)} into {@code gradient}.
         *
         * @param x the point; must not be modified
         * @param gradient where the gradient is written, of the length of {@code x}
         * @return the value
         */
        double evaluate(double[] x, double[] gradient);
    }

    private final double learningRate;
    private final int maxIterations;
    private final int maxEvaluations;
    private final double toleranceGrad;
    private final double toleranceChange;
    private final int historySize;
    private final LineSearch lineSearch;
    private final double c1;
    private final double c2;
    private final int maxLineSearch;
    private final double lineSearchTolerance;

    private Lbfgs(Builder b) {
        this.learningRate = Checks.positive("learningRate", b.learningRate);
        if (b.maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + b.maxIterations);
        }
        this.maxIterations = b.maxIterations;
        int evals = b.maxEvaluations != null ? b.maxEvaluations
                : (int) Math.min(Integer.MAX_VALUE, (long) maxIterations * 5 / 4);
        if (evals < 1) {
            throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + evals);
        }
        this.maxEvaluations = evals;
        this.toleranceGrad = Checks.nonNegative("toleranceGrad", b.toleranceGrad);
        this.toleranceChange = Checks.nonNegative("toleranceChange", b.toleranceChange);
        if (b.historySize < 1) {
            throw new IllegalArgumentException("historySize must be >= 1, got " + b.historySize);
        }
        this.historySize = b.historySize;
        if (b.lineSearch == null) {
            throw new IllegalArgumentException("lineSearch must not be null");
        }
        this.lineSearch = b.lineSearch;
        if (!(b.c1 > 0 && b.c1 < 1)) {
            throw new IllegalArgumentException("c1 must be in (0, 1), got " + b.c1);
        }
        if (!(b.c2 > b.c1 && b.c2 < 1)) {
            throw new IllegalArgumentException("c2 must be in (c1 = " + b.c1 + ", 1), got " + b.c2);
        }
        this.c1 = b.c1;
        this.c2 = b.c2;
        if (b.maxLineSearch < 1) {
            throw new IllegalArgumentException("maxLineSearch must be >= 1, got " + b.maxLineSearch);
        }
        this.maxLineSearch = b.maxLineSearch;
        this.lineSearchTolerance = Checks.nonNegative("lineSearchTolerance", b.lineSearchTolerance);
    }

    /**
     * A builder with PyTorch's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Minimises {@code f} from {@code start}: the whole run, as one PyTorch
     * {@code step(closure)}. {@code start} is not modified.
     *
     * @param f the function
     * @param start the start point, not empty
     * @return the result
     * @throws IllegalArgumentException if an argument is null or {@code start} is empty
     */
    public LbfgsResult minimize(Function f, double[] start) {
        return start(f, start).finish();
    }

    /**
     * Minimises {@code objective} from {@code start}. {@code start} is not modified.
     *
     * @param objective the objective
     * @param start the start point, of length {@code objective.dimension()}
     * @return the result
     * @throws IllegalArgumentException if an argument is null or the lengths differ
     */
    public LbfgsResult minimize(ArrayObjective objective, double[] start) {
        return start(objective, start).finish();
    }

    /**
     * Minimises {@code objective} from {@code start}, evaluating it on arrays of the start's
     * data type (FLOAT or DOUBLE). {@code start} is not modified.
     *
     * @param objective the objective
     * @param start the start point, of length {@code objective.dimension()}
     * @return the result; {@link LbfgsResult#pointArray()} in the start's data type
     * @throws IllegalArgumentException if an argument is null, the lengths differ or
     *     {@code start} is not floating point
     */
    public LbfgsResult minimize(Objective objective, INDArray start) {
        return start(objective, start).finish();
    }

    /**
     * Starts a run on {@code f} (evaluating it once at {@code start}), to be advanced with
     * {@link LbfgsRun#iterate()}.
     *
     * @param f the function
     * @param start the start point, not empty; not modified
     * @return the run
     * @throws IllegalArgumentException if an argument is null or {@code start} is empty
     */
    public LbfgsRun start(Function f, double[] start) {
        if (f == null) {
            throw new IllegalArgumentException("f must not be null");
        }
        if (start == null || start.length == 0) {
            throw new IllegalArgumentException("start must not be null or empty");
        }
        return new LbfgsRun(this, Evaluation.of(f), start.clone());
    }

    /**
     * Starts a run on {@code objective}.
     *
     * @param objective the objective
     * @param start the start point, of length {@code objective.dimension()}; not modified
     * @return the run
     * @throws IllegalArgumentException if an argument is null or the lengths differ
     */
    public LbfgsRun start(ArrayObjective objective, double[] start) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        Checks.length("start", start, objective.dimension());
        return new LbfgsRun(this, Evaluation.of(objective::evaluate), start.clone());
    }

    /**
     * Starts a run on {@code objective}, evaluated on arrays of the start's data type.
     *
     * @param objective the objective
     * @param start the start point, FLOAT or DOUBLE, of length {@code objective.dimension()};
     *     not modified
     * @return the run
     * @throws IllegalArgumentException if an argument is null, the lengths differ or
     *     {@code start} is not floating point
     */
    public LbfgsRun start(Objective objective, INDArray start) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        Checks.floatingArray("start", start);
        Checks.length("start", start, objective.dimension());
        Evaluation e = Evaluation.of(objective, start);
        return new LbfgsRun(this, e, e.round(start.dup('c').data().asDouble()));
    }

    /**
     * The initial step length {@code lr}.
     *
     * @return {@code lr}
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * The iteration budget of one run.
     *
     * @return {@code maxIterations}
     */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * The evaluation budget of one run (the start's evaluation included).
     *
     * @return {@code maxEvaluations}
     */
    public int maxEvaluations() {
        return maxEvaluations;
    }

    /**
     * The tolerance on {@code max|∇f|}.
     *
     * @return {@code toleranceGrad}
     */
    public double toleranceGrad() {
        return toleranceGrad;
    }

    /**
     * The tolerance on value and parameter changes.
     *
     * @return {@code toleranceChange}
     */
    public double toleranceChange() {
        return toleranceChange;
    }

    /**
     * The most curvature pairs kept.
     *
     * @return {@code historySize}
     */
    public int historySize() {
        return historySize;
    }

    /**
     * The line search.
     *
     * @return the line search
     */
    public LineSearch lineSearch() {
        return lineSearch;
    }

    /**
     * The strong-Wolfe sufficient-decrease constant.
     *
     * @return {@code c1}
     */
    public double c1() {
        return c1;
    }

    /**
     * The strong-Wolfe curvature constant.
     *
     * @return {@code c2}
     */
    public double c2() {
        return c2;
    }

    /**
     * The most evaluations of one line search after its first.
     *
     * @return {@code maxLineSearch}
     */
    public int maxLineSearch() {
        return maxLineSearch;
    }

    /**
     * The shortest bracket of the strong-Wolfe zoom, as {@code |t₁ − t₀|·max|d|}.
     *
     * @return the line-search tolerance
     */
    public double lineSearchTolerance() {
        return lineSearchTolerance;
    }

    /**
     * The kind, for names and saved state.
     *
     * @return {@code "lbfgs"}
     */
    public String kind() {
        return "lbfgs";
    }

    @Override
    public String toString() {
        return "Lbfgs{lr=" + learningRate + ", maxIterations=" + maxIterations
                + ", maxEvaluations=" + maxEvaluations + ", toleranceGrad=" + toleranceGrad
                + ", toleranceChange=" + toleranceChange + ", historySize=" + historySize
                + ", lineSearch=" + lineSearch
                + (lineSearch == LineSearch.STRONG_WOLFE
                        ? ", c1=" + c1 + ", c2=" + c2 + ", maxLineSearch=" + maxLineSearch
                                + ", lineSearchTolerance=" + lineSearchTolerance : "")
                + "}";
    }

    /** Builds an {@link Lbfgs}; {@link #build()} validates. */
    public static final class Builder {
        private double learningRate = DEFAULT_LEARNING_RATE;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private Integer maxEvaluations;
        private double toleranceGrad = DEFAULT_TOLERANCE_GRAD;
        private double toleranceChange = DEFAULT_TOLERANCE_CHANGE;
        private int historySize = DEFAULT_HISTORY_SIZE;
        private LineSearch lineSearch = LineSearch.NONE;
        private double c1 = DEFAULT_C1;
        private double c2 = DEFAULT_C2;
        private int maxLineSearch = DEFAULT_MAX_LINE_SEARCH;
        private double lineSearchTolerance = DEFAULT_LINE_SEARCH_TOLERANCE;

        private Builder() {}

        /**
         * The initial step length (PyTorch's {@code lr}, default 1).
         *
         * @param lr finite and {@code > 0}
         * @return this builder
         */
        public Builder learningRate(double lr) {
            this.learningRate = lr;
            return this;
        }

        /**
         * The iteration budget (PyTorch's {@code max_iter}, default 20).
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder maxIterations(int n) {
            this.maxIterations = n;
            return this;
        }

        /**
         * The evaluation budget (PyTorch's {@code max_eval}, default
         * {@code ⌊5·maxIterations/4⌋}). A run stops after the iteration that reaches it; a line
         * search in that iteration may pass it by up to {@code maxLineSearch} evaluations.
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder maxEvaluations(int n) {
            this.maxEvaluations = n;
            return this;
        }

        /**
         * The tolerance on {@code max|∇f|} (PyTorch's {@code tolerance_grad}, default 1e-7).
         *
         * @param tolerance finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder toleranceGrad(double tolerance) {
            this.toleranceGrad = tolerance;
            return this;
        }

        /**
         * The tolerance on value and parameter changes (PyTorch's {@code tolerance_change},
         * default 1e-9).
         *
         * @param tolerance finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder toleranceChange(double tolerance) {
            this.toleranceChange = tolerance;
            return this;
        }

        /**
         * The most curvature pairs kept (PyTorch's {@code history_size}, default 100).
         *
         * @param size at least 1
         * @return this builder
         */
        public Builder historySize(int size) {
            this.historySize = size;
            return this;
        }

        /**
         * The line search (PyTorch's {@code line_search_fn}, default {@link LineSearch#NONE}).
         *
         * @param search the line search, not null
         * @return this builder
         */
        public Builder lineSearch(LineSearch search) {
            this.lineSearch = search;
            return this;
        }

        /**
         * The strong-Wolfe constants (defaults 1e-4 and 0.9).
         *
         * @param c1 the sufficient-decrease constant, in {@code (0, 1)}
         * @param c2 the curvature constant, in {@code (c1, 1)}
         * @return this builder
         */
        public Builder wolfeConstants(double c1, double c2) {
            this.c1 = c1;
            this.c2 = c2;
            return this;
        }

        /**
         * The most evaluations of one line search after its first (default 25).
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder maxLineSearch(int n) {
            this.maxLineSearch = n;
            return this;
        }

        /**
         * The shortest bracket of the strong-Wolfe zoom, as {@code |t₁ − t₀|·max|d|} (default
         * 1e-9, PyTorch's, which does not pass its {@code tolerance_change} to the search).
         *
         * @param tolerance finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder lineSearchTolerance(double tolerance) {
            this.lineSearchTolerance = tolerance;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the first setting out of its range
         */
        public Lbfgs build() {
            return new Lbfgs(this);
        }
    }
}
