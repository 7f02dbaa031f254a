package dev.optim.core.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MiniBatchesTest {

    private static int[][] draw(BatchPlan plan, int n, int count) {
        MiniBatches m = new MiniBatches(plan, n);
        int[][] out = new int[count][];
        for (int i = 0; i < count; i++) {
            out[i] = m.next().clone();
        }
        return out;
    }

    @Test
    void sequentialKeepsTheLastPartialBatch() {
        int[][] b = draw(BatchPlan.of(4), 10, 4);
        assertArrayEquals(new int[] {0, 1, 2, 3}, b[0]);
        assertArrayEquals(new int[] {4, 5, 6, 7}, b[1]);
        assertArrayEquals(new int[] {8, 9}, b[2]);
        assertArrayEquals(new int[] {0, 1, 2, 3}, b[3]);
    }

    @Test
    void sequentialDropsTheLastPartialBatch() {
        int[][] b = draw(BatchPlan.of(4).withLastBatch(LastBatch.DROP), 10, 3);
        assertArrayEquals(new int[] {0, 1, 2, 3}, b[0]);
        assertArrayEquals(new int[] {4, 5, 6, 7}, b[1]);
        assertArrayEquals(new int[] {0, 1, 2, 3}, b[2]);
    }

    @Test
    void sequentialFillsTheLastPartialBatch() {
        int[][] b = draw(BatchPlan.of(4).withLastBatch(LastBatch.FILL), 10, 4);
        assertArrayEquals(new int[] {8, 9, 0, 1}, b[2]);
        assertArrayEquals(new int[] {2, 3, 4, 5}, b[3]);
    }

    @Test
    void batchOfOneWalksTheExamplesInOrder() {
        int[][] b = draw(BatchPlan.of(1), 3, 7);
        int[] seen = Arrays.stream(b).mapToInt(x -> x[0]).toArray();
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0}, seen);
    }

    @Test
    void growingBatchSizeFromASchedule() {
        BatchPlan plan = BatchPlan.of(k -> 1 + k); // 1, 2, 3, … capped at n
        int[][] b = draw(plan, 5, 4);
        assertEquals(1, b[0].length);
        assertEquals(2, b[1].length);
        assertArrayEquals(new int[] {3, 4}, b[2], "KEEP: 2 remain of a batch of 3");
        assertEquals(4, b[3].length);
        assertEquals(5, plan.sizes(5).sizeAt(100));
    }

    @Property(tries = 100)
    void shuffledEpochsArePermutationsReproducibleFromTheSeed(
            @ForAll @IntRange(min = 1, max = 40) int n,
            @ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed) {
        int b = Math.min(size, n);
        BatchPlan plan = BatchPlan.of(b).withOrder(BatchOrder.SHUFFLED).withSeed(seed)
                .withLastBatch(LastBatch.KEEP);
        int perEpoch = (n + b - 1) / b;
        int[][] first = draw(plan, n, 3 * perEpoch);
        int[][] again = draw(plan, n, 3 * perEpoch);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], again[i]);
        }
        for (int e = 0; e < 3; e++) {
            int[] epoch = IntStream.range(e * perEpoch, (e + 1) * perEpoch)
                    .flatMap(i -> Arrays.stream(first[i])).sorted().toArray();
            assertArrayEquals(IntStream.range(0, n).toArray(), epoch);
        }
    }

    @Test
    void differentSeedsShuffleDifferently() {
        BatchPlan plan = BatchPlan.of(50).withOrder(BatchOrder.SHUFFLED);
        assertFalse(Arrays.equals(draw(plan.withSeed(1), 50, 1)[0], draw(plan.withSeed(2), 50, 1)[0]));
    }

    @Test
    void badInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BatchPlan.of(0))
                .getMessage().contains("batchSize must be >= 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new MiniBatches(BatchPlan.of(1), 0)).getMessage().contains("n must be >= 1"));
        MiniBatches m = new MiniBatches(BatchPlan.of(k -> k == 0 ? 2 : -3), 5);
        m.next();
        assertTrue(assertThrows(IllegalArgumentException.class, m::next)
                .getMessage().contains("batch size at step 1"));
        assertThrows(IllegalArgumentException.class,
                () -> new BatchPlan(null, BatchOrder.SEQUENTIAL, LastBatch.KEEP, 0));
    }
}
