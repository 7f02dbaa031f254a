package dev.optim.core.optimizer;

import dev.optim.core.kernel.VectorRule;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** {@link SgdRule} with the JDK Vector API. */
final class SgdRuleSimd extends VectorRule {

    private final SgdRule rule;

    SgdRuleSimd(SgdRule rule) {
        this.rule = rule;
    }

    @Override
    public void applyFloat(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        float alpha = (float) rule.alpha;
        for (long i = from; i < to; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(gi.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }

    @Override
    public void applyDouble(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        double alpha = rule.alpha;
        for (long i = from; i < to; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(gi.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }
}
