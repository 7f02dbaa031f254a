package dev.optim.core.train;

import dev.optim.core.Checks;
import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.StochasticObjective;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.batch.MiniBatches;
import dev.optim.core.params.GradientSet;
import dev.optim.core.params.ParameterSet;
import dev.optim.core.params.ParameterSetOptimizer;
import dev.optim.core.params.ParameterSetState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop for stochastic objectives: mini-batch updates, with the full and
 * validation losses evaluated on a cadence rather than after every step (the article's
 * regression figure, which wants the full cost per step, is {@code Descent}'s job).
 * Immutable and reusable; each {@code run} is independent.
 *
 * <pre>
 * for each mini-batch B drawn by the batch plan (epoch after epoch):
 *     ℓ = f_B(θ), g = ∇f_B(θ)            ℓ added to the running loss
 *     stop DIVERGED if ℓ is not finite   (θ is the last finite parameters)
 *     θ ← optimizer.step(θ, g)
 *     every K steps (K = evaluateEvery), or at the end of each epoch (K = 0, the default):
 *         evaluate: running loss, f(θ) over all examples (unless off), f_val(θ) (if given);
 *         stop DIVERGED if either is not finite;
 *         monitored = f_val, else f, else the running loss; stop EARLY_STOPPED when it has not
 *         fallen below best − minDelta for {@code patience} evaluations
 * stop COMPLETED after {@code epochs} epochs or {@code maxSteps} updates (evaluated there)
 * </pre>
 *
 * <p>Memory is bounded however long the run: the optimizer's state, a gradient, a copy of the
 * last parameters (to hand back finite ones if an update makes them non-finite), a copy of the
 * best parameters (when {@link Builder#restoreBest(boolean)}), and the history of evaluations,
 * thinned evenly (every other one dropped) whenever it reaches {@link Builder#historyLimit}.
 * One progress line per epoch is logged at INFO through SLF4J.
 *
 * <pre>{@code
 * TrainingResult r = Trainer.builder(Adam.builder().learningRate(1e-3).build())
 *         .batchPlan(BatchPlan.of(32).withOrder(BatchOrder.SHUFFLED))
 *         .epochs(20).validation(validationObjective).patience(3).build()
 *         .run(trainObjective, params);
 * }</pre>
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Optimizer optimizer;
    private final ParameterSetOptimizer setOptimizer;
    private final BatchPlan batchPlan;
    private final long epochs;
    private final long maxSteps;
    private final long evaluateEvery;
    private final boolean fullLoss;
    private final StochasticObjective validation;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBest;
    private final int historyLimit;
    private final List<TrainingListener> listeners;
    private final BooleanSupplier cancelled;

    private Trainer(Builder b) {
        this.optimizer = b.optimizer;
        this.setOptimizer = b.setOptimizer;
        this.batchPlan = b.batchPlan;
        this.epochs = b.epochs;
        this.maxSteps = b.maxSteps;
        this.evaluateEvery = b.evaluateEvery;
        this.fullLoss = b.fullLoss;
        this.validation = b.validation;
        this.patience = b.patience;
        this.minDelta = b.minDelta;
        this.restoreBest = b.restoreBest;
        this.historyLimit = b.historyLimit;
        this.listeners = List.copyOf(b.listeners);
        this.cancelled = b.cancelled;
    }

    /**
     * A builder for a trainer running {@code optimizer}.
     *
     * @param optimizer the optimizer
     * @return a new builder
     * @throws IllegalArgumentException if {@code optimizer} is null
     */
    public static Builder builder(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        return new Builder(optimizer, null);
    }

    /**
     * A builder for a trainer stepping a {@link ParameterSet} (groups with their own
     * hyperparameters, clipping over the whole set) with {@code optimizer}.
     *
     * @param optimizer the set optimizer
     * @return a new builder
     * @throws IllegalArgumentException if {@code optimizer} is null
     */
    public static Builder builder(ParameterSetOptimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        return new Builder(null, optimizer);
    }

    /**
     * Trains from {@code params} with a fresh optimizer state.
     *
     * @param objective the training objective
     * @param params the start, updated in place
     * @return what the run did
     * @throws IllegalArgumentException if an argument is null or the parameters do not fit the
     *     objective
     */
    public TrainingResult run(StochasticObjective objective, INDArray params) {
        Checks.floatingArray("params", params);
        requireTensorOptimizer();
        return run(objective, params, optimizer.init(params));
    }

    /**
     * Trains a flat parameter set with a fresh state: the objective is evaluated at the set's
     * {@link ParameterSet#flatView() flat view} and its gradient written into a flat gradient
     * set, which the set optimizer steps (for a SameDiff objective, pass its own set).
     *
     * @param objective the training objective, of dimension {@code set.length()}
     * @param set the parameters, flat; updated in place
     * @return what the run did (its parameters are the set's flat view)
     * @throws IllegalArgumentException if this trainer was not built with a set optimizer, the
     *     set is not flat, or the dimensions differ
     */
    public TrainingResult run(StochasticObjective objective, ParameterSet set) {
        requireSetOptimizer();
        if (set == null) {
            throw new IllegalArgumentException("set must not be null");
        }
        return run(objective, set, setOptimizer.init(set));
    }

    /**
     * Trains a flat parameter set from the given state (a restored one, to resume).
     *
     * @param objective the training objective, of dimension {@code set.length()}
     * @param set the parameters, flat; updated in place
     * @param state the state for {@code set}
     * @return what the run did
     * @throws IllegalArgumentException as {@link #run(StochasticObjective, ParameterSet)}
     */
    public TrainingResult run(StochasticObjective objective, ParameterSet set,
            ParameterSetState state) {
        requireSetOptimizer();
        if (set == null || state == null) {
            throw new IllegalArgumentException("set and state must not be null");
        }
        if (!set.isFlat()) {
            throw new IllegalArgumentException("the parameter set must be flat (built with flat())"
                    + " so that the objective sees it as one vector");
        }
        INDArray params = set.flatView();
        check(objective, params);
        GradientSet grads = set.zerosLikeGradients();
        return new Run(objective, params, grads.flatView(),
                () -> setOptimizer.step(set, grads, state)).go();
    }

    private void requireTensorOptimizer() {
        if (optimizer == null) {
            throw new IllegalArgumentException("this trainer steps parameter sets: call"
                    + " run(objective, set)");
        }
    }

    private void requireSetOptimizer() {
        if (setOptimizer == null) {
            throw new IllegalArgumentException("this trainer was built with an Optimizer, not a"
                    + " ParameterSetOptimizer: call run(objective, params)");
        }
    }

    private void check(StochasticObjective objective, INDArray params) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        if (params.length() != objective.dimension()) {
            throw new IllegalArgumentException("params must have length " + objective.dimension()
                    + " (the objective's dimension), got " + params.length());
        }
        if (validation != null && validation.dimension() != objective.dimension()) {
            throw new IllegalArgumentException("the validation objective has dimension "
                    + validation.dimension() + " but the training objective has "
                    + objective.dimension());
        }
    }

    /**
     * Trains from {@code params} with the given optimizer state (a restored one, to resume).
     * The batches start again at the plan's first; a run resumed this way continues the
     * optimizer's steps and schedules exactly.
     *
     * @param objective the training objective
     * @param params the start, updated in place
     * @param state the optimizer's state for {@code params}
     * @return what the run did
     * @throws IllegalArgumentException if an argument is null or the parameters do not fit the
     *     objective
     */
    public TrainingResult run(StochasticObjective objective, INDArray params, OptimizerState state) {
        requireTensorOptimizer();
        Checks.floatingArray("params", params);
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        check(objective, params);
        INDArray grad = params.ulike();
        return new Run(objective, params, grad, () -> optimizer.step(params, grad, state)).go();
    }

    /** One run's mutable state. */
    private final class Run {
        private final StochasticObjective f;
        private final INDArray params;
        private final Runnable stepper;
        private final INDArray grad;
        private final INDArray lastFinite;
        private INDArray bestParams;
        private final MiniBatches batches;
        private final List<Evaluation> history = new ArrayList<>();
        private long keepEvery = 1;
        private long evaluations;
        private long step;
        private long epoch;
        private double runningSum;
        private long runningCount;
        private double epochSum;
        private long epochCount;
        private Evaluation last;
        private Evaluation best;
        private double bestValue = Double.POSITIVE_INFINITY;
        private int sinceBest;
        private Divergence divergence;

        Run(StochasticObjective f, INDArray params, INDArray grad, Runnable stepper) {
            this.f = f;
            this.params = params;
            this.stepper = stepper;
            this.grad = grad;
            this.lastFinite = params.dup();
            this.batches = new MiniBatches(batchPlan, f.size());
        }

        TrainingResult go() {
            TrainingStop stop = null;
            while (stop == null) {
                if (cancelled.getAsBoolean()) {
                    stop = TrainingStop.CANCELLED;
                    break;
                }
                long before = batches.epoch();
                int[] batch = batches.next();
                if (batches.epoch() > before) {
                    stop = endEpoch();
                    if (stop != null) {
                        break;
                    }
                }
                if (step >= maxSteps) {
                    stop = evaluateOrStop(true);
                    if (stop == null) {
                        stop = TrainingStop.COMPLETED;
                    }
                    break;
                }
                double loss = f.evaluate(params, batch, grad);
                if (!Double.isFinite(loss)) {
                    divergence = new Divergence(step, batch, loss, "batch");
                    stop = TrainingStop.DIVERGED;
                    break;
                }
                runningSum += loss;
                runningCount++;
                epochSum += loss;
                epochCount++;
                lastFinite.assign(params);
                stepper.run();
                step++;
                if (evaluateEvery > 0 && step % evaluateEvery == 0) {
                    stop = evaluateOrStop(false);
                }
            }
            if (stop == TrainingStop.DIVERGED) {
                LOG.warn("training diverged: {}", divergence);
                if (!finite(params)) {
                    params.assign(lastFinite);
                }
            } else if (restoreBest && bestParams != null) {
                params.assign(bestParams);
            }
            return new TrainingResult(params, stop, step, epoch, last, best, history,
                    Optional.ofNullable(divergence));
        }

        /** Called when epoch {@code epoch} has just been completed by the last update. */
        private TrainingStop endEpoch() {
            epoch++;
            TrainingStop stop = null;
            if (evaluateEvery == 0) {
                stop = evaluateOrStop(false);
            }
            if (LOG.isInfoEnabled()) {
                Evaluation e = last;
                LOG.info("epoch {} (step {}): running loss {}, train loss {}, validation loss {}",
                        epoch, step, epochCount > 0 ? epochSum / epochCount : Double.NaN,
                        e == null ? Double.NaN : e.trainLoss(),
                        e == null ? Double.NaN : e.validationLoss());
            }
            epochSum = 0;
            epochCount = 0;
            if (stop == null && epoch >= epochs) {
                if (last == null || last.step() != step) {
                    stop = evaluateOrStop(true);
                }
                if (stop == null) {
                    stop = TrainingStop.COMPLETED;
                }
            }
            return stop;
        }

        /** Evaluates at the current parameters; returns a stop reason or null. */
        private TrainingStop evaluateOrStop(boolean finalOne) {
            if (finalOne && last != null && last.step() == step) {
                return null;
            }
            double running = runningCount > 0 ? runningSum / runningCount : Double.NaN;
            runningSum = 0;
            runningCount = 0;
            double train = fullLoss ? f.value(params) : Double.NaN;
            if (fullLoss && !Double.isFinite(train)) {
                divergence = new Divergence(step, null, train, "train");
                return TrainingStop.DIVERGED;
            }
            double val = validation != null ? validation.value(params) : Double.NaN;
            if (validation != null && !Double.isFinite(val)) {
                divergence = new Divergence(step, null, val, "validation");
                return TrainingStop.DIVERGED;
            }
            Evaluation e = new Evaluation(step, epoch, running, train, val);
            record(e);
            double monitored = validation != null ? val : fullLoss ? train : running;
            if (monitored < bestValue - minDelta || best == null) {
                bestValue = Math.min(bestValue, monitored);
                best = e;
                sinceBest = 0;
                if (restoreBest) {
                    if (bestParams == null) {
                        bestParams = params.dup();
                    } else {
                        bestParams.assign(params);
                    }
                }
            } else {
                sinceBest++;
                if (patience > 0 && sinceBest >= patience) {
                    return TrainingStop.EARLY_STOPPED;
                }
            }
            return null;
        }

        private void record(Evaluation e) {
            last = e;
            if (evaluations++ % keepEvery == 0) {
                history.add(e);
                if (history.size() >= historyLimit) {
                    List<Evaluation> kept = new ArrayList<>(history.size() / 2 + 1);
                    for (int i = 0; i < history.size(); i += 2) {
                        kept.add(history.get(i));
                    }
                    history.clear();
                    history.addAll(kept);
                    keepEvery *= 2;
                }
            }
            for (TrainingListener l : listeners) {
                l.onEvaluation(e);
            }
        }
    }

    private static boolean finite(INDArray a) {
        return !a.isNaN().any() && !a.isInfinite().any();
    }

    @Override
    public String toString() {
        return "Trainer{optimizer=" + (optimizer != null ? optimizer : setOptimizer) + ", batchPlan=" + batchPlan + ", epochs=" + epochs
                + ", maxSteps=" + maxSteps + ", evaluateEvery="
                + (evaluateEvery == 0 ? "epoch" : evaluateEvery + " steps") + ", fullLoss="
                + fullLoss + ", validation=" + (validation != null) + ", patience=" + patience
                + ", minDelta=" + minDelta + ", restoreBest=" + restoreBest + "}";
    }

    /** Builds a {@link Trainer}. */
    public static final class Builder {
        private final Optimizer optimizer;
        private final ParameterSetOptimizer setOptimizer;
        private BatchPlan batchPlan = BatchPlan.of(32);
        private long epochs = 10;
        private long maxSteps = Long.MAX_VALUE;
        private long evaluateEvery;
        private boolean fullLoss = true;
        private StochasticObjective validation;
        private int patience;
        private double minDelta;
        private boolean restoreBest;
        private int historyLimit = 10_000;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private BooleanSupplier cancelled = () -> false;

        private Builder(Optimizer optimizer, ParameterSetOptimizer setOptimizer) {
            this.optimizer = optimizer;
            this.setOptimizer = setOptimizer;
        }

        /**
         * How mini-batches are drawn (default {@code BatchPlan.of(32)}: sequential, the last
         * partial batch kept).
         *
         * @param plan the plan
         * @return this builder
         * @throws IllegalArgumentException if {@code plan} is null
         */
        public Builder batchPlan(BatchPlan plan) {
            if (plan == null) {
                throw new IllegalArgumentException("batchPlan must not be null");
            }
            this.batchPlan = plan;
            return this;
        }

        /**
         * The number of epochs (default 10).
         *
         * @param count at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is below 1
         */
        public Builder epochs(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + count);
            }
            this.epochs = count;
            return this;
        }

        /**
         * The largest number of updates (default unlimited: the epochs decide).
         *
         * @param count at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is below 1
         */
        public Builder maxSteps(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxSteps must be >= 1, got " + count);
            }
            this.maxSteps = count;
            return this;
        }

        /**
         * Evaluate every {@code k} updates; 0 (the default) evaluates at the end of each epoch.
         *
         * @param k the cadence, {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code k} is negative
         */
        public Builder evaluateEvery(long k) {
            if (k < 0) {
                throw new IllegalArgumentException("evaluateEvery must be >= 0, got " + k);
            }
            this.evaluateEvery = k;
            return this;
        }

        /**
         * Whether an evaluation computes the loss over the whole training objective (default
         * true); without it only the running mini-batch loss is reported.
         *
         * @param on true to evaluate the full loss
         * @return this builder
         */
        public Builder fullLoss(boolean on) {
            this.fullLoss = on;
            return this;
        }

        /**
         * A validation objective over the same parameters, evaluated at each evaluation and
         * monitored for early stopping.
         *
         * @param objective the validation objective, or null for none
         * @return this builder
         */
        public Builder validation(StochasticObjective objective) {
            this.validation = objective;
            return this;
        }

        /**
         * Stop after {@code evaluations} evaluations without improvement of the monitored loss;
         * 0 (the default) never stops early.
         *
         * @param evaluations the patience, {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code evaluations} is negative
         */
        public Builder patience(int evaluations) {
            if (evaluations < 0) {
                throw new IllegalArgumentException("patience must be >= 0, got " + evaluations);
            }
            this.patience = evaluations;
            return this;
        }

        /**
         * The least decrease that counts as an improvement (default 0).
         *
         * @param delta finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code delta} is negative or not finite
         */
        public Builder minDelta(double delta) {
            this.minDelta = Checks.nonNegative("minDelta", delta);
            return this;
        }

        /**
         * Whether the run hands back the parameters of the best evaluation rather than the last
         * (default false). Keeps one copy of the parameters.
         *
         * @param on true to restore the best parameters
         * @return this builder
         */
        public Builder restoreBest(boolean on) {
            this.restoreBest = on;
            return this;
        }

        /**
         * The most evaluations kept in the history (default 10000); beyond it, every other one
         * is dropped and later ones are kept at half the rate.
         *
         * @param limit at least 2
         * @return this builder
         * @throws IllegalArgumentException if {@code limit} is below 2
         */
        public Builder historyLimit(int limit) {
            if (limit < 2) {
                throw new IllegalArgumentException("historyLimit must be >= 2, got " + limit);
            }
            this.historyLimit = limit;
            return this;
        }

        /**
         * Adds a listener told of each evaluation.
         *
         * @param listener the listener
         * @return this builder
         * @throws IllegalArgumentException if {@code listener} is null
         */
        public Builder listener(TrainingListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("listener must not be null");
            }
            listeners.add(listener);
            return this;
        }

        /**
         * A cancellation signal, polled before each update.
         *
         * @param signal true to stop
         * @return this builder
         * @throws IllegalArgumentException if {@code signal} is null
         */
        public Builder cancelled(BooleanSupplier signal) {
            if (signal == null) {
                throw new IllegalArgumentException("cancelled must not be null");
            }
            this.cancelled = signal;
            return this;
        }

        /**
         * Builds the trainer.
         *
         * @return the trainer
         */
        public Trainer build() {
            return new Trainer(this);
        }
    }
}
