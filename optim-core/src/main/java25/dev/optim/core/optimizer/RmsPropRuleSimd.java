package dev.optim.core.optimizer;

import dev.optim.core.kernel.VectorRule;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** {@link RmsPropRule} with the JDK Vector API. */
final class RmsPropRuleSimd extends VectorRule {

    private final RmsPropRule rule;

    RmsPropRuleSimd(RmsPropRule rule) {
        this.rule = rule;
    }

    @Override
    public void applyFloat(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment sq = s[0];
        float rho = (float) rule.rho;
        float oneMinus = (float) rule.oneMinus;
        float alpha = (float) rule.alpha;
        float eps = (float) rule.eps;
        for (long i = from; i < to; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector si = FloatVector.fromMemorySegment(FS, sq, o, NATIVE).mul(rho)
                    .add(gi.mul(oneMinus).mul(gi));
            si.intoMemorySegment(sq, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE)
                    .add(gi.mul(alpha).div(si.sqrt().add(eps)))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }

    @Override
    public void applyDouble(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment sq = s[0];
        double rho = rule.rho;
        double oneMinus = rule.oneMinus;
        double alpha = rule.alpha;
        double eps = rule.eps;
        for (long i = from; i < to; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector si = DoubleVector.fromMemorySegment(DS, sq, o, NATIVE).mul(rho)
                    .add(gi.mul(oneMinus).mul(gi));
            si.intoMemorySegment(sq, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE)
                    .add(gi.mul(alpha).div(si.sqrt().add(eps)))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }
}
