package dev.optim.core.schedule;

import dev.optim.core.Checks;

/**
 * A metric-driven learning rate: reduce it when a monitored value (the loss) stops improving,
 * with the semantics of PyTorch 1.13's {@code torch.optim.lr_scheduler.ReduceLROnPlateau}.
 * Immutable; {@link #controller(double)} makes the mutable {@link PlateauController} that a
 * training loop feeds with the metric once per epoch (or step).
 *
 * <p>For each observed value {@code a} (PyTorch's {@code step(metrics)}):
 *
 * <pre>
 * better(a, best) =  a &lt; best·(1 − threshold)   mode min, rel
 *                    a &lt; best − threshold       mode min, abs
 *                    a &gt; best·(1 + threshold)   mode max, rel
 *                    a &gt; best + threshold       mode max, abs
 * if better(a, best): best ← a, bad ← 0  else bad ← bad + 1
 * if cooldown &gt; 0:    cooldown ← cooldown − 1, bad ← 0
 * if bad &gt; patience:  lr' = max(lr·factor, minLr); lr ← lr' if lr − lr' &gt; eps
 *                     cooldown ← cooldownSteps, bad ← 0
 * </pre>
 *
 * <p>{@code best} starts at {@code +∞} (min) or {@code −∞} (max). A NaN value is never better,
 * so it counts as a bad step.
 *
 * <p>Defaults (PyTorch's): mode {@link Mode#MIN}, factor {@value #DEFAULT_FACTOR}, patience
 * {@value #DEFAULT_PATIENCE}, threshold {@value #DEFAULT_THRESHOLD} {@link ThresholdMode#REL},
 * cooldown 0, minLr 0, eps {@value #DEFAULT_EPS}.
 *
 * <pre>{@code
 * ReduceOnPlateau plateau = ReduceOnPlateau.builder().factor(0.5).patience(3).build();
 * PlateauController c = plateau.controller(0.1);
 * double lr = c.observe(validationLoss);   // the rate for the next epoch
 * }</pre>
 */
public final class ReduceOnPlateau {

    /** The default factor. */
    public static final double DEFAULT_FACTOR = 0.1;
    /** The default patience. */
    public static final int DEFAULT_PATIENCE = 10;
    /** The default threshold. */
    public static final double DEFAULT_THRESHOLD = 1e-4;
    /** The default smallest reduction applied. */
    public static final double DEFAULT_EPS = 1e-8;

    /** Whether lower or higher values of the metric are better. */
    public enum Mode {
        /** Lower is better (a loss). */
        MIN,
        /** Higher is better (an accuracy). */
        MAX
    }

    /** How the threshold compares a value with the best so far. */
    public enum ThresholdMode {
        /** Relative: {@code best·(1 ∓ threshold)}. */
        REL,
        /** Absolute: {@code best ∓ threshold}. */
        ABS
    }

    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double minLr;
    private final double eps;

