package dev.optim.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
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
 * The machine's memory-copy bandwidth, the yardstick for the update steps: a copy of 40 MB
 * (10 million floats, far beyond the caches) between Java arrays ({@code arrays}) and between
 * direct buffers ({@code direct}, native memory as ND4J's). Bandwidth counts the bytes read
 * plus the bytes written.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class MemoryBandwidthBenchmark {
    /** Made by JMH. */
    public MemoryBandwidthBenchmark() {}


    /** The number of floats copied. */
    @Param({"10000000"})
    public int size;

    float[] from;
    float[] to;
    ByteBuffer fromDirect;
    ByteBuffer toDirect;

    /** Fills the source arrays. */
    @Setup(Level.Trial)
    public void make() {
        from = new float[size];
        to = new float[size];
        java.util.Random rnd = new java.util.Random(Workload.SEED);
        for (int i = 0; i < size; i++) {
            from[i] = rnd.nextFloat();
        }
        fromDirect = ByteBuffer.allocateDirect(size * 4);
        toDirect = ByteBuffer.allocateDirect(size * 4);
        fromDirect.asFloatBuffer().put(from);
    }

    /**
     * {@code System.arraycopy} between float arrays.
     *
     * @return the destination, for the blackhole
     */
    @Benchmark
    public float[] arrays() {
        System.arraycopy(from, 0, to, 0, size);
        return to;
    }

    /**
     * A bulk put between direct buffers.
     *
     * @return the destination, for the blackhole
     */
    @Benchmark
    public ByteBuffer direct() {
        return toDirect.put(0, fromDirect, 0, size * 4);
    }
}
