package dev.optim.bench;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.params.GradientSet;
import dev.optim.core.params.ParameterSet;
import dev.optim.core.params.ParameterSetOptimizer;
import dev.optim.core.params.ParameterSetState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One step of a large parameter set, 10,000,000 float32 parameters in {@code tensors} tensors of
 * equal size, through {@link ParameterSetOptimizer}: on the calling thread ({@code optimSet}) and
 * split over every core ({@code optimSetAllCores}). Against, in the same run: the fused loop over
 * Java arrays on one thread ({@code floor}) and split in two halves on two threads
 * ({@code floor2Threads}, the floor that the multi-threaded step is held to), and ND4J's updater
 * tensor by tensor ({@code nd4jUpdater}, which itself runs on ND4J's OpenMP threads). State drift
 * as in {@link UpdateStepBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Dorg.bytedeco.javacpp.maxbytes=3g",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=7g"})
@Warmup(iterations = 4, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class LargeSetBenchmark {
    /** Made by JMH. */
    public LargeSetBenchmark() {}

    /** The parameters in all. */
    static final int SIZE = 10_000_000;

    /** The problem: optimizer, tensor count and seeded values. */
    @State(Scope.Benchmark)
    public static class Problem {
        /** Made by JMH. */
        public Problem() {}

        /** The optimizer. */
        @Param({"adam", "rmsprop"})
        public String optimizer;
        /** The number of tensors the parameters are split into. */
        @Param({"1", "100"})
        public int tensors;
        /** The total number of parameters. */
        @Param({"10000000"})
        public int size;

        double[] params;
        double[] gradient;

        /** Draws the parameters and the gradient. */
        @Setup(Level.Trial)
        public void draw() {
            Random rnd = new Random(Workload.SEED);
            params = Workload.gaussian(rnd, size, 1.0);
            gradient = Workload.gaussian(rnd, size, 0.1);
        }

        /** Tensor {@code i} of {@code values}, as a float32 row. */
        INDArray tensor(double[] values, int i) {
            int n = size / tensors;
            int from = i * n;
            int to = i == tensors - 1 ? size : from + n;
            double[] part = new double[to - from];
            System.arraycopy(values, from, part, 0, part.length);
            return Workload.row(part, DataType.FLOAT);
        }
    }

    /** The set and its states, one per thread count. */
    @State(Scope.Thread)
    public static class SetRun {
        /** Made by JMH. */
        public SetRun() {}

        ParameterSetOptimizer single;
        ParameterSetOptimizer allCores;
        ParameterSet set;
        GradientSet gradients;
        ParameterSetState singleState;
        ParameterSetState allCoresState;

        /**
         * Makes the set.
         *
         * @param p the problem
         */
        @Setup(Level.Trial)
        public void make(Problem p) {
            BaseOptimizer optimizer = (BaseOptimizer) Workload.optim(p.optimizer);
            single = ParameterSetOptimizer.of(optimizer);
            allCores = ParameterSetOptimizer.builder(optimizer).allCores().build();
            ParameterSet.Builder b = ParameterSet.builder();
            for (int i = 0; i < p.tensors; i++) {
                b.add("t" + i, p.tensor(p.params, i));
            }
            set = b.build();
            gradients = set.zerosLikeGradients();
            for (int i = 0; i < p.tensors; i++) {
                gradients.tensor(i).assign(p.tensor(p.gradient, i));
            }
            singleState = single.init(set);
            allCoresState = allCores.init(set);
        }
    }

    /** The fused loop over two halves of Java arrays, and two threads to run them. */
    @State(Scope.Thread)
    public static class FloorRun {
        /** Made by JMH. */
        public FloorRun() {}

        String optimizer;
        float[][] p = new float[2][];
        float[][] g = new float[2][];
        float[][] s0 = new float[2][];
        float[][] s1 = new float[2][];
        long t;
        ExecutorService helper;

        /**
         * Makes the halves and the helper thread.
         *
         * @param problem the problem
         */
        @Setup(Level.Trial)
        public void make(Problem problem) {
            optimizer = problem.optimizer;
            float[] all = Workload.toFloat(problem.params);
            float[] grad = Workload.toFloat(problem.gradient);
            int half = all.length / 2;
            for (int h = 0; h < 2; h++) {
                int from = h * half;
                int to = h == 0 ? half : all.length;
                p[h] = Arrays.copyOfRange(all, from, to);
                g[h] = Arrays.copyOfRange(grad, from, to);
                s0[h] = new float[to - from];
                s1[h] = new float[to - from];
            }
            helper = Executors.newSingleThreadExecutor(r -> {
                Thread th = new Thread(r, "floor-helper");
                th.setDaemon(true);
                return th;
            });
        }

        /** Stops the helper thread. */
        @TearDown(Level.Trial)
        public void stop() {
            helper.shutdownNow();
        }
    }

    /** ND4J's updater, tensor by tensor. */
    @State(Scope.Thread)
    public static class Nd4jUpdaterRun {
        /** Made by JMH. */
        public Nd4jUpdaterRun() {}

        INDArray[] params;
        INDArray[] gradients;
        INDArray[] work;
        GradientUpdater<?>[] updaters;
        int iteration;

        /**
         * Makes the arrays and the updaters.
         *
         * @param p the problem
         */
        @Setup(Level.Trial)
        public void make(Problem p) {
            IUpdater config = Workload.nd4j(p.optimizer);
            List<GradientUpdater<?>> list = new ArrayList<>();
            params = new INDArray[p.tensors];
            gradients = new INDArray[p.tensors];
            work = new INDArray[p.tensors];
            for (int i = 0; i < p.tensors; i++) {
                params[i] = p.tensor(p.params, i);
                gradients[i] = p.tensor(p.gradient, i);
                work[i] = gradients[i].dup();
                long stateSize = config.stateSize(params[i].length());
                INDArray view = stateSize > 0 ? Nd4j.zeros(DataType.FLOAT, 1, stateSize) : null;
                list.add(config.instantiate(view, true));
            }
            updaters = list.toArray(new GradientUpdater<?>[0]);
        }

        /** Restores the gradients that the previous update overwrote. */
        @Setup(Level.Invocation)
        public void restore() {
            for (int i = 0; i < work.length; i++) {
                work[i].assign(gradients[i]);
            }
        }
    }

    /**
     * The set, on the calling thread.
     *
     * @param run the set
     * @return the state, for the blackhole
     */
    @Benchmark
    public ParameterSetState optimSet(SetRun run) {
        run.single.step(run.set, run.gradients, run.singleState);
        return run.singleState;
    }

    /**
     * The set, split over every available core.
     *
     * @param run the set
     * @return the state, for the blackhole
     */
    @Benchmark
    public ParameterSetState optimSetAllCores(SetRun run) {
        run.allCores.step(run.set, run.gradients, run.allCoresState);
        return run.allCoresState;
    }

    /**
     * The floor on one thread: the fused loop over both halves in turn.
     *
     * @param run the arrays
     * @return the step counter, for the blackhole
     */
    @Benchmark
    public long floor(FloorRun run) {
        long t = ++run.t;
        for (int h = 0; h < 2; h++) {
            FusedLoops.step(run.optimizer, run.p[h], run.g[h], run.s0[h], run.s1[h], t);
        }
        return t;
    }

    /**
     * The floor on two threads: one half on a helper thread, the other on the caller.
     *
     * @param run the arrays and the helper
     * @return the step counter, for the blackhole
     * @throws ExecutionException if the helper's half fails
     * @throws InterruptedException if interrupted while waiting for it
     */
    @Benchmark
    public long floor2Threads(FloorRun run) throws ExecutionException, InterruptedException {
        long t = ++run.t;
        Future<?> other = run.helper.submit(
                () -> FusedLoops.step(run.optimizer, run.p[1], run.g[1], run.s0[1], run.s1[1], t));
        FusedLoops.step(run.optimizer, run.p[0], run.g[0], run.s0[0], run.s1[0], t);
        other.get();
        return t;
    }

    /**
     * ND4J's updaters and the parameter subtractions, tensor by tensor.
     *
     * @param run the arrays and updaters
     * @return the last parameters, for the blackhole
     */
    @Benchmark
    public INDArray nd4jUpdater(Nd4jUpdaterRun run) {
        int iteration = run.iteration++;
        INDArray last = null;
        for (int i = 0; i < run.params.length; i++) {
            run.updaters[i].applyUpdater(run.work[i], iteration, 0);
            last = run.params[i].subi(run.work[i]);
        }
        return last;
    }
}
