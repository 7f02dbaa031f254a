package dev.optim.examples.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The probe sees a large heap array, a large ND4J array and an ND4J workspace while they live; {@code max} is the
 * figure-by-figure maximum; bad figures are refused by name.
 */
class MemoryProbeTest {

    private static final long MIB = 1L << 20;

    @Test
    void aLiveHeapArrayShowsInTheHeapAndItsPeak() {
        MemoryProbe.resetPeaks();
        byte[] big = new byte[Math.toIntExact(64 * MIB)];
        big[big.length - 1] = 1;
        MemoryProbe during = MemoryProbe.sample();
        assertTrue(during.heapUsed() >= 64 * MIB, during.toString());
        assertTrue(during.heapPeak() >= during.heapUsed(), during.toString());
        assertEquals(1, big[big.length - 1]);
    }

    @Test
    void aLiveNd4jArrayShowsInTheResidentMemory() {
        Nd4j.create(DataType.FLOAT, 4).addi(1.0f); // the backend loaded before the first sample
        MemoryProbe before = MemoryProbe.sample();
        INDArray a = Nd4j.create(DataType.FLOAT, 32 * MIB); // 128 MiB, every page touched
        a.addi(1.0f);
        MemoryProbe during = MemoryProbe.sample();
        assertTrue(during.physical() - before.physical() >= 64 * MIB, before + " then " + during);
        assertEquals(32 * MIB, a.sumNumber().longValue());
    }

    @Test
    void anNd4jWorkspaceShowsInTheWorkspacesAndTheCountedOffHeap() {
        WorkspaceConfiguration config = WorkspaceConfiguration.builder()
                .initialSize(32 * MIB).policyAllocation(AllocationPolicy.STRICT)
                .policyLearning(LearningPolicy.NONE).build();
        MemoryProbe before = MemoryProbe.sample();
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager()
                .getAndActivateWorkspace(config, "memory-probe-test")) {
            INDArray inside = Nd4j.create(DataType.FLOAT, 1024).addi(2.0f);
            MemoryProbe during = MemoryProbe.sample();
            assertTrue(during.workspaces() >= 32 * MIB, during.toString());
            assertTrue(during.offHeapTracked() - before.offHeapTracked() >= 32 * MIB,
                    before + " then " + during);
            assertEquals(2048.0, inside.sumNumber().doubleValue(), 0.0);
        } finally {
            Nd4j.getWorkspaceManager().destroyWorkspace(
                    Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread("memory-probe-test"));
        }
    }

    @Test
    void maxTakesEachFigureFromWhicheverIsLarger() {
        MemoryProbe a = new MemoryProbe(10, 50, 3, 100, 0, 900);
        MemoryProbe b = new MemoryProbe(20, 30, 2, 400, 7, 800);
        assertEquals(new MemoryProbe(20, 50, 3, 400, 7, 900), a.max(b));
        assertEquals(a.max(b), b.max(a));
        assertEquals(a, a.max(a));
    }

    @Test
    void theDescriptionIsInMebibytes() {
        MemoryProbe p = new MemoryProbe(MIB, 3 * MIB / 2, 0, 10 * MIB, MIB / 10, 1000 * MIB);
        assertEquals("heap 1.0 MiB (peak 1.5 MiB), non-heap 0.0 MiB, ND4J off-heap counted "
                + "10.0 MiB, ND4J workspaces 0.1 MiB, resident 1000.0 MiB", p.toString());
    }

    @Test
    void negativeOrInconsistentFiguresAreRefused() {
        assertEquals("offHeapTracked must be >= 0 bytes, got -1",
                assertThrows(IllegalArgumentException.class,
                        () -> new MemoryProbe(0, 0, 0, -1, 0, 0)).getMessage());
        assertEquals("heapPeak must be at least heapUsed (10), got 9",
                assertThrows(IllegalArgumentException.class,
                        () -> new MemoryProbe(10, 9, 0, 0, 0, 0)).getMessage());
        assertEquals("other must not be null", assertThrows(IllegalArgumentException.class,
                () -> new MemoryProbe(0, 0, 0, 0, 0, 0).max(null)).getMessage());
    }
}
