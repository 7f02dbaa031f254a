package dev.optim.bench;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.params.GradientSet;
import dev.optim.core.params.ParameterSet;
import dev.optim.core.params.ParameterSetOptimizer;
import dev.optim.core.params.ParameterSetState;
import java.util.HashMap;
import java.util.Map;
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
 * One update of a whole small network: about 200 tensors of mixed sizes (weights and biases),
 * 1,000,000 parameters in all ({@link Workload#manyTensorSizes()}), each with its own state, one
 * step per tensor. Optim ({@code optim}) against ND4J's updaters applied tensor by tensor
 * ({@code nd4jUpdater}) and the fused loops over Java arrays ({@code floor}). Here the cost per
 * call, not the bandwidth, separates them. The same network as a
 * {@link dev.optim.core.params.ParameterSet}, stepped by one call of a
 * {@link ParameterSetOptimizer}: on the calling thread ({@code optimSet}), on a flat set
 * ({@code optimSetFlat}) and on every core ({@code optimSetAllCores}). State drift is handled as in
 * {@link UpdateStepBenchmark}: states drift harmlessly, ND4J's overwritten gradients are restored
 * before each invocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=3g",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g"})
@Warmup(iterations = 4, time = 250, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
public class ManyTensorsBenchmark {
    /** Made by JMH. */
    public ManyTensorsBenchmark() {}


    /** The network: optimizer, data type, tensor sizes and seeded values. */
    @State(Scope.Benchmark)
    public static class Network {
        /** Made by JMH. */
        public Network() {}

        /** The optimizer. */
        @Param({"sgd", "momentum", "rmsprop", "adam"})
        public String optimizer;
        /** The data type. */
        @Param({"float32", "float64"})
        public String dtype;

        int[] sizes;
        double[][] params;
        double[][] gradients;

        /** Draws every tensor's start parameters and gradient from a seeded generator. */
        @Setup(Level.Trial)
        public void draw() {
            sizes = Workload.manyTensorSizes();
            Random rnd = new Random(Workload.SEED);
            params = new double[sizes.length][];
            gradients = new double[sizes.length][];
            for (int i = 0; i < sizes.length; i++) {
                params[i] = Workload.gaussian(rnd, sizes[i], 1.0);
                gradients[i] = Workload.gaussian(rnd, sizes[i], 0.1);
            }
        }

        DataType type() {
            return Workload.type(dtype);
        }

        INDArray[] rows(double[][] values) {
            INDArray[] rows = new INDArray[values.length];
            for (int i = 0; i < values.length; i++) {
                rows[i] = Workload.row(values[i], type());
            }
            return rows;
        }
    }

    /** Optim: one state per tensor. */
    @State(Scope.Thread)
    public static class OptimRun {
        /** Made by JMH. */
        public OptimRun() {}

        Optimizer optimizer;
        INDArray[] params;
        INDArray[] gradients;
        OptimizerState[] states;

        /**
         * Makes the arrays and the states.
         *
         * @param net the network
         */
        @Setup(Level.Trial)
        public void make(Network net) {
            optimizer = Workload.optim(net.optimizer);
            params = net.rows(net.params);
            gradients = net.rows(net.gradients);
            states = new OptimizerState[params.length];
            for (int i = 0; i < params.length; i++) {
                states[i] = optimizer.init(params[i]);
            }
        }
    }

    /** The network as a parameter set: one state, one call per step. */
    @State(Scope.Thread)
    public static class SetRun {
        /** Made by JMH. */
        public SetRun() {}

        ParameterSetOptimizer single;
        ParameterSetOptimizer allCores;
        ParameterSet set;
        ParameterSet flatSet;
        GradientSet gradients;
        GradientSet flatGradients;
        ParameterSetState state;
        ParameterSetState allCoresState;
        ParameterSetState flatState;

        /**
         * Makes the sets, their gradients and states.
         *
         * @param net the network
         */
        @Setup(Level.Trial)
        public void make(Network net) {
            BaseOptimizer optimizer = (BaseOptimizer) Workload.optim(net.optimizer);
            single = ParameterSetOptimizer.of(optimizer);
            allCores = ParameterSetOptimizer.builder(optimizer).allCores().build();
            INDArray[] params = net.rows(net.params);
            INDArray[] grads = net.rows(net.gradients);
            ParameterSet.Builder b = ParameterSet.builder();
            ParameterSet.Builder fb = ParameterSet.builder().flat();
            Map<String, INDArray> byName = new HashMap<>();
            for (int i = 0; i < params.length; i++) {
                b.add("t" + i, params[i]);
                fb.add("t" + i, params[i]);
                byName.put("t" + i, grads[i]);
            }
            set = b.build();
            flatSet = fb.build();
            gradients = set.gradients(byName);
            flatGradients = flatSet.zerosLikeGradients();
            for (int i = 0; i < params.length; i++) {
                flatGradients.tensor(i).assign(grads[i]);
            }
            state = single.init(set);
            allCoresState = allCores.init(set);
            flatState = single.init(flatSet);
        }
    }

    /** The fused loops over Java arrays, one per tensor. */
    @State(Scope.Thread)
    public static class FloorRun {
        /** Made by JMH. */
        public FloorRun() {}

        String optimizer;
        boolean isFloat;
        float[][] pF;
        float[][] gF;
        float[][] s0F;
        float[][] s1F;
        double[][] pD;
        double[][] gD;
        double[][] s0D;
        double[][] s1D;
        long t;

        /**
         * Makes the arrays.
         *
         * @param net the network
         */
        @Setup(Level.Trial)
        public void make(Network net) {
            optimizer = net.optimizer;
            isFloat = net.dtype.equals("float32");
            int count = net.sizes.length;
            pF = new float[count][];
            gF = new float[count][];
            s0F = new float[count][];
            s1F = new float[count][];
            pD = new double[count][];
            gD = new double[count][];
            s0D = new double[count][];
            s1D = new double[count][];
            for (int i = 0; i < count; i++) {
                int n = net.sizes[i];
                if (isFloat) {
                    pF[i] = Workload.toFloat(net.params[i]);
                    gF[i] = Workload.toFloat(net.gradients[i]);
                    s0F[i] = new float[n];
                    s1F[i] = new float[n];
                } else {
                    pD[i] = net.params[i].clone();
                    gD[i] = net.gradients[i].clone();
                    s0D[i] = new double[n];
                    s1D[i] = new double[n];
                }
            }
        }
    }

    /** ND4J's updaters, one per tensor. */
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
         * Makes the arrays and the updaters with their state views.
         *
         * @param net the network
         */
        @Setup(Level.Trial)
        public void make(Network net) {
            IUpdater config = Workload.nd4j(net.optimizer);
            params = net.rows(net.params);
            gradients = net.rows(net.gradients);
            work = net.rows(net.gradients);
            updaters = new GradientUpdater<?>[params.length];
            for (int i = 0; i < params.length; i++) {
                long stateSize = config.stateSize(net.sizes[i]);
                INDArray view = stateSize > 0 ? Nd4j.zeros(net.type(), 1, stateSize) : null;
                updaters[i] = config.instantiate(view, true);
            }
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
     * Optim: one step per tensor.
     *
     * @param run the arrays and states
     * @return the last state, for the blackhole
     */
    @Benchmark
    public OptimizerState optim(OptimRun run) {
        OptimizerState last = null;
        for (int i = 0; i < run.params.length; i++) {
            run.optimizer.step(run.params[i], run.gradients[i], run.states[i]);
            last = run.states[i];
        }
        return last;
    }

    /**
     * The set: one call steps the 200 tensors, on the calling thread.
     *
     * @param run the set and its state
     * @return the state, for the blackhole
     */
    @Benchmark
    public ParameterSetState optimSet(SetRun run) {
        run.single.step(run.set, run.gradients, run.state);
        return run.state;
    }

    /**
     * The flat set (every tensor a view of one buffer), on the calling thread.
     *
     * @param run the set and its state
     * @return the state, for the blackhole
     */
    @Benchmark
    public ParameterSetState optimSetFlat(SetRun run) {
        run.single.step(run.flatSet, run.flatGradients, run.flatState);
        return run.flatState;
    }

    /**
     * The set on every available core.
     *
     * @param run the set and its state
     * @return the state, for the blackhole
     */
    @Benchmark
    public ParameterSetState optimSetAllCores(SetRun run) {
        run.allCores.step(run.set, run.gradients, run.allCoresState);
        return run.allCoresState;
    }

    /**
     * The floor: one fused loop per tensor over Java arrays.
     *
     * @param run the arrays
     * @return the step counter, for the blackhole
     */
    @Benchmark
    public long floor(FloorRun run) {
        long t = ++run.t;
        for (int i = 0; i < run.pF.length; i++) {
            if (run.isFloat) {
                FusedLoops.step(run.optimizer, run.pF[i], run.gF[i], run.s0F[i], run.s1F[i], t);
            } else {
                FusedLoops.step(run.optimizer, run.pD[i], run.gD[i], run.s0D[i], run.s1D[i], t);
            }
        }
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