    private ReduceOnPlateau(Builder b) {
        this.mode = Args.notNull("mode", b.mode);
        this.factor = Checks.inRangeOpen("factor", b.factor, 0, 1);
        this.patience = (int) Args.atLeast("patience", b.patience, 0);
        this.threshold = Checks.nonNegative("threshold", b.threshold);
        this.thresholdMode = Args.notNull("thresholdMode", b.thresholdMode);
        this.cooldown = (int) Args.atLeast("cooldown", b.cooldown, 0);
        this.minLr = Checks.nonNegative("minLr", b.minLr);
        this.eps = Checks.nonNegative("eps", b.eps);
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
     * A controller starting at {@code initialLr}, with no value seen yet.
     *
     * @param initialLr the learning rate before any reduction; finite and {@code ≥ 0}
     * @return a new controller
     * @throws IllegalArgumentException if {@code initialLr} is negative or not finite
     */
    public PlateauController controller(double initialLr) {
        return new PlateauController(this, Checks.nonNegative("initialLr", initialLr));
    }

    /**
     * Whether {@code a} improves on {@code best} (PyTorch's {@code is_better}).
     *
     * @param a the new value
     * @param best the best so far
     * @return true if better
     */
    public boolean isBetter(double a, double best) {
        if (mode == Mode.MIN) {
            return thresholdMode == ThresholdMode.REL ? a < best * (1. - threshold)
                    : a < best - threshold;
        }
        return thresholdMode == ThresholdMode.REL ? a > best * (threshold + 1.)
                : a > best + threshold;
    }

    /**
     * The mode.
     *
     * @return min or max
     */
    public Mode mode() {
        return mode;
    }

    /**
     * The factor of a reduction.
     *
     * @return in {@code [0, 1)}
     */
    public double factor() {
        return factor;
    }

    /**
     * The bad steps tolerated before a reduction.
     *
     * @return {@code ≥ 0}
     */
    public int patience() {
        return patience;
    }

    /**
     * The threshold of an improvement.
     *
     * @return {@code ≥ 0}
     */
    public double threshold() {
        return threshold;
    }

    /**
     * How the threshold applies.
     *
     * @return rel or abs
     */
    public ThresholdMode thresholdMode() {
        return thresholdMode;
    }

    /**
     * The steps after a reduction during which bad steps are not counted.
     *
     * @return {@code ≥ 0}
     */
    public int cooldown() {
        return cooldown;
    }

    /**
     * The lower bound of the rate.
     *
     * @return {@code ≥ 0}
     */
    public double minLr() {
        return minLr;
    }

    /**
     * The smallest reduction applied; a smaller one is ignored.
     *
     * @return {@code ≥ 0}
     */
    public double eps() {
        return eps;
    }

    @Override
    public String toString() {
        return "ReduceOnPlateau{mode=" + mode + ", factor=" + factor + ", patience=" + patience
                + ", threshold=" + threshold + " " + thresholdMode + ", cooldown=" + cooldown
                + ", minLr=" + minLr + ", eps=" + eps + "}";
    }

    /** Builds a {@link ReduceOnPlateau}; {@link #build()} validates. */
    public static final class Builder {
        private Mode mode = Mode.MIN;
        private double factor = DEFAULT_FACTOR;
        private long patience = DEFAULT_PATIENCE;
        private double threshold = DEFAULT_THRESHOLD;
        private ThresholdMode thresholdMode = ThresholdMode.REL;
        private long cooldown;
        private double minLr;
        private double eps = DEFAULT_EPS;

        private Builder() {}

        /**
         * The mode (default min).
         *
         * @param mode min or max
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * The factor of a reduction, {@code lr ← lr·factor} (default 0.1).
         *
         * @param factor in {@code [0, 1)}
         * @return this builder
         */
        public Builder factor(double factor) {
            this.factor = factor;
            return this;
        }

        /**
         * The bad steps tolerated before a reduction (default 10).
         *
         * @param patience {@code ≥ 0}
         * @return this builder
         */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /**
         * The threshold of an improvement (default 1e-4).
         *
         * @param threshold finite and {@code ≥ 0}
         * @param mode relative or absolute (default relative)
         * @return this builder
         */
        public Builder threshold(double threshold, ThresholdMode mode) {
            this.threshold = threshold;
            this.thresholdMode = mode;
            return this;
        }

        /**
         * The steps after a reduction during which bad steps are not counted (default 0).
         *
         * @param steps {@code ≥ 0}
         * @return this builder
         */
        public Builder cooldown(int steps) {
            this.cooldown = steps;
            return this;
        }

        /**
         * The lower bound of the rate (default 0).
         *
         * @param lr finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder minLr(double lr) {
            this.minLr = lr;
            return this;
        }

        /**
         * The smallest reduction applied (default 1e-8).
         *
         * @param eps finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the first setting out of its range
         */
        public ReduceOnPlateau build() {
            return new ReduceOnPlateau(this);
        }
    }
}
