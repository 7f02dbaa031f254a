package dev.optim.core.params;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.OptimizerState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Steps every tensor of a {@link ParameterSet} with one call: an optimizer (its rule, schedule,
 * weight decay and clipping), each group's {@link GroupOverrides} applied to it, and how many
 * threads may share the work. Immutable and safe to share; the run's mutable part is a
 * {@link ParameterSetState}.
 *
 * <pre>{@code
 * ParameterSetOptimizer opt = ParameterSetOptimizer.of(Adam.builder().learningRate(1e-3)
 *         .clipping(Clipping.byGlobalNormPyTorch(1.0)).build());
 * ParameterSetState state = opt.init(set);
 * GradientSet grads = set.zerosLikeGradients();
 * for (int k = 0; k < 100; k++) {
 *     objective.gradients(set, grads);     // fill grads
 *     opt.step(set, grads, state);         // every tensor updated in place
 * }
 * }</pre>
 *
 * <p>A step {@code t} (1 for the first) of tensor {@code i} in group {@code G} is exactly the
 * update {@link BaseOptimizer#step} of the group's optimizer ({@code G}'s overrides applied to
 * the set's optimizer) at the set's step counter, with one exception: clipping by global norm
 * spans the whole set. Its norm is {@code ‖g‖ = √(Σ_i Σ g_i²)} for
 * {@link Clipping#byGlobalNorm} (Optax's {@code clip_by_global_norm}), and the norm of the
 * per-tensor norms {@code √(Σ_i ‖g_i‖²)} for {@link Clipping#byGlobalNormPyTorch} (exactly as
 * PyTorch's {@code clip_grad_norm_} computes it). The sums of squares are taken in float64 in a
 * fixed order (each tensor in blocks of 65,536 elements in memory order, blocks and then tensors
 * added in order), the same for any number of threads; every tensor's gradient is then scaled by
 * the one factor {@link Clipping#scale(double)}. Clipping by value stays element-wise.
 *
 * <p>Before any tensor is touched a step checks the gradients, the state and every group's
 * learning rate at this step: a refused step changes nothing.
 *
 * <p>Threads: with {@link Builder#threads(int)} above 1, the set's elements are split into that
 * many parts of about equal size, stepped in parallel (on the given {@link Executor}, or on
 * daemon threads that this class shares between its instances); the calling thread takes one
 * part. Every element's update is the same function of its own values whatever the split, and
 * the norm's order is fixed, so results are bit-identical for any thread count.
 */
public final class ParameterSetOptimizer {

    private static final ExecutorService SHARED = Executors.newCachedThreadPool(daemons());

    private final BaseOptimizer optimizer;
    private final int threads;
    private final Executor executor;

    private ParameterSetOptimizer(Builder b) {
        this.optimizer = b.optimizer;
        this.threads = b.threads;
        this.executor = b.executor != null ? b.executor : SHARED;
    }

    /**
     * A set optimizer that runs on the calling thread.
     *
     * @param optimizer the optimizer of every tensor (before group overrides)
     * @return the set optimizer
     * @throws IllegalArgumentException if {@code optimizer} is null
     */
    public static ParameterSetOptimizer of(BaseOptimizer optimizer) {
        return builder(optimizer).build();
    }

    /**
     * A builder, single-threaded until told otherwise.
     *
     * @param optimizer the optimizer of every tensor (before group overrides)
     * @return a new builder
     * @throws IllegalArgumentException if {@code optimizer} is null
     */
    public static Builder builder(BaseOptimizer optimizer) {
        return new Builder(optimizer);
    }

    /**
     * The optimizer of the tensors in no group with overrides.
     *
     * @return the base optimizer
     */
    public BaseOptimizer optimizer() {
        return optimizer;
    }

    /**
     * The number of parts a step is split into.
     *
     * @return the thread count, at least 1
     */
    public int threads() {
        return threads;
    }

    /**
     * The optimizer that steps group {@code group} of {@code set}: the base optimizer with the
     * group's overrides applied.
     *
     * @param set the set
     * @param group the group's name
     * @return the group's optimizer
     * @throws IllegalArgumentException if the set has no such group, or the overrides do not
     *     fit the optimizer
     */
    public BaseOptimizer optimizerOf(ParameterSet set, String group) {
        for (ParameterGroup g : set.groups()) {
            if (g.name().equals(group)) {
                return derive(g);
            }
        }
        throw new IllegalArgumentException("the set has no group named '" + group + "'");
    }

    /**
     * Creates the state for a run on {@code set}: zeroed buffers for every tensor, the step
     * counter at 0. Every group's optimizer is derived and validated here.
     *
     * @param set the set
     * @return a new state
     * @throws IllegalArgumentException if {@code set} is null or a group's overrides do not fit
     *     the optimizer
     */
    public ParameterSetState init(ParameterSet set) {
        requireSet(set);
        BaseOptimizer[] byGroup = deriveGroups(set);
        OptimizerState[] states = new OptimizerState[set.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = byGroup[set.groupIndex(i)].init(set.tensor(i));
        }
        ParameterSetState state = new ParameterSetState(set, optimizer.kind(), states, 0);
        state.groupOptimizers(this);
        return state;
    }

    /**
     * Reads a state written by {@link ParameterSetState#save} for {@code set}. Tensors are
     * matched by name, not position: the set may list them in another order. The whole input is
     * read and checked (format, checksum, optimizer kind, and for every tensor its name, shape,
     * data type and group) before anything is built, and a refusal names the first tensor, in the
     * set's order, that does not fit; nothing is half-loaded. The step counter, and so every
     * schedule's position, is restored: the run continues bit for bit.
     *
     * @param in the saved state; read to its end, not closed
     * @param set the set the state will update
     * @return the restored state
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the input is truncated or corrupted, was saved by
     *     another kind of optimizer, or does not fit {@code set}
     */
    public ParameterSetState restore(InputStream in, ParameterSet set) throws IOException {
        requireSet(set);
        SetStateFormat.Saved saved = SetStateFormat.parse(in);
        SetStateFormat.Entry[] entries = SetStateFormat.match(saved, set, optimizer.kind());
        BaseOptimizer[] byGroup = deriveGroups(set);
        OptimizerState[] states = new OptimizerState[set.size()];
        for (int i = 0; i < states.length; i++) {
            try {
                states[i] = byGroup[set.groupIndex(i)].restore(
                        new ByteArrayInputStream(entries[i].state()), set.tensor(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("saved state of tensor '" + set.name(i)
                        + "' is refused: " + e.getMessage(), e);
            }
            if (states[i].step() != saved.step()) {
                throw new IllegalArgumentException("saved parameter-set state is malformed: "
                        + "tensor '" + set.name(i) + "' is at step " + states[i].step()
                        + " but the set at step " + saved.step());
            }
        }
        ParameterSetState state = new ParameterSetState(set, optimizer.kind(), states,
                saved.step());
        state.groupOptimizers(this);
        return state;
    }

    /**
     * Performs one update of every tensor of {@code set} in place (see the class comment), and
     * advances the state's step counter.
     *
     * @param set the parameters, updated in place
     * @param gradients the gradients, made for {@code set}; not modified
     * @param state the state made for {@code set} (or a set of the same structure)
     * @throws IllegalArgumentException if the gradients were made for another set, the state
     *     does not fit, or a group's learning rate at this step is negative or not finite;
     *     nothing is updated then
     */
    public void step(ParameterSet set, GradientSet gradients, ParameterSetState state) {
        requireSet(set);
        if (gradients == null || state == null) {
            throw new IllegalArgumentException("gradients and state must not be null");
        }
        if (gradients.parameters() != set) {
            throw new IllegalArgumentException("gradients were made for another parameter set;"
                    + " make them with set.zerosLikeGradients() or set.gradients(map)");
        }
        if (!state.kind().equals(optimizer.kind())) {
            throw new IllegalArgumentException("state belongs to a '" + state.kind()
                    + "' optimizer, not to this '" + optimizer.kind() + "' optimizer");
        }
        if (!state.parameters().sameStructure(set)) {
            throw new IllegalArgumentException("state was made for " + state.parameters()
                    + ", which differs from " + set + " in its names, shapes or groups");
        }
        BaseOptimizer[] byGroup = state.groupOptimizers(this);
        long k = state.step();
        List<ParameterGroup> groups = set.groups();
        for (int g = 0; g < byGroup.length; g++) {
            if (groups.get(g).members().isEmpty()) {
                continue;
            }
            double rate = byGroup[g].learningRate().valueAt(k);
            if (!(rate >= 0) || !Double.isFinite(rate)) {
                throw new IllegalArgumentException("learning rate of group '"
                        + groups.get(g).name() + "' at step " + k
                        + " must be finite and >= 0, got " + rate);
            }
        }
        Clipping clipping = optimizer.clipping();
        INDArrays arrays = new INDArrays(set, gradients);
        int[] cuts = cuts(set, threads);
        if (clipping.isByNorm()) {
            double[] perTensor = new double[set.size()];
            run(cuts, (from, to) -> {
                for (int i = from; i < to; i++) {
                    perTensor[i] = Norms.sumOfSquares(arrays.gradient(i));
                }
            });
            double scale = Norms.scale(clipping, perTensor);
            run(cuts, (from, to) -> {
                for (int i = from; i < to; i++) {
                    byGroup[set.groupIndex(i)].stepWithGradientScale(arrays.param(i),
                            arrays.gradient(i), state.state(i), scale);
                }
            });
        } else {
            run(cuts, (from, to) -> {
                for (int i = from; i < to; i++) {
                    byGroup[set.groupIndex(i)].step(arrays.param(i), arrays.gradient(i),
                            state.state(i));
                }
            });
        }
        state.advance();
    }

    /** Parameters and gradients by position. */
    private record INDArrays(ParameterSet set, GradientSet gradients) {
        INDArray param(int i) {
            return set.tensor(i);
        }

        INDArray gradient(int i) {
            return gradients.arrays()[i];
        }
    }

    /** Work on tensors {@code [from, to)}. */
    @FunctionalInterface
    private interface Part {
        void run(int from, int to);
    }

    /** Splits the tensors into at most {@code parts} runs of about equal element counts. */
    private static int[] cuts(ParameterSet set, int parts) {
        int n = set.size();
        if (parts <= 1 || n == 1) {
            return new int[] {0, n};
        }
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        long total = set.length();
        int i = 0;
        for (int p = 1; p < parts; p++) {
            long target = total * p / parts;
            while (i < n && set.offset(i + 1) <= target) {
                i++;
            }
            if (i > cuts.get(cuts.size() - 1) && i < n) {
                cuts.add(i);
            }
        }
        cuts.add(n);
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    private void run(int[] cuts, Part part) {
        int parts = cuts.length - 1;
        if (parts == 1) {
            part.run(cuts[0], cuts[1]);
            return;
        }
        CompletableFuture<?>[] futures = new CompletableFuture<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = cuts[p];
            int to = cuts[p + 1];
            futures[p - 1] = CompletableFuture.runAsync(() -> part.run(from, to), executor);
        }
        RuntimeException first = null;
        try {
            part.run(cuts[0], cuts[1]);
        } catch (RuntimeException e) {
            first = e;
        }
        for (CompletableFuture<?> f : futures) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Each group's optimizer, by group index. */
    BaseOptimizer[] deriveGroups(ParameterSet set) {
        List<ParameterGroup> groups = set.groups();
        BaseOptimizer[] byGroup = new BaseOptimizer[groups.size()];
        for (int g = 0; g < byGroup.length; g++) {
            byGroup[g] = derive(groups.get(g));
        }
        return byGroup;
    }

    private BaseOptimizer derive(ParameterGroup group) {
        try {
            BaseOptimizer derived = group.overrides().applyTo(optimizer);
            if (!derived.kind().equals(optimizer.kind())) {
                throw new IllegalArgumentException("its optimizer would be '" + derived.kind()
                        + "', not '" + optimizer.kind() + "'");
            }
            return derived;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("group '" + group.name() + "': "
                    + e.getMessage(), e);
        }
    }

    private static void requireSet(ParameterSet set) {
        if (set == null) {
            throw new IllegalArgumentException("set must not be null");
        }
    }

    private static ThreadFactory daemons() {
        return r -> {
            Thread t = new Thread(r, "optim-parameter-set");
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "ParameterSetOptimizer{" + optimizer + ", threads=" + threads + "}";
    }

    /** Builds a {@link ParameterSetOptimizer}. */
    public static final class Builder {
        private final BaseOptimizer optimizer;
        private int threads = 1;
        private Executor executor;

        private Builder(BaseOptimizer optimizer) {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer must not be null");
            }
            this.optimizer = optimizer;
        }

        /**
         * How many parts a step is split into, run in parallel; 1 (the default) runs on the
         * calling thread. Results are the same bits for any count.
         *
         * @param threads the count, in {@code [1, 1024]}
         * @return this builder
         * @throws IllegalArgumentException if {@code threads} is out of range
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Splits steps over every available processor
         * ({@link Runtime#availableProcessors()}).
         *
         * @return this builder
         */
        public Builder allCores() {
            return threads(Math.max(1, Math.min(1024, Runtime.getRuntime().availableProcessors())));
        }

        /**
         * The executor that runs all parts but the caller's; by default daemon threads shared by
         * every set optimizer. Has no effect with one thread.
         *
         * @param executor the executor
         * @return this builder
         * @throws IllegalArgumentException if {@code executor} is null
         */
        public Builder executor(Executor executor) {
            if (executor == null) {
                throw new IllegalArgumentException("executor must not be null");
            }
            this.executor = executor;
            return this;
        }

        /**
         * Builds the set optimizer.
         *
         * @return the set optimizer
         */
        public ParameterSetOptimizer build() {
            return new ParameterSetOptimizer(this);
        }
    }
}
