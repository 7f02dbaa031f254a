package dev.optim.bench;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.Optimizers;
import dev.optim.core.optimizer.ScheduleFreeAdamW;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
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
 * One update step of each optimizer of issue 11's element-wise catalogue at its default
 * hyperparameters (RMSprop's variants at μ = 0.9; Schedule-Free AdamW with λ = 0.01, so that
 * its decay term is computed), float32, as {@link UpdateStepBenchmark}
 * measures the article's four: {@code optim} ({@code Optimizer.step} on {@code [1, n]}
 * INDArrays, on the tier the JVM selects), {@code floor} (the same arithmetic as one fused loop
 * over {@code float[]}, {@link CatalogueLoops}) and, where ND4J has a counterpart (AdaGrad,
 * AdaDelta, AdaMax, Nadam, AMSGrad), {@code nd4jUpdater} ({@code GradientUpdater.applyUpdater}
 * and the subtraction; its gradient restored before each call, outside the measured time).
 * States drift harmlessly, as there.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=3g",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g"})
@Warmup(iterations = 4, time = 250, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class CatalogueBenchmark {
    /** Made by JMH. */
    public CatalogueBenchmark() {}

    /** The optimizer, as {@link Optimizers} names it (RMSprop's variants by state kind). */
    @Param({"adagrad", "adadelta", "adamax", "nadam", "radam", "amsgrad", "rmsprop-centered",
        "rmsprop-momentum", "rmsprop-centered-momentum", "lion", "schedule-free-adamw"})
    public String optimizer;
    /** The number of parameters. */
    @Param({"1000", "10000000"})
    public int size;

    Optimizer opt;
    INDArray params;
    INDArray gradient;
    OptimizerState state;
    float[] pF;
    float[] gF;
    float[] s0;
    float[] s1;
    float[] s2;
    long t;
    INDArray work;
    GradientUpdater<?> updater;
    int iteration;

    /** Optim's optimizer for a benchmark name. */
    static Optimizer optim(String name) {
        return switch (name) {
            case "rmsprop-centered" -> Optimizers.create("rmsprop",
                    Map.of("lr", "0.01", "centered", "true"));
            case "rmsprop-momentum" -> Optimizers.create("rmsprop",
                    Map.of("lr", "0.01", "momentum", "0.9"));
            case "rmsprop-centered-momentum" -> Optimizers.create("rmsprop",
                    Map.of("lr", "0.01", "centered", "true", "momentum", "0.9"));
            case "schedule-free-adamw" -> ScheduleFreeAdamW.builder().weightDecay(0.01).build();
            default -> Optimizers.create(name, Map.of());
        };
    }

    /** ND4J's counterpart at the same settings, or null. */
    static IUpdater nd4j(String name) {
        return switch (name) {
            case "adagrad" -> new AdaGrad(0.01, 1e-10);
            case "adadelta" -> AdaDelta.builder().rho(0.9).epsilon(1e-6).build();
            case "adamax" -> new AdaMax(0.002, 0.9, 0.999, 1e-8);
            case "nadam" -> new Nadam(0.002, 0.9, 0.999, 1e-8);
            case "amsgrad" -> new AMSGrad(0.001, 0.9, 0.999, 1e-8);
            default -> null;
        };
    }

    /** Makes the arrays, the state, the floor's arrays and ND4J's updater. */
    @Setup(Level.Trial)
    public void make() {
        Random rnd = new Random(Workload.SEED);
        double[] p0 = Workload.gaussian(rnd, size, 1.0);
        double[] g0 = Workload.gaussian(rnd, size, 0.1);
        params = Workload.row(p0, DataType.FLOAT);
        gradient = Workload.row(g0, DataType.FLOAT);
        opt = optim(optimizer);
        state = opt.init(params);
        pF = Workload.toFloat(p0);
        gF = Workload.toFloat(g0);
        s0 = new float[size];
        s1 = new float[size];
        s2 = new float[size];
        if (optimizer.equals("schedule-free-adamw")) {
            s0 = pF.clone();
            s2 = pF.clone();
        }
        IUpdater config = nd4j(optimizer);
        if (config != null) {
            work = gradient.dup();
            long stateSize = config.stateSize(size);
            INDArray view = stateSize > 0 ? Nd4j.zeros(DataType.FLOAT, 1, stateSize) : null;
            updater = config.instantiate(view, true);
        }
    }

    /** Restores the gradient that ND4J's previous update overwrote. */
    @Setup(Level.Invocation)
    public void restore() {
        if (work != null) {
            work.assign(gradient);
        }
    }

    /**
     * Optim: one {@code Optimizer.step}.
     *
     * @return the state, for the blackhole
     */
    @Benchmark
    public OptimizerState optim() {
        opt.step(params, gradient, state);
        return state;
    }

    /**
     * The floor: one fused loop over Java arrays.
     *
     * @return the step counter, for the blackhole
     */
    @Benchmark
    public long floor() {
        long k = ++t;
        CatalogueLoops.step(optimizer, pF, gF, s0, s1, s2, k);
        return k;
    }

    /**
     * ND4J's updater and the parameter subtraction; without a counterpart, nothing (the
     * report leaves those rows out).
     *
     * @return the parameters, for the blackhole
     */
    @Benchmark
    public INDArray nd4jUpdater() {
        if (updater == null) {
            return params;
        }
        updater.applyUpdater(work, iteration++, 0);
        return params.subi(work);
    }
}
