package dev.optim.core.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A split plan covers every element of every tensor exactly once, and the norm blocks too. */
class SplitPlanTest {

    @Property(tries = 200)
    void everyElementIsInExactlyOneSegment(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 200_000) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 9) int parts, @ForAll long wholeMask) {
        ParameterSet.Builder b = ParameterSet.builder();
        boolean[] whole = new boolean[sizes.size()];
        for (int i = 0; i < sizes.size(); i++) {
            b.add("t" + i, Nd4j.zeros(DataType.FLOAT, sizes.get(i)));
            whole[i] = ((wholeMask >>> i) & 1) == 1;
        }
        ParameterSet set = b.build();
        SplitPlan plan = SplitPlan.of(set, parts, whole);
        assertTrue(plan.parts >= 1 && plan.parts <= parts);
        long[] covered = new long[sizes.size()];
        int[] pieces = new int[sizes.size()];
        for (long[] seg : plan.segments) {
            for (int k = 0; k < seg.length; k += 3) {
                int t = (int) seg[k];
                // Segments of a tensor come in order and touch: [covered, to).
                assertEquals(covered[t], seg[k + 1]);
                assertTrue(seg[k + 2] > seg[k + 1]);
                if (seg[k + 2] < sizes.get(t)) {
                    assertEquals(0, seg[k + 2] % SplitPlan.ALIGN);
                }
                covered[t] = seg[k + 2];
                pieces[t]++;
            }
        }
        for (int i = 0; i < sizes.size(); i++) {
            assertEquals((long) sizes.get(i), covered[i], "tensor " + i);
            if (whole[i]) {
                assertEquals(1, pieces[i]);
            }
        }
        long[] blocked = new long[sizes.size()];
        for (int p = 0; p < plan.parts; p++) {
            for (int bl = plan.blockCuts[p]; bl < plan.blockCuts[p + 1]; bl++) {
                int t = (int) plan.blocks[3 * bl];
                assertEquals(blocked[t], plan.blocks[3 * bl + 1]);
                blocked[t] = plan.blocks[3 * bl + 2];
            }
        }
        assertEquals(plan.blocks.length / 3, plan.blockCuts[plan.parts]);
        for (int i = 0; i < sizes.size(); i++) {
            assertEquals((long) sizes.get(i), blocked[i]);
        }
    }
}
