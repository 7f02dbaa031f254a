package dev.optim.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Divergence}'s description names the value, the step and the batch's first indices. */
class DivergenceTest {

    @Test
    void aLargeBatchIsNamedByItsSizeAndItsFirstIndices() {
        int[] batch = new int[32];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = 3 * i + 1;
        }
        Divergence d = new Divergence(12, batch, Double.NaN, "batch");
        assertEquals("non-finite batch loss NaN at step 12 on a batch of 32 examples "
                + "[1, 4, 7, 10, 13, 16, 19, 22, …]", d.toString());
    }

    @Test
    void aBatchOfAtMostEightIsNamedInFull() {
        int[] eight = {9, 8, 7, 6, 5, 4, 3, 2};
        assertEquals("non-finite batch loss -Infinity at step 0 on a batch of 8 examples "
                + "[9, 8, 7, 6, 5, 4, 3, 2]",
                new Divergence(0, eight, Double.NEGATIVE_INFINITY, "batch").toString());
        assertEquals("non-finite batch loss NaN at step 3 on a batch of 1 example [41]",
                new Divergence(3, new int[] {41}, Double.NaN, "batch").toString());
    }

    @Test
    void aFullOrValidationLossNamesNoBatch() {
        Divergence d = new Divergence(40, null, Double.POSITIVE_INFINITY, "validation");
        assertEquals("non-finite validation loss Infinity at step 40", d.toString());
        assertArrayEquals(new int[0], d.batch());
    }

    @Test
    void theBatchIsCopiedInAndOut() {
        int[] batch = {1, 2};
        Divergence d = new Divergence(1, batch, Double.NaN, "batch");
        batch[0] = 99;
        d.batch()[1] = 99;
        assertArrayEquals(new int[] {1, 2}, d.batch());
    }
}
