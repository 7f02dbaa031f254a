package dev.optim.search;

import dev.optim.core.ArrayObjective;
import dev.optim.search.gp.ExpectedImprovement;
import dev.optim.search.gp.GaussianProcess;
import dev.optim.search.gp.GpFit;
import dev.optim.search.gp.Minimizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bayesian optimisation: a Gaussian process with the Matérn 5/2 ARD kernel over the unit cube,
 * its hyperparameters (signal variance, one length scale per feature, noise) fitted by maximising
 * the log marginal likelihood with L-BFGS ({@link GpFit}), and the next point where the expected
 * improvement is largest ({@link ExpectedImprovement}).
 *
 * <ul>
 *   <li>The first {@link Builder#initialTrials(int) initial} trials are the points of a scrambled
 *       Sobol sequence, as is any trial while fewer than two trials have completed.
 *   <li>Features: a continuous parameter is its unit coordinate (log parameters are uniform in
 *       it already); an integer parameter is the coordinate of its rounded value's cell centre;
 *       a categorical parameter with {@code k} choices is one-hot in {@code k} features; an
 *       inactive conditional parameter is 0.5 (all zeros for a categorical one).
 *   <li>Values are standardised (mean 0, variance 1) over the completed trials; failed and
 *       pruned trials are left out.
 *   <li>Expected improvement is maximised by multi-start: {@link Builder#candidates(int)} random
 *       points and the best trials' points scored, then the best {@link Builder#restarts(int)}
 *       refined by L-BFGS over the continuous coordinates (integer and categorical coordinates are
 *       held at their start).
 *   <li>Batches (see {@link Study}): within a batch, the points proposed before trial {@code i}
 *       are added to the process with the best value observed ("constant liar", Ginsbourger et
 *       al. 2010), so that a batch spreads out.
 *   <li>Training set: at most {@link Builder#maxTrainingSize(int)} trials (default
 *       {@value #DEFAULT_MAX_TRAINING_SIZE}): the best half and the most recent half, so that the
 *       cost of a proposal stays bounded (fitting costs {@code O(n³)} per likelihood evaluation).
 * </ul>
 *
 * <p>References: D. R. Jones, M. Schonlau and W. J. Welch, "Efficient Global Optimization of
 * Expensive Black-Box Functions", J. Global Optim. 13 (1998); J. Snoek, H. Larochelle and R. P.
 * Adams, "Practical Bayesian Optimization of Machine Learning Algorithms", NeurIPS 2012.
 *
 * @serial exclude
 */
public final class BayesianSampler implements Sampler {

    private static final long serialVersionUID = 1L;

    /** The default number of initial (Sobol) trials. */
    public static final int DEFAULT_INITIAL_TRIALS = 10;
    /** The default number of random candidates for the acquisition's multi-start. */
    public static final int DEFAULT_CANDIDATES = 1000;
    /** The default number of L-BFGS refinements of the acquisition. */
    public static final int DEFAULT_RESTARTS = 5;
    /** The default cap on the GP's training set. */
    public static final int DEFAULT_MAX_TRAINING_SIZE = 200;
    /** The default exploration margin ξ (in standardised units). */
    public static final double DEFAULT_XI = 0.0;

    private final int initialTrials;
    private final int candidates;
    private final int restarts;
    private final int maxTrainingSize;
    private final double xi;
    private final int fitRestarts;
    private transient Minimizer minimizer;

    private BayesianSampler(Builder b) {
        this.initialTrials = b.initialTrials;
        this.candidates = b.candidates;
        this.restarts = b.restarts;
        this.maxTrainingSize = b.maxTrainingSize;
        this.xi = b.xi;
        this.fitRestarts = b.fitRestarts;
        this.minimizer = b.minimizer;
    }

    /** A sampler with the defaults. */
    public BayesianSampler() {
        this(new Builder());
    }

    /**
     * A builder with the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private Minimizer minimizer() {
        if (minimizer == null) {
            minimizer = Minimizer.lbfgs();
        }
        return minimizer;
    }

    @Override
    public boolean usesHistory() {
        return true;
    }

    @Override
    public String name() {
        return "bayes(init=" + initialTrials + ",cand=" + candidates + ",restarts=" + restarts + ",max="
                + maxTrainingSize + ",xi=" + xi + ",fits=" + fitRestarts + ")";
    }

    /**
     * The GP's features of a unit point (see the class comment).
     *
     * @param space the space
     * @param u the unit point
     * @return the features, in {@code [0, 1]}
     */
    public static double[] features(SearchSpace space, double[] u) {
        boolean[] on = space.active(u);
        var f = new ArrayList<Double>();
        List<Parameter> ps = space.parameters();
        for (int j = 0; j < ps.size(); j++) {
            Parameter p = ps.get(j);
            if (p instanceof CategoricalParameter c) {
                String v = on[j] ? c.decode(u[j]) : null;
                for (String choice : c.choices()) {
                    f.add(choice.equals(v) ? 1.0 : 0.0);
                }
            } else if (!on[j]) {
                f.add(0.5);
            } else if (p instanceof IntParameter ip) {
                f.add(ip.encode(ip.decode(u[j])));
            } else {
                f.add(Parameter.unit(u[j]));
            }
        }
        return f.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public double[] propose(SearchSpace space, long seed, long index, List<FinishedTrial> history,
            List<double[]> pending) {
        SobolSequence sobol = SobolSequence.scrambled(space.dimension(), Seeds.mix(seed, -1, 2));
        var done = new ArrayList<FinishedTrial>();
        for (FinishedTrial t : history) {
            if (t.isComplete()) {
                done.add(t);
            }
        }
        if (index < initialTrials || done.size() < 2) {
            return sobol.point(index);
        }
        done = cap(done);
        int n = done.size();
        double mean = 0;
        for (FinishedTrial t : done) {
            mean += t.value();
        }
        mean /= n;
        double var = 0;
        for (FinishedTrial t : done) {
            var += (t.value() - mean) * (t.value() - mean);
        }
        double std = Math.sqrt(var / n);
        if (!(std > 0)) {
            std = 1;
        }
        double[][] x = new double[n][];
        double[] y = new double[n];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x[i] = features(space, done.get(i).unit());
            y[i] = (done.get(i).value() - mean) / std;
            best = Math.min(best, y[i]);
        }
        GaussianProcess gp = GpFit.fit(x, y, minimizer(), Seeds.mix(seed, index, 3), fitRestarts);
        if (!pending.isEmpty()) {
            double[][] xa = new double[n + pending.size()][];
            double[] ya = new double[n + pending.size()];
            System.arraycopy(x, 0, xa, 0, n);
            System.arraycopy(y, 0, ya, 0, n);
            for (int k = 0; k < pending.size(); k++) {
                xa[n + k] = features(space, pending.get(k));
                ya[n + k] = best;
            }
            gp = fitOrKeep(xa, ya, gp);
        }
        return maximise(space, gp, best, done, new SplittableRandom(Seeds.mix(seed, index, 4)));
    }

    private static GaussianProcess fitOrKeep(double[][] x, double[] y, GaussianProcess gp) {
        double noise = gp.noise();
        for (int k = 0; k < 6; k++) {
            try {
                return GaussianProcess.fit(x, y, gp.kernel(), noise);
            } catch (ArithmeticException e) {
                noise = Math.max(noise * 10, 1e-8);
            }
        }
        return gp;
    }

    private ArrayList<FinishedTrial> cap(ArrayList<FinishedTrial> done) {
        if (done.size() <= maxTrainingSize) {
            return done;
        }
        var byValue = new ArrayList<>(done);
        byValue.sort(Comparator.comparingDouble(FinishedTrial::value).thenComparingLong(FinishedTrial::index));
        var keep = new java.util.TreeMap<Long, FinishedTrial>();
        for (int i = 0; i < maxTrainingSize / 2; i++) {
            keep.put(byValue.get(i).index(), byValue.get(i));
        }
        for (int i = done.size() - 1; i >= 0 && keep.size() < maxTrainingSize; i--) {
            keep.putIfAbsent(done.get(i).index(), done.get(i));
        }
        return new ArrayList<>(keep.values());
    }

    private double[] maximise(SearchSpace space, GaussianProcess gp, double best, List<FinishedTrial> done,
            SplittableRandom rng) {
        int d = space.dimension();
        var starts = new ArrayList<double[]>();
        for (int c = 0; c < candidates; c++) {
            double[] u = new double[d];
            for (int j = 0; j < d; j++) {
                u[j] = rng.nextDouble();
            }
            starts.add(u);
        }
        // Local candidates around the best trials.
        var byValue = new ArrayList<>(done);
        byValue.sort(Comparator.comparingDouble(FinishedTrial::value).thenComparingLong(FinishedTrial::index));
        for (int b = 0; b < Math.min(5, byValue.size()); b++) {
            double[] base = byValue.get(b).unit();
            for (int c = 0; c < 20; c++) {
                double[] u = base.clone();
                for (int j = 0; j < d; j++) {
                    u[j] = Math.min(Math.nextDown(1.0), Math.max(0, u[j] + 0.05 * rng.nextGaussian()));
                }
                starts.add(u);
            }
        }
        double[] scores = new double[starts.size()];
        Integer[] order = new Integer[starts.size()];
        for (int c = 0; c < starts.size(); c++) {
            scores[c] = ExpectedImprovement.value(gp, features(space, starts.get(c)), best, xi, null);
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]) != 0
                ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
        double[] bestU = starts.get(order[0]);
        double bestEi = scores[order[0]];
        for (int r = 0; r < Math.min(restarts, order.length); r++) {
            double[] u0 = starts.get(order[r]);
            double[] u = refine(space, gp, best, u0);
            double ei = ExpectedImprovement.value(gp, features(space, u), best, xi, null);
            if (ei > bestEi) {
                bestEi = ei;
                bestU = u;
            }
        }
        return bestU;
    }

    /** L-BFGS on −EI over the continuous, active coordinates, clamped to the unit cube. */
    private double[] refine(SearchSpace space, GaussianProcess gp, double best, double[] u0) {
        boolean[] on = space.active(u0);
        List<Parameter> ps = space.parameters();
        int[] featureOf = new int[ps.size()];
        var free = new ArrayList<Integer>();
        int f = 0;
        for (int j = 0; j < ps.size(); j++) {
            featureOf[j] = f;
            f += ps.get(j) instanceof CategoricalParameter c ? c.choices().size() : 1;
            if (ps.get(j) instanceof FloatParameter && on[j]) {
                free.add(j);
            }
        }
        if (free.isEmpty()) {
            return u0;
        }
        double[] start = new double[free.size()];
        for (int k = 0; k < start.length; k++) {
            start[k] = u0[free.get(k)];
        }
        var objective = new ArrayObjective() {
            @Override
            public long dimension() {
                return start.length;
            }

            @Override
            public double evaluate(double[] z, double[] grad) {
                double[] u = u0.clone();
                for (int k = 0; k < z.length; k++) {
                    if (!Double.isFinite(z[k])) {
                        return Double.NaN;
                    }
                    u[free.get(k)] = Math.min(1, Math.max(0, z[k]));
                }
                double[] feat = features(space, u);
                double[] g = new double[feat.length];
                double ei = ExpectedImprovement.value(gp, feat, best, xi, g);
                for (int k = 0; k < z.length; k++) {
                    boolean clamped = z[k] < 0 || z[k] > 1;
                    grad[k] = clamped ? 0 : -g[featureOf[free.get(k)]];
                }
                return -ei;
            }
        };
        double[] z = minimizer().minimize(objective, start);
        double[] u = u0.clone();
        for (int k = 0; k < z.length; k++) {
            u[free.get(k)] = Math.min(Math.nextDown(1.0), Math.max(0, z[k]));
        }
        return u;
    }

    @Override
    public String toString() {
        return "BayesianSampler[" + name() + "]";
    }

    /** Builds a {@link BayesianSampler}. */
    public static final class Builder {
        private int initialTrials = DEFAULT_INITIAL_TRIALS;
        private int candidates = DEFAULT_CANDIDATES;
        private int restarts = DEFAULT_RESTARTS;
        private int maxTrainingSize = DEFAULT_MAX_TRAINING_SIZE;
        private double xi = DEFAULT_XI;
        private int fitRestarts = 2;
        private Minimizer minimizer = Minimizer.lbfgs();

        private Builder() {}

        /**
         * The number of initial Sobol trials.
         *
         * @param n at least 2
         * @return this builder
         */
        public Builder initialTrials(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("initialTrials must be >= 2, got " + n);
            }
            this.initialTrials = n;
            return this;
        }

        /**
         * The number of random candidates scored by EI.
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder candidates(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("candidates must be >= 1, got " + n);
            }
            this.candidates = n;
            return this;
        }

        /**
         * The number of best candidates refined by L-BFGS.
         *
         * @param n at least 0
         * @return this builder
         */
        public Builder restarts(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("restarts must be >= 0, got " + n);
            }
            this.restarts = n;
            return this;
        }

        /**
         * The number of random restarts of the hyperparameter fit, besides its fixed start.
         *
         * @param n at least 0
         * @return this builder
         */
        public Builder fitRestarts(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("fitRestarts must be >= 0, got " + n);
            }
            this.fitRestarts = n;
            return this;
        }

        /**
         * The cap on the GP's training set.
         *
         * @param n at least 2
         * @return this builder
         */
        public Builder maxTrainingSize(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("maxTrainingSize must be >= 2, got " + n);
            }
            this.maxTrainingSize = n;
            return this;
        }

        /**
         * The exploration margin ξ, in standardised units.
         *
         * @param xi at least 0
         * @return this builder
         */
        public Builder xi(double xi) {
            if (!(xi >= 0) || !Double.isFinite(xi)) {
                throw new IllegalArgumentException("xi must be finite and >= 0, got " + xi);
            }
            this.xi = xi;
            return this;
        }

        /**
         * The local minimizer for the fit and the refinement; {@link Minimizer#lbfgs()} by default.
         *
         * @param minimizer the minimizer
         * @return this builder
         */
        public Builder minimizer(Minimizer minimizer) {
            this.minimizer = java.util.Objects.requireNonNull(minimizer, "minimizer");
            return this;
        }

        /**
         * Builds the sampler.
         *
         * @return the sampler
         */
        public BayesianSampler build() {
            return new BayesianSampler(this);
        }
    }
}
