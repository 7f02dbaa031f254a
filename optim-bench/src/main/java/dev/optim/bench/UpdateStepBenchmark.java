package dev.optim.bench;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One update step of each optimizer, float32 and float64, from 2 to 10 million parameters,
 * four ways in the same run:
 *
 * <ul>
 *   <li>{@code optim}: Optim's {@code Optimizer.step} on {@code [1, n]} INDArrays, on the tier
 *       the JVM selects (see {@code dev.optim.core.kernel.Kernels});
 *   <li>{@code floor}: the same arithmetic as one fused loop over plain Java arrays;
 *   <li>{@code nd4jUpdater}: ND4J's own updater ({@code GradientUpdater.applyUpdater}) and the
 *       parameter subtraction;
 *   <li>{@code nd4jNaive}: a chain of ND4J element-wise ops as a user first writes it.
 * </ul>
 *
 * <p>State drift: states are made once per trial and left to drift. With a fixed gradient drawn
 * from N(0, 0.01), parameters move by about the learning rate per step and the moments converge
 * to {@code g}, {@code g²} or {@code g/(1−μ)}: every value stays finite and normal (no subnormal
 * arithmetic, no overflow), so the cost of a step does not change as they drift. Resetting them
 * per iteration would allocate inside JMH's measured window and blur the allocation figures of
 * {@code -prof gc}. ND4J's updater, however, overwrites the gradient it is given with the update,
 * which would shrink towards subnormal values step after step, so its gradient is restored
 * before each invocation, outside the measured time (a fresh gradient, as backpropagation would
 * deliver).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=3g",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g"})
@Warmup(iterations = 4, time = 250, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
public class UpdateStepBenchmark {
    /** Made by JMH. */
    public UpdateStepBenchmark() {}


    /** The problem: optimizer, data type, size, and seeded values. */
    @State(Scope.Benchmark)
    public static class Problem {
        /** Made by JMH. */
        public Problem() {}

        /** The optimizer. */
        @Param({"sgd", "momentum", "rmsprop", "adam"})
        public String optimizer;
        /** The data type. */
        @Param({"float32", "float64"})
        public String dtype;
        /** The number of parameters. */
        @Param({"2", "1000", "100000", "10000000"})
        public int size;

        double[] params;
        double[] gradient;

        /** Draws the start parameters and the gradient from a seeded generator. */
        @Setup(Level.Trial)
        public void draw() {
            Random rnd = new Random(Workload.SEED);
            params = Workload.gaussian(rnd, size, 1.0);
            gradient = Workload.gaussian(rnd, size, 0.1);
        }

        DataType type() {
            return Workload.type(dtype);
        }
    }

    /** Optim's step on INDArrays. */
    @State(Scope.Thread)
    public static class OptimRun {
        /** Made by JMH. */
        public OptimRun() {}

        Optimizer optimizer;
        INDArray params;
        INDArray gradient;
        OptimizerState state;

        /**
         * Makes the arrays and the state.
         *
         * @param problem the problem
         */
        @Setup(Level.Trial)
        public void make(Problem problem) {
            optimizer = Workload.optim(problem.optimizer);
            params = Workload.row(problem.params, problem.type());
            gradient = Workload.row(problem.gradient, problem.type());
            state = optimizer.init(params);
        }
    }

    /** The fused loop over Java arrays. */
    @State(Scope.Thread)
    public static class FloorRun {
        /** Made by JMH. */
        public FloorRun() {}

        String optimizer;
        boolean isFloat;
        float[] pF;
        float[] gF;
        float[] s0F;
        float[] s1F;
        double[] pD;
        double[] gD;
        double[] s0D;
        double[] s1D;
        long t;

        /**
         * Makes the arrays.
         *
         * @param problem the problem
         */
        @Setup(Level.Trial)
        public void make(Problem problem) {
            optimizer = problem.optimizer;
            isFloat = problem.dtype.equals("float32");
            int n = problem.size;
            if (isFloat) {
                pF = Workload.toFloat(problem.params);
                gF = Workload.toFloat(problem.gradient);
                s0F = new float[n];
                s1F = new float[n];
            } else {
                pD = problem.params.clone();
                gD = problem.gradient.clone();
                s0D = new double[n];
                s1D = new double[n];
            }
        }
    }

    /** ND4J's updater. */
    @State(Scope.Thread)
    public static class Nd4jUpdaterRun {
        /** Made by JMH. */
        public Nd4jUpdaterRun() {}

        INDArray params;
        INDArray gradient;
        INDArray work;
        GradientUpdater<?> updater;
        int iteration;

        /**
         * Makes the arrays and the updater with its state view.
         *
         * @param problem the problem
         */
        @Setup(Level.Trial)
        public void make(Problem problem) {
            IUpdater config = Workload.nd4j(problem.optimizer);
            params = Workload.row(problem.params, problem.type());
            gradient = Workload.row(problem.gradient, problem.type());
            work = gradient.dup();
            long stateSize = config.stateSize(problem.size);
            INDArray view = stateSize > 0 ? Nd4j.zeros(problem.type(), 1, stateSize) : null;
            updater = config.instantiate(view, true);
        }

        /** Restores the gradient that the previous update overwrote. */
        @Setup(Level.Invocation)
        public void restore() {
            work.assign(gradient);
        }
    }

    /** The naive chain of ND4J ops. */
    @State(Scope.Thread)
    public static class Nd4jNaiveRun {
        /** Made by JMH. */
        public Nd4jNaiveRun() {}

        String optimizer;
        INDArray params;
        INDArray gradient;
        INDArray s0;
        INDArray s1;
        long t;

        /**
         * Makes the arrays.
         *
         * @param problem the problem
         */
        @Setup(Level.Trial)
        public void make(Problem problem) {
            optimizer = problem.optimizer;
            params = Workload.row(problem.params, problem.type());
            gradient = Workload.row(problem.gradient, problem.type());
            s0 = params.like();
            s1 = params.like();
        }
    }

    /**
     * Optim: one {@code Optimizer.step}.
     *
     * @param run the arrays and state
     * @return the state, for the blackhole
     */
    @Benchmark
    public OptimizerState optim(OptimRun run) {
        run.optimizer.step(run.params, run.gradient, run.state);
        return run.state;
    }

    /**
     * The floor: one fused loop over Java arrays.
     *
     * @param run the arrays
     * @return the step counter, for the blackhole
     */
    @Benchmark
    public long floor(FloorRun run) {
        long t = ++run.t;
        if (run.isFloat) {
            FusedLoops.step(run.optimizer, run.pF, run.gF, run.s0F, run.s1F, t);
        } else {
            FusedLoops.step(run.optimizer, run.pD, run.gD, run.s0D, run.s1D, t);
        }
        return t;
    }

    /**
     * ND4J's updater and the parameter subtraction.
     *
     * @param run the arrays and updater
     * @return the parameters, for the blackhole
     */
    @Benchmark
    public INDArray nd4jUpdater(Nd4jUpdaterRun run) {
        run.updater.applyUpdater(run.work, run.iteration++, 0);
        return run.params.subi(run.work);
    }

    /**
     * The naive chain of ND4J ops.
     *
     * @param run the arrays
     * @return the parameters, for the blackhole
     */
    @Benchmark
    public INDArray nd4jNaive(Nd4jNaiveRun run) {
        NaiveChains.step(run.optimizer, run.params, run.gradient, run.s0, run.s1, ++run.t);
        return run.params;
    }
}
