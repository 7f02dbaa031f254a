package dev.optim.bench;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.ScheduleFreeAdamW;
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
 * One update step of Schedule-Free AdamW at its defaults (with λ = 0.01, so that the decay term
 * is computed), float32, as {@link CatalogueBenchmark} measures the rest of the catalogue:
 * {@code optim} ({@code Optimizer.step} on {@code [1, n]} INDArrays, on the tier the JVM
 * selects: SIMD on JDK 25 with {@code jdk.incubator.vector}, or forced with
 * {@code -Doptim.kernel=plain|nd4j}) against {@code floor}, the same arithmetic as one fused
 * loop over {@code float[]}, independent of optim-core. ND4J has no counterpart. States drift
 * harmlessly.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=3g",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g"})
@Warmup(iterations = 4, time = 250, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class ScheduleFreeBenchmark {
    /** Made by JMH. */
    public ScheduleFreeBenchmark() {}

    /** The number of parameters. */
    @Param({"1000", "10000000"})
    public int size;

    Optimizer opt;
    INDArray params;
    INDArray gradient;
    OptimizerState state;
    float[] pF;
    float[] gF;
    float[] z;
    float[] v;
    float[] x;
    long t;

    /** Makes the arrays, the state and the floor's arrays. */
    @Setup(Level.Trial)
    public void make() {
        Random rnd = new Random(Workload.SEED);
        double[] p0 = Workload.gaussian(rnd, size, 1.0);
        double[] g0 = Workload.gaussian(rnd, size, 0.1);
        params = Workload.row(p0, DataType.FLOAT);
        gradient = Workload.row(g0, DataType.FLOAT);
        opt = ScheduleFreeAdamW.builder().weightDecay(0.01).build();
        state = opt.init(params);
        pF = Workload.toFloat(p0);
        gF = Workload.toFloat(g0);
        z = pF.clone();
        v = new float[size];
        x = pF.clone();
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
     * The floor: the reference's update as one fused loop over Java arrays (warm-up 0, r 0,
     * weight-lr power 2: the averaging weight {@code c = γ_max² / Σ γ_max²} is computed per step
     * from the running sum, as the rule does).
     *
     * @return the step counter, for the blackhole
     */
    @Benchmark
    public long floor() {
        long k = ++t;
        double gamma = ScheduleFreeAdamW.DEFAULT_LEARNING_RATE
                * Math.sqrt(1 - Math.pow(ScheduleFreeAdamW.DEFAULT_BETA2, k));
        lrMax = Math.max(lrMax, gamma);
        double w = lrMax * lrMax;
        weightSum += w;
        double ck = w / weightSum;
        float b1 = (float) ScheduleFreeAdamW.DEFAULT_BETA1;
        float c1 = (float) (1 - ScheduleFreeAdamW.DEFAULT_BETA1);
        float b2 = (float) ScheduleFreeAdamW.DEFAULT_BETA2;
        float c2 = (float) (1 - ScheduleFreeAdamW.DEFAULT_BETA2);
        float eps = (float) ScheduleFreeAdamW.DEFAULT_EPSILON;
        float negLr = (float) -gamma;
        float dc = (float) (gamma * 0.01);
        float c = (float) ck;
        float keep = (float) (1 - ck);
        float[] p = pF;
        float[] g = gF;
        float[] z = this.z;
        float[] v = this.v;
        float[] x = this.x;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float zi = z[i] - dc * p[i];
            float vi = v[i] * b2 + c2 * gi * gi;
            zi = zi + negLr * (gi / ((float) Math.sqrt(vi) + eps));
            float xi = x[i] * keep + c * zi;
            v[i] = vi;
            z[i] = zi;
            x[i] = xi;
            p[i] = xi * b1 + c1 * zi;
        }
        return k;
    }

    private double lrMax = -1;
    private double weightSum;
}
