package dev.optim.examples.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The memory of the process at one moment, the JVM's and ND4J's figures side by side, sampled on
 * demand (no thread, no agent, no JMH): call {@link #sample()} where it matters (after each
 * epoch, after an evaluation) and fold the samples with {@link #max(MemoryProbe)} to report the
 * peak of a training run.
 *
 * <ul>
 *   <li>{@code heapUsed}: the Java heap in use ({@code MemoryMXBean.getHeapMemoryUsage().getUsed()});
 *   <li>{@code heapPeak}: the sum, over the heap's memory pools, of each pool's peak use since the
 *       JVM started or since {@link #resetPeaks()}; pools peak at different times, so this is an
 *       upper bound of the heap's peak, and it catches a peak between two samples;
 *   <li>{@code nonHeapUsed}: the JVM's non-heap memory in use (metaspace, code cache);
 *   <li>{@code offHeapTracked}: the off-heap bytes that ND4J counts on device 0
 *       ({@code Nd4j.getMemoryManager().allocatedMemory(0)}: JavaCPP's {@link Pointer#totalBytes()}
 *       plus the general and workspace allocations of ND4J's allocation tracker). On the CPU
 *       backend of ND4J 1.0.0-M2.1 the data of ordinary arrays is allocated by libnd4j itself
 *       and counted here by neither: it shows only in {@code physical};
 *   <li>{@code workspaces}: the current size of the calling thread's ND4J workspaces
 *       ({@link MemoryWorkspace#getCurrentSize()} summed), 0 when none is in use;
 *   <li>{@code physical}: the process's resident memory as the operating system reports it
 *       ({@link Pointer#physicalBytes()}): heap, off-heap and native code together.
 * </ul>
 *
 * <pre>{@code
 * MemoryProbe.resetPeaks();
 * MemoryProbe peak = MemoryProbe.sample();
 * for (int e = 0; e < epochs; e++) {
 *     trainOneEpoch();
 *     peak = peak.max(MemoryProbe.sample());
 * }
 * log.info("peak memory: {}", peak);
 * }</pre>
 *
 * @param heapUsed the heap in use, bytes
 * @param heapPeak the heap pools' summed peaks, bytes, at least {@code heapUsed}
 * @param nonHeapUsed the non-heap memory in use, bytes
 * @param offHeapTracked ND4J's counted off-heap bytes (JavaCPP's and its tracker's)
 * @param workspaces the calling thread's ND4J workspace bytes
 * @param physical the resident memory of the process, bytes
 */
public record MemoryProbe(long heapUsed, long heapPeak, long nonHeapUsed, long offHeapTracked,
        long workspaces, long physical) {

    private static final long MIB = 1L << 20;

    /**
     * Validates the figures.
     *
     * @param heapUsed bytes, at least 0
     * @param heapPeak bytes, at least {@code heapUsed}
     * @param nonHeapUsed bytes, at least 0
     * @param offHeapTracked bytes, at least 0
     * @param workspaces bytes, at least 0
     * @param physical bytes, at least 0
     * @throws IllegalArgumentException if a figure is negative or {@code heapPeak < heapUsed}
     */
    public MemoryProbe {
        requireBytes("heapUsed", heapUsed);
        requireBytes("heapPeak", heapPeak);
        requireBytes("nonHeapUsed", nonHeapUsed);
        requireBytes("offHeapTracked", offHeapTracked);
        requireBytes("workspaces", workspaces);
        requireBytes("physical", physical);
        if (heapPeak < heapUsed) {
            throw new IllegalArgumentException("heapPeak must be at least heapUsed (" + heapUsed
                    + "), got " + heapPeak);
        }
    }

    private static void requireBytes(String name, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 bytes, got " + bytes);
        }
    }

    /**
     * The memory now.
     *
     * @return a new sample
     */
    public static MemoryProbe sample() {
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()
                    && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long workspaces = 0;
        for (MemoryWorkspace w : Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()) {
            workspaces += Math.max(0, w.getCurrentSize());
        }
        return new MemoryProbe(heapUsed, Math.max(peak, heapUsed), Math.max(0, nonHeap),
                Math.max(0, Nd4j.getMemoryManager().allocatedMemory(0)), workspaces,
                Math.max(0, Pointer.physicalBytes()));
    }

    /**
     * Restarts the heap pools' peak counting from their current use, so that {@code heapPeak}
     * covers what follows.
     */
    public static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * The larger of each figure of this sample and another: the peak of both, figure by figure
     * (the figures may peak at different moments).
     *
     * @param other another sample
     * @return a new probe holding the maxima
     * @throws IllegalArgumentException if {@code other} is null
     */
    public MemoryProbe max(MemoryProbe other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        return new MemoryProbe(Math.max(heapUsed, other.heapUsed),
                Math.max(heapPeak, other.heapPeak), Math.max(nonHeapUsed, other.nonHeapUsed),
                Math.max(offHeapTracked, other.offHeapTracked),
                Math.max(workspaces, other.workspaces), Math.max(physical, other.physical));
    }

    /**
     * Bytes in mebibytes with one decimal, {@code "12.5 MiB"}.
     *
     * @param bytes the bytes
     * @return the text
     */
    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", (double) bytes / MIB);
    }

    /**
     * All figures in MiB: {@code "heap 120.0 MiB (peak 310.5 MiB), non-heap 60.2 MiB, ND4J
     * off-heap counted 80.0 MiB, ND4J workspaces 0.0 MiB, resident 900.3 MiB"}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "heap " + mib(heapUsed) + " (peak " + mib(heapPeak) + "), non-heap "
                + mib(nonHeapUsed) + ", ND4J off-heap counted " + mib(offHeapTracked)
                + ", ND4J workspaces " + mib(workspaces) + ", resident " + mib(physical);
    }
}
