package dev.optim.bench;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.kernel.Kernels;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * Optim's kernel tiers side by side at 10 million float32 parameters: {@code plain},
 * {@code simd} (plain where the JVM lacks it; the suite leaves it out there) and {@code nd4j}
 * (ND4J ops, as the CUDA backend would run them, here on the CPU). Compare with
 * {@link UpdateStepBenchmark}'s floor in the same run. States drift harmlessly, as there.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=3g",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g"})
@Warmup(iterations = 4, time = 250, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class TierBenchmark {
    /** Made by JMH. */
    public TierBenchmark() {}


    /** The optimizer. */
    @Param({"sgd", "momentum", "rmsprop", "adam"})
    public String optimizer;
    /** The kernel tier. */
    @Param({"plain", "simd", "nd4j"})
    public String tier;
    /** The data type. */
    @Param({"float32"})
    public String dtype;
    /** The number of parameters. */
    @Param({"10000000"})
    public int size;

    Optimizer opt;
    INDArray params;
    INDArray gradient;
    OptimizerState state;

    /** Makes the arrays and a state on the tier. */
    @Setup(Level.Trial)
    public void make() {
        Random rnd = new Random(Workload.SEED);
        DataType type = Workload.type(dtype);
        params = Workload.row(Workload.gaussian(rnd, size, 1.0), type);
        gradient = Workload.row(Workload.gaussian(rnd, size, 0.1), type);
        opt = Workload.optim(optimizer);
        // A state's kernel, and so its tier, is chosen by init.
        String old = System.getProperty(Kernels.TIER_PROPERTY);
        System.setProperty(Kernels.TIER_PROPERTY, tier);
        try {
            state = opt.init(params);
        } finally {
            if (old == null) {
                System.clearProperty(Kernels.TIER_PROPERTY);
            } else {
                System.setProperty(Kernels.TIER_PROPERTY, old);
            }
        }
    }

    /**
     * One {@code Optimizer.step} on the tier.
     *
     * @return the state, for the blackhole
     */
    @Benchmark
    public OptimizerState step() {
        opt.step(params, gradient, state);
        return state;
    }
}
