package dev.optim.examples.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The largest memory figures seen over a run, sampled when {@link #sample()} is called: the JVM
 * heap in use ({@link MemoryMXBean}), the process's physical memory and the off-heap bytes
 * JavaCPP has allocated ({@link Pointer#physicalBytes()}, {@link Pointer#totalBytes()}: ND4J's
 * arrays live there), and the bytes held by this thread's ND4J workspaces. Not thread-safe.
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
        offHeap = Math.max(offHeap, Pointer.totalBytes());
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
