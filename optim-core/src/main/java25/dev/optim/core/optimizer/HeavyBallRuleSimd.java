package dev.optim.core.optimizer;

import dev.optim.core.kernel.VectorRule;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** {@link HeavyBallRule} with the JDK Vector API. */
final class HeavyBallRuleSimd extends VectorRule {

    private final HeavyBallRule rule;

    HeavyBallRuleSimd(HeavyBallRule rule) {
        this.rule = rule;
    }

    @Override
    public void applyFloat(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment v = s[0];
        float mu = (float) rule.mu;
        float alpha = (float) rule.alpha;
        for (long i = from; i < to; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector vi = FloatVector.fromMemorySegment(FS, v, o, NATIVE).mul(mu).add(gi);
            vi.intoMemorySegment(v, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(vi.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }

    @Override
    public void applyDouble(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment v = s[0];
        double mu = rule.mu;
        double alpha = rule.alpha;
        for (long i = from; i < to; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector vi = DoubleVector.fromMemorySegment(DS, v, o, NATIVE).mul(mu).add(gi);
            vi.intoMemorySegment(v, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(vi.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }
}
