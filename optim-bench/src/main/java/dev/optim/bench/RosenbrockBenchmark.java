package dev.optim.bench;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.optimizer.Adam;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Adam on the 2-D Rosenbrock function from (0, 0), gradient included, in steps per second:
 *
 * <ul>
 *   <li>{@code descent}: Optim's descent loop ({@code Descent.run}, {@value #STEPS} steps per
 *       call, recording only the first and last rows), on {@code double[]};
 *   <li>{@code descentFloat32}: the same loop from a float32 {@code INDArray} start (parameters,
 *       gradient and Adam's moments in float32, the host path of {@code Descent});
 *   <li>{@code optimStep}: one gradient and one {@code Optimizer.step(double[], double[],
 *       OptimizerState)} per call;
 *   <li>{@code floor}: the same with plain Java doubles, no library;
 *   <li>{@code nd4jUpdater}: ND4J's Adam updater on a 2-element INDArray, with scalar access.
 * </ul>
 *
 * <p>State drift: the point and Adam's moments restart at each iteration.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
public class RosenbrockBenchmark {
    /** Made by JMH. */
    public RosenbrockBenchmark() {}


    /** Steps per call of {@code descent}. */
    public static final int STEPS = 10_000;

    static final double LR = 0.01;

    /** Optim's descent loop. */
    @State(Scope.Thread)
    public static class DescentRun {
        /** Made by JMH. */
        public DescentRun() {}

        Descent descent;
        Rosenbrock objective;
        double[] start;
        INDArray startFloat;

        /** Builds the descent. */
        @Setup(Level.Trial)
        public void make() {
            descent = Descent.builder(Adam.builder().learningRate(LR).build())
                    .maxSteps(STEPS).recordEvery(STEPS).recordParameters(false).build();
            objective = new Rosenbrock();
            start = new double[] {0, 0};
            startFloat = Nd4j.zeros(DataType.FLOAT, 2);
        }
    }

    /** One step through the public API. */
    @State(Scope.Thread)
    public static class StepRun {
        /** Made by JMH. */
        public StepRun() {}

        Optimizer adam;
        Rosenbrock objective;
        double[] x;
        double[] g;
        OptimizerState state;

        /** Builds the optimizer. */
        @Setup(Level.Trial)
        public void make() {
            adam = Adam.builder().learningRate(LR).build();
            objective = new Rosenbrock();
            x = new double[2];
            g = new double[2];
        }

        /** Restarts from (0, 0). */
        @Setup(Level.Iteration)
        public void reset() {
            x[0] = 0;
            x[1] = 0;
            state = adam.init(x);
        }
    }

    /** Plain Java doubles. */
    @State(Scope.Thread)
    public static class FloorRun {
        /** Made by JMH. */
        public FloorRun() {}

        double x;
        double y;
        double m0;
        double m1;
        double v0;
        double v1;
        long t;
        final double[] g = new double[2];

        /** Restarts from (0, 0). */
        @Setup(Level.Iteration)
        public void reset() {
            x = 0;
            y = 0;
            m0 = 0;
            m1 = 0;
            v0 = 0;
            v1 = 0;
            t = 0;
        }
    }

    /** ND4J's Adam updater. */
    @State(Scope.Thread)
    public static class Nd4jRun {
        /** Made by JMH. */
        public Nd4jRun() {}

        IUpdater config;
        INDArray params;
        INDArray gradient;
        INDArray view;
        GradientUpdater<?> updater;
        int iteration;
        final double[] g = new double[2];

        /** Makes the arrays. */
        @Setup(Level.Trial)
        public void make() {
            config = new org.nd4j.linalg.learning.config.Adam(LR, Workload.BETA1, Workload.BETA2,
                    Workload.EPSILON);
            params = Nd4j.zeros(DataType.DOUBLE, 1, 2);
            gradient = Nd4j.zeros(DataType.DOUBLE, 1, 2);
            view = Nd4j.zeros(DataType.DOUBLE, 1, config.stateSize(2));
        }

        /** Restarts from (0, 0). */
        @Setup(Level.Iteration)
        public void reset() {
            params.assign(0);
            updater = config.instantiate(view, true);
            iteration = 0;
        }
    }

    /**
     * Optim's descent loop: {@value #STEPS} Adam steps.
     *
     * @param run the descent
     * @return the result, for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public DescentResult descent(DescentRun run) {
        return run.descent.run(run.objective, run.start);
    }

    /**
     * Optim's descent loop from a float32 INDArray start: {@value #STEPS} Adam steps.
     *
     * @param run the descent
     * @return the result, for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public DescentResult descentFloat32(DescentRun run) {
        return run.descent.run(run.objective, run.startFloat);
    }

    /**
     * One gradient and one Optim step on {@code double[]}.
     *
     * @param run the point and state
     * @return the loss, for the blackhole
     */
    @Benchmark
    public double optimStep(StepRun run) {
        double f = run.objective.evaluate(run.x, run.g);
        run.adam.step(run.x, run.g, run.state);
        return f;
    }

    /**
     * One gradient and one Adam step in plain Java doubles.
     *
     * @param run the point and moments
     * @return the loss, for the blackhole
     */
    @Benchmark
    public double floor(FloorRun run) {
        double f = Rosenbrock.evaluate(run.x, run.y, run.g);
        long t = ++run.t;
        double b1 = Workload.BETA1;
        double b2 = Workload.BETA2;
        double negStep = -(LR / (1 - Math.pow(b1, t)));
        double bc2Sqrt = Math.sqrt(1 - Math.pow(b2, t));
        double g0 = run.g[0];
        double g1 = run.g[1];
        run.m0 = run.m0 * b1 + (1 - b1) * g0;
        run.m1 = run.m1 * b1 + (1 - b1) * g1;
        run.v0 = run.v0 * b2 + (1 - b2) * g0 * g0;
        run.v1 = run.v1 * b2 + (1 - b2) * g1 * g1;
        run.x = run.x + negStep * run.m0 / (Math.sqrt(run.v0) / bc2Sqrt + Workload.EPSILON);
        run.y = run.y + negStep * run.m1 / (Math.sqrt(run.v1) / bc2Sqrt + Workload.EPSILON);
        return f;
    }

    /**
     * One gradient and one step of ND4J's Adam updater.
     *
     * @param run the arrays and updater
     * @return the loss, for the blackhole
     */
    @Benchmark
    public double nd4jUpdater(Nd4jRun run) {
        double f = Rosenbrock.evaluate(run.params.getDouble(0), run.params.getDouble(1), run.g);
        run.gradient.putScalar(0, run.g[0]);
        run.gradient.putScalar(1, run.g[1]);
        run.updater.applyUpdater(run.gradient, run.iteration++, 0);
        run.params.subi(run.gradient);
        return f;
    }
}
