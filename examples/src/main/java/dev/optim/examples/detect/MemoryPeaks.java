package dev.optim.examples.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The largest memory figures seen over a run, sampled when {@link #sample()} is called: the JVM
 * heap in use ({@link MemoryMXBean}); the process's physical memory (resident set,
 * {@link Pointer#physicalBytes()}); the memory outside the heap, estimated as the physical
 * memory less the committed heap (ND4J's arrays, the native libraries' resident pages, the
 * JVM's own code and metadata: an upper bound on what ND4J holds), or JavaCPP's count of the
 * bytes it allocated ({@link Pointer#totalBytes()}) if that is larger (ND4J 1.0.0-M2.1's CPU
 * backend allocates its arrays without it, and its {@code AllocationsTracker} counts 0); and the
 * bytes of this thread's ND4J workspaces. Not thread-safe.
 */
final class MemoryPeaks {

    private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    private long heap;
    private long physical;
    private long offHeap;
    private long workspaces;

    /** Samples every figure once and keeps the maxima. */
    void sample() {
        heap = Math.max(heap, bean.getHeapMemoryUsage().getUsed());
        physical = Math.max(physical, Pointer.physicalBytes());
        long outside = Pointer.physicalBytes() - bean.getHeapMemoryUsage().getCommitted();
        offHeap = Math.max(offHeap, Math.max(outside, Pointer.totalBytes()));
        long ws = 0;
        try {
            for (MemoryWorkspace w : Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()) {
                ws += w.getCurrentSize();
            }
        } catch (RuntimeException e) {
            ws = 0; // a backend without workspaces
        }
        workspaces = Math.max(workspaces, ws);
    }

    long heap() {
        return heap;
    }

    long physical() {
        return physical;
    }

    long offHeap() {
        return offHeap;
    }

    long workspaces() {
        return workspaces;
    }
}
