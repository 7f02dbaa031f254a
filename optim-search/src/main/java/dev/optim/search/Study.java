package dev.optim.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A hyperparameter search with an ask/tell interface, as Optuna's: {@link #ask()} a
 * {@link Trial}, run it however you like, then {@link #tell(Trial, double)} its value (to be
 * minimised) or {@link #tell(Trial, Failure)} its failure. A diverged trial is a result
 * ({@link TrialState#FAILED}), not a crash. Thread-safe.
 *
 * <pre>{@code
 * Study study = Study.builder(space).sampler(new BayesianSampler()).seed(42).build();
 * for (int i = 0; i < 30; i++) {
 *     Trial t = study.ask();
 *     study.tell(t, objective(t.params()));
 * }
 * FinishedTrial best = study.best().orElseThrow();
 * }</pre>
 *
 * <h2>Reproducibility</h2>
 *
 * Trials are numbered from 0 and grouped in batches of {@link Builder#batchSize(int) k}: trial
 * {@code i} of batch {@code b = ⌊i/k⌋} is a function of the seed, {@code i}, the finished trials
 * with index {@code < b·k} and the points proposed for {@code b·k … i−1}. An adaptive sampler
 * ({@link Sampler#usesHistory()}) or an early-stopping rule therefore hands out batch {@code b}
 * only once every trial of the earlier batches is told ({@link #canAsk()} says whether it can):
 * up to {@code k} trials run at once, and the same trials with the same values come out for any
 * number of workers, in any completion order. Non-adaptive samplers never wait.
 *
 * <h2>Journal</h2>
 *
 * With {@link Builder#journal(Path)}, every told trial is appended to the file and forced to the
 * device before {@code tell} returns; building a study on an existing journal resumes it (its
 * seed, sampler, batch size, rule and space must match). A crash loses only the trials that were
 * still running: they are asked again, first, with the same points.
 */
public final class Study implements AutoCloseable {

    /** The default batch size {@code k}. */
    public static final int DEFAULT_BATCH_SIZE = 4;

    private final String id = UUID.randomUUID().toString();
    private final SearchSpace space;
    private final Sampler sampler;
    private final long seed;
    private final int batchSize;
    private final SuccessiveHalving pruner;
    private final Journal journal;

    private final TreeMap<Long, FinishedTrial> finished = new TreeMap<>();
    private final Map<Long, double[]> running = new HashMap<>();
    private final TreeSet<Long> reissue = new TreeSet<>();
    private long next;

    private Study(Builder b) {
        this.space = b.space;
        this.sampler = b.sampler;
        this.seed = b.seed;
        this.batchSize = b.batchSize;
        this.pruner = b.pruner;
        if (b.journal != null) {
            var restored = new ArrayList<FinishedTrial>();
            this.journal = Journal.open(b.journal, Journal.header(seed, sampler.name(), batchSize,
                    pruner == null ? "none" : pruner.toString(), space.describe()), space, restored);
            for (FinishedTrial t : restored) {
                finished.put(t.index(), t);
            }
            next = finished.isEmpty() ? 0 : finished.lastKey() + 1;
            for (long i = 0; i < next; i++) {
                if (!finished.containsKey(i)) {
                    reissue.add(i);
                }
            }
        } else {
            this.journal = null;
        }
    }

    /**
     * A builder for a study over {@code space}.
     *
     * @param space the space
     * @return the builder
     */
    public static Builder builder(SearchSpace space) {
        return new Builder(space);
    }

    /**
     * The space.
     *
     * @return the space
     */
    public SearchSpace space() {
        return space;
    }

    /**
     * The sampler.
     *
     * @return the sampler
     */
    public Sampler sampler() {
        return sampler;
    }

    /**
     * The seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The batch size {@code k}.
     *
     * @return {@code k}
     */
    public int batchSize() {
        return batchSize;
    }

    private boolean waitsForHistory() {
        return sampler.usesHistory() || pruner != null;
    }

    private long peekNext() {
        return reissue.isEmpty() ? next : reissue.first();
    }

    /**
     * Whether {@link #ask()} can hand out the next trial now: it cannot while trials of earlier
     * batches are running (adaptive samplers and early stopping only), nor beyond the sampler's
     * {@link Sampler#size size}.
     *
     * @return true if {@code ask()} would succeed
     */
    public synchronized boolean canAsk() {
        return blocker(peekNext()) == null;
    }

    private String blocker(long i) {
        if (i >= sampler.size(space)) {
            return "the " + sampler.name() + " sampler has only " + sampler.size(space) + " points";
        }
        if (waitsForHistory()) {
            long start = i / batchSize * batchSize;
            for (long j : running.keySet()) {
                if (j < start) {
                    return "trial " + i + " (batch " + i / batchSize + " of size " + batchSize
                            + ") is proposed from trials 0.." + (start - 1) + ", and trial " + j
                            + " is still running: tell it first";
                }
            }
        }
        return null;
    }

    /**
     * Hands out the next trial.
     *
     * @return the trial
     * @throws IllegalStateException if it cannot yet (see {@link #canAsk()}), saying why
     */
    public synchronized Trial ask() {
        long i = peekNext();
        String why = blocker(i);
        if (why != null) {
            throw new IllegalStateException("cannot ask trial " + i + ": " + why);
        }
        long start = i / batchSize * batchSize;
        var history = new ArrayList<FinishedTrial>(finished.headMap(start).values());
        var pending = new ArrayList<double[]>();
        for (long j = start; j < i; j++) {
            FinishedTrial f = finished.get(j);
            pending.add(f != null ? f.unit() : running.get(j).clone());
        }
        double[] u = sampler.propose(space, seed, i, waitsForHistory() ? history : List.of(), pending);
        if (u.length != space.dimension()) {
            throw new IllegalStateException("sampler " + sampler.name() + " proposed a point of length "
                    + u.length + " for a space of " + space.dimension());
        }
        Params params = space.decode(u);
        if (!reissue.remove(i)) {
            next++;
        }
        running.put(i, u.clone());
        return new Trial(id, i, u, params, pruner, pruner == null ? null : pruner.snapshot(history));
    }

    /**
     * Records a trial's final value. A non-finite value is recorded as a failure ("non-finite
     * value NaN"); a trial that its rule pruned is recorded as {@link TrialState#PRUNED}.
     *
     * @param trial the trial, as {@link #ask()} returned it
     * @param value its value, to be minimised
     * @return the finished trial
     * @throws IllegalArgumentException if the trial was never asked by this study, or was told
     *     already
     */
    public FinishedTrial tell(Trial trial, double value) {
        if (!Double.isFinite(value)) {
            return tell(trial, new Failure("non-finite value " + value));
        }
        return finish(trial, trial.shouldPrune() ? TrialState.PRUNED : TrialState.COMPLETE, value, "");
    }

    /**
     * Records a trial's failure.
     *
     * @param trial the trial, as {@link #ask()} returned it
     * @param failure what happened
     * @return the finished trial
     * @throws IllegalArgumentException if the trial was never asked by this study, or was told
     *     already
     */
    public FinishedTrial tell(Trial trial, Failure failure) {
        Objects.requireNonNull(failure, "failure");
        return finish(trial, TrialState.FAILED, Double.NaN, failure.message());
    }

    private synchronized FinishedTrial finish(Trial trial, TrialState state, double value, String message) {
        Objects.requireNonNull(trial, "trial");
        long i = trial.index();
        if (!trial.studyId().equals(id)) {
            throw new IllegalArgumentException("trial " + i + " was asked by another study");
        }
        if (finished.containsKey(i)) {
            throw new IllegalArgumentException("trial " + i + " was told already: " + finished.get(i));
        }
        if (!running.containsKey(i)) {
            throw new IllegalArgumentException("trial " + i + " was never asked by this study");
        }
        var t = new FinishedTrial(i, trial.unit(), trial.params(), state, value, message, trial.reports());
        if (journal != null) {
            journal.write(t);
        }
        running.remove(i);
        finished.put(i, t);
        return t;
    }

    /**
     * The finished trials, by index.
     *
     * @return a copy
     */
    public synchronized List<FinishedTrial> trials() {
        return new ArrayList<>(finished.values());
    }

    /**
     * The number of finished trials.
     *
     * @return the count
     */
    public synchronized int finishedCount() {
        return finished.size();
    }

    /**
     * The number of trials asked and not yet told.
     *
     * @return the count
     */
    public synchronized int runningCount() {
        return running.size();
    }

    /**
     * The completed trial with the lowest value (ties: the lowest index).
     *
     * @return the best trial, or empty if none completed
     */
    public synchronized Optional<FinishedTrial> best() {
        return finished.values().stream().filter(FinishedTrial::isComplete)
                .min(Comparator.comparingDouble(FinishedTrial::value).thenComparingLong(FinishedTrial::index));
    }

    /** Closes the journal, if any. */
    @Override
    public synchronized void close() {
        if (journal != null) {
            journal.close();
        }
    }

    @Override
    public String toString() {
        return "Study[sampler=" + sampler.name() + ", seed=" + seed + ", batchSize=" + batchSize
                + ", space=" + space.describe() + "]";
    }

    /** Builds a {@link Study}. */
    public static final class Builder {
        private final SearchSpace space;
        private Sampler sampler = new RandomSampler();
        private long seed;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private SuccessiveHalving pruner;
        private Path journal;

        private Builder(SearchSpace space) {
            this.space = Objects.requireNonNull(space, "space");
        }

        /**
         * The sampler; {@link RandomSampler} by default.
         *
         * @param sampler the sampler
         * @return this builder
         */
        public Builder sampler(Sampler sampler) {
            this.sampler = Objects.requireNonNull(sampler, "sampler");
            return this;
        }

        /**
         * The seed; 0 by default.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The batch size {@code k}: how many trials an adaptive sampler proposes from the same
         * history, so at most how many run at once; {@value Study#DEFAULT_BATCH_SIZE} by default. It
         * is part of the study's definition, not of the machine: the thread count does not change
         * the trials.
         *
         * @param batchSize {@code k}, at least 1
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Early stopping of bad trials by successive halving; none by default.
         *
         * @param pruner the rule
         * @return this builder
         */
        public Builder pruner(SuccessiveHalving pruner) {
            this.pruner = pruner;
            return this;
        }

        /**
         * An append-only journal file: created if absent, resumed if it holds trials.
         *
         * @param path the file
         * @return this builder
         */
        public Builder journal(Path path) {
            this.journal = path;
            return this;
        }

        /**
         * Builds the study, resuming its journal if there is one.
         *
         * @return the study
         * @throws IllegalArgumentException if the journal belongs to another study or is corrupt
         * @throws java.io.UncheckedIOException if the journal cannot be read or written
         */
        public Study build() {
            return new Study(this);
        }
    }
}
