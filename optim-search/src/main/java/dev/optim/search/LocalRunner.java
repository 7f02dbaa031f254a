package dev.optim.search;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a study's trials on a pool of threads, all cores by default. The trials and their values do
 * not depend on the thread count (see {@link Study}'s reproducibility rule): only the wall time
 * does.
 *
 * <pre>{@code
 * List<FinishedTrial> trials = new LocalRunner().run(study, trial -> loss(trial.params()), 60);
 * }</pre>
 */
public final class LocalRunner {

    private final int threads;
    private final Consumer<FinishedTrial> listener;

    /** A runner on all available processors. */
    public LocalRunner() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * A runner on {@code threads} threads.
     *
     * @param threads the thread count, at least 1
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public LocalRunner(int threads) {
        this(threads, t -> { });
    }

    private LocalRunner(int threads, Consumer<FinishedTrial> listener) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.listener = listener;
    }

    /**
     * The same runner, calling {@code listener} on the calling thread after each trial is told
     * (for a progress line).
     *
     * @param listener the listener
     * @return a new runner
     */
    public LocalRunner onFinished(Consumer<FinishedTrial> listener) {
        return new LocalRunner(threads, listener);
    }

    /**
     * The thread count.
     *
     * @return the threads
     */
    public int threads() {
        return threads;
    }

    /**
     * Runs trials until the study has {@code trials} finished ones (a resumed study runs only the
     * missing ones).
     *
     * @param study the study
     * @param objective the objective
     * @param trials the total number of finished trials wanted
     * @return the study's finished trials, by index
     * @throws IllegalArgumentException if {@code trials} exceeds what the sampler can propose
     */
    public List<FinishedTrial> run(Study study, TrialObjective objective, int trials) {
        long size = study.sampler().size(study.space());
        if (trials > size) {
            throw new IllegalArgumentException("trials must be <= " + size + " for the "
                    + study.sampler().name() + " sampler over this space, got " + trials);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "optim-trial-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
        try {
            var done = new ExecutorCompletionService<Outcome>(pool);
            int inFlight = 0;
            while (study.finishedCount() < trials) {
                while (inFlight < threads && study.finishedCount() + study.runningCount() < trials
                        && study.canAsk()) {
                    Trial trial = study.ask();
                    done.submit(() -> Outcome.run(objective, trial));
                    inFlight++;
                }
                if (inFlight == 0) {
                    throw new IllegalStateException("no trial can be asked and none is running: "
                            + "trials of this study were asked outside the runner and not told");
                }
                Outcome o = done.take().get();
                inFlight--;
                listener.accept(o.tellTo(study));
            }
            return study.trials();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running trials", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a trial's runner failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "LocalRunner[threads=" + threads + "]";
    }
}
