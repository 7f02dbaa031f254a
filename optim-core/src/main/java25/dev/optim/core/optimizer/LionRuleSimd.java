package dev.optim.core.optimizer;

import dev.optim.core.kernel.VectorRule;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/** {@link LionRule} with the JDK Vector API. */
final class LionRuleSimd extends VectorRule {

    private final LionRule rule;

    LionRuleSimd(LionRule rule) {
        this.rule = rule;
    }

    @Override
    public void applyFloat(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment m = s[0];
        float b1 = (float) rule.b1;
        float b2 = (float) rule.b2;
        float c1 = (float) rule.c1;
        float c2 = (float) rule.c2;
        float alpha = (float) rule.alpha;
        for (long i = from; i < to; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector mi = FloatVector.fromMemorySegment(FS, m, o, NATIVE);
            FloatVector c = mi.mul(b1).add(gi.mul(c1));
            FloatVector sign = c.blend(1, c.compare(VectorOperators.GT, 0)).blend(-1, c.compare(VectorOperators.LT, 0));
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(sign.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
            mi.mul(b2).add(gi.mul(c2)).intoMemorySegment(m, o, NATIVE);
        }
    }

    @Override
    public void applyDouble(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment m = s[0];
        double b1 = rule.b1;
        double b2 = rule.b2;
        double c1 = rule.c1;
        double c2 = rule.c2;
        double alpha = rule.alpha;
        for (long i = from; i < to; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector mi = DoubleVector.fromMemorySegment(DS, m, o, NATIVE);
            DoubleVector c = mi.mul(b1).add(gi.mul(c1));
            DoubleVector sign = c.blend(1, c.compare(VectorOperators.GT, 0)).blend(-1, c.compare(VectorOperators.LT, 0));
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(sign.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
            mi.mul(b2).add(gi.mul(c2)).intoMemorySegment(m, o, NATIVE);
        }
    }
}
