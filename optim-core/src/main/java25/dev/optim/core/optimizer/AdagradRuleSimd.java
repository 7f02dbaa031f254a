package dev.optim.core.optimizer;

import dev.optim.core.kernel.VectorRule;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** {@link AdagradRule} with the JDK Vector API. */
final class AdagradRuleSimd extends VectorRule {

    private final AdagradRule rule;

    AdagradRuleSimd(AdagradRule rule) {
        this.rule = rule;
    }

    @Override
    public void applyFloat(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment sum = s[0];
        float alpha = (float) rule.alpha;
        float add = (float) rule.add;
        float eps = (float) rule.eps;
        for (long i = from; i < to; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector si = FloatVector.fromMemorySegment(FS, sum, o, NATIVE).add(add).add(gi.mul(gi));
            si.intoMemorySegment(sum, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(gi.mul(alpha).div(si.sqrt().add(eps)))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }

    @Override
    public void applyDouble(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment sum = s[0];
        double alpha = rule.alpha;
        double add = rule.add;
        double eps = rule.eps;
        for (long i = from; i < to; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector si = DoubleVector.fromMemorySegment(DS, sum, o, NATIVE).add(add).add(gi.mul(gi));
            si.intoMemorySegment(sum, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(gi.mul(alpha).div(si.sqrt().add(eps)))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }
}
