package dev.optim.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Schedule;
import org.junit.jupiter.api.Test;

class BatchSizeScheduleTest {

    @Test
    void growsInStepsAndIsCapped() {
        // Smith et al.: instead of dividing the rate by 5 every 30 steps, multiply the batch by 5
        BatchSizeSchedule b = Schedules.batchSize(Schedules.stepDecay(32, 30, 5.0), 300);
        assertEquals(32, b.sizeAt(0));
        assertEquals(32, b.sizeAt(29));
        assertEquals(160, b.sizeAt(30));
        assertEquals(300, b.sizeAt(60)); // 800, capped
        assertEquals(300, b.sizeAt(Long.MAX_VALUE)); // +infinity, capped
    }

    @Test
    void roundsToTheNearestIntegerHalvesUp() {
        assertEquals(2, size(2.4999));
        assertEquals(3, size(2.5));
        assertEquals(3, size(3.4));
        assertEquals(1, size(0.5));
        assertEquals(7, size(7.0));
    }

    private static int size(double v) {
        return Schedules.batchSize(Schedules.constant(v), 1000).sizeAt(0);
    }

    @Test
    void refusesValuesThatRoundBelowOneOrAreNaN() {
        for (double v : new double[] {0.49, 0.0, -3.0, Double.NaN, Double.NEGATIVE_INFINITY}) {
            Schedule s = step -> v;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Schedules.batchSize(s, 10).sizeAt(4));
            assertTrue(e.getMessage().startsWith("batch size at step 4 must round to >= 1, got "
                    + v), e.getMessage());
        }
    }

    @Test
    void anExponentialGrowthReachesTheCap() {
        BatchSizeSchedule b = Schedules.batchSize(Schedules.exponentialDecay(1, 2), 300);
        assertEquals(1, b.sizeAt(0));
        assertEquals(256, b.sizeAt(8));
        assertEquals(300, b.sizeAt(9));
        assertEquals(300, b.sizeAt(5000)); // 2^5000 overflows to +infinity: still the cap
    }
}
