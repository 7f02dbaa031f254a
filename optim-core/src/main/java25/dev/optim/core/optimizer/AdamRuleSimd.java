package dev.optim.core.optimizer;

import dev.optim.core.kernel.VectorRule;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** {@link AdamRule} with the JDK Vector API. */
final class AdamRuleSimd extends VectorRule {

    private final AdamRule rule;

    AdamRuleSimd(AdamRule rule) {
        this.rule = rule;
    }

    @Override
    public void applyFloat(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment m = s[0];
        MemorySegment v = s[1];
        float b1 = (float) rule.b1;
        float b2 = (float) rule.b2;
        float c1 = (float) rule.c1;
        float c2 = (float) rule.c2;
        float negStep = (float) rule.negStep;
        float bc2Sqrt = (float) rule.bc2Sqrt;
        float eps = (float) rule.eps;
        for (long i = from; i < to; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector mi = FloatVector.fromMemorySegment(FS, m, o, NATIVE).mul(b1)
                    .add(gi.mul(c1));
            FloatVector vi = FloatVector.fromMemorySegment(FS, v, o, NATIVE).mul(b2)
                    .add(gi.mul(c2).mul(gi));
            mi.intoMemorySegment(m, o, NATIVE);
            vi.intoMemorySegment(v, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE)
                    .add(mi.mul(negStep).div(vi.sqrt().div(bc2Sqrt).add(eps)))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }

    @Override
    public void applyDouble(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment m = s[0];
        MemorySegment v = s[1];
        double b1 = rule.b1;
        double b2 = rule.b2;
        double c1 = rule.c1;
        double c2 = rule.c2;
        double negStep = rule.negStep;
        double bc2Sqrt = rule.bc2Sqrt;
        double eps = rule.eps;
        for (long i = from; i < to; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector mi = DoubleVector.fromMemorySegment(DS, m, o, NATIVE).mul(b1)
                    .add(gi.mul(c1));
            DoubleVector vi = DoubleVector.fromMemorySegment(DS, v, o, NATIVE).mul(b2)
                    .add(gi.mul(c2).mul(gi));
            mi.intoMemorySegment(m, o, NATIVE);
            vi.intoMemorySegment(v, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE)
                    .add(mi.mul(negStep).div(vi.sqrt().div(bc2Sqrt).add(eps)))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }
}
