package dev.optim.bench;

import dev.optim.core.descent.Descent;
import dev.optim.core.optimizer.Adam;
import dev.optim.search.BayesianSampler;
import dev.optim.search.FinishedTrial;
import dev.optim.search.LocalRunner;
import dev.optim.search.Parameter;
import dev.optim.search.RandomSampler;
import dev.optim.search.SearchSpace;
import dev.optim.search.Study;
import dev.optim.search.Trial;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The search's own costs.
 *
 * <ul>
 *   <li>{@code proposeBayes} / {@code proposeRandom}: one proposal (what {@code Study.ask()}
 *       spends in the sampler) after {@code finished} told trials of a 2-D study, for the Bayesian
 *       sampler (GP fit by maximum likelihood with L-BFGS and EI multi-start included; its training
 *       set is capped at {@value BayesianSampler#DEFAULT_MAX_TRAINING_SIZE} trials, so 1000 costs
 *       about what 200 does) and the random one;
 *   <li>{@code trials}: a study of {@value #TRIALS} random trials, each Adam for {@value #STEPS}
 *       steps on Rosenbrock with the trial's learning rate, on {@code threads} worker threads
 *       (trials per second = ops/s × {@value #TRIALS}).
 * </ul>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
public class SearchBenchmark {
    /** Made by JMH. */
    public SearchBenchmark() {}

    /** Trials per {@code trials} call. */
    public static final int TRIALS = 32;
    /** Adam steps per trial. */
    public static final int STEPS = 20_000;

    static final SearchSpace SPACE = SearchSpace.of(Parameter.uniform("x1", -5, 10), Parameter.uniform("x2", 0, 15));

    static double branin(double x1, double x2) {
        double q = x2 - 5.1 / (4 * Math.PI * Math.PI) * x1 * x1 + 5 / Math.PI * x1 - 6;
        return q * q + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
    }

    /** A history of told Branin trials. */
    @State(Scope.Benchmark)
    public static class History {
        /** Made by JMH. */
        public History() {}

        /** Told trials before the proposal. */
        @Param({"100", "1000"})
        public int finished;

        List<FinishedTrial> trials;
        BayesianSampler bayes;
        RandomSampler random;

        /** Tells {@code finished} random trials. */
        @Setup(Level.Trial)
        public void make() {
            Study study = Study.builder(SPACE).seed(1).build();
            for (int i = 0; i < finished; i++) {
                Trial t = study.ask();
                study.tell(t, branin(t.params().getDouble("x1"), t.params().getDouble("x2")));
            }
            trials = study.trials();
            bayes = new BayesianSampler();
            random = new RandomSampler();
        }
    }

    /**
     * One Bayesian proposal.
     *
     * @param h the history
     * @return the point
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double[] proposeBayes(History h) {
        return h.bayes.propose(SPACE, 7, h.finished, h.trials, List.of());
    }

    /**
     * One random proposal.
     *
     * @param h the history
     * @return the point
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double[] proposeRandom(History h) {
        return h.random.propose(SPACE, 7, h.finished, h.trials, List.of());
    }

    /** A landscape study on a thread pool. */
    @State(Scope.Benchmark)
    public static class Pool {
        /** Made by JMH. */
        public Pool() {}

        /** Worker threads. */
        @Param({"1", "2"})
        public int threads;

        LocalRunner runner;
        SearchSpace space;

        /** Builds the runner. */
        @Setup(Level.Trial)
        public void make() {
            runner = new LocalRunner(threads);
            space = SearchSpace.of(Parameter.logUniform("lr", 1e-4, 1e-1));
        }
    }

    /**
     * {@value #TRIALS} trials of Adam on Rosenbrock.
     *
     * @param p the pool
     * @return the trials
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(TRIALS)
    public List<FinishedTrial> trials(Pool p) {
        Study study = Study.builder(p.space).seed(3).build();
        return p.runner.run(study, t -> {
            Descent d = Descent.builder(Adam.builder().learningRate(t.params().getDouble("lr")).build())
                    .maxSteps(STEPS).recordEvery(STEPS).recordParameters(false).build();
            return d.run(new Rosenbrock(), new double[] {0, 0}).loss();
        }, TRIALS);
    }
}
