package dev.optim.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Optimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memory picture (point 7): every first-order optimizer of the catalogue, its buffer count
 * the optimizer's own {@code stateBuffersPerParameter()}, right by each rule, and the bytes
 * measured on its state agreeing with it.
 */
class OptimizerMemoryTest {

    /**
     * The buffers per parameter by each optimizer's published rule (the vectors its update keeps
     * between steps): SGD none; Momentum v; RMSprop s (+ the mean g for centered, + the momentum
     * buffer); Adam, AdamW, NAdam, RAdam, Adamax m and v (Adamax's v the infinity norm);
     * AMSGrad + max v̂; Adagrad the sum of g²; Adadelta the averages of g² and Δx²; Lion m only;
     * SWATS m, a and the SGD phase's v; Schedule-Free AdamW z, v and the averaged x; Lookahead
     * the inner's plus its slow weights.
     */
    private static final Map<String, Integer> RULE = new LinkedHashMap<>();

    static {
        RULE.put("SGD", 0);
        RULE.put("Momentum", 1);
        RULE.put("RMSprop", 1);
        RULE.put("Adam", 2);
        RULE.put("RMSprop centered", 2);
        RULE.put("RMSprop momentum", 2);
        RULE.put("RMSprop centered+momentum", 3);
        RULE.put("AdamW", 2);
        RULE.put("AMSGrad", 3);
        RULE.put("Adagrad", 1);
        RULE.put("Adadelta", 2);
        RULE.put("Adamax", 2);
        RULE.put("NAdam", 2);
        RULE.put("RAdam", 2);
        RULE.put("Lion", 1);
        RULE.put("SWATS", 3);
        RULE.put("Schedule-Free AdamW", 3);
        RULE.put("Lookahead(Adam)", 3);
    }

    @Test
    void everyOptimizerIsDrawnWithItsOwnRightBufferCount() {
        Map<String, Optimizer> drawn = OptimizerMemory.optimizers();
        assertEquals(List.copyOf(RULE.keySet()), List.copyOf(drawn.keySet()));
        List<OptimizerMemory.Row> rows = OptimizerMemory.measure(1000);
        assertEquals(RULE.size(), rows.size());
        for (OptimizerMemory.Row r : rows) {
            int rule = RULE.get(r.name());
            assertEquals(drawn.get(r.name()).stateBuffersPerParameter(), r.buffers(), r.name());
            assertEquals(rule, r.buffers(), r.name());
            // The state holds that many parameter-sized buffers (SWATS's are float64 whatever
            // the parameters' type), plus at most a few scalars per 1000 parameters.
            int float32Bytes = r.name().equals("SWATS") ? 8 : 4;
            assertTrue(r.bytesFloat32() >= rule * float32Bytes
                    && r.bytesFloat32() < rule * float32Bytes + 0.5, r.toString());
            assertTrue(r.bytesFloat64() >= rule * 8 && r.bytesFloat64() < rule * 8 + 0.5,
                    r.toString());
        }
    }
}
