package dev.optim.core.optimizer;

import dev.optim.core.kernel.VectorRule;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** {@link AdadeltaRule} with the JDK Vector API. */
final class AdadeltaRuleSimd extends VectorRule {

    private final AdadeltaRule rule;

    AdadeltaRuleSimd(AdadeltaRule rule) {
        this.rule = rule;
    }

    @Override
    public void applyFloat(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment sq = s[0];
        MemorySegment acc = s[1];
        float rho = (float) rule.rho;
        float oneMinus = (float) rule.oneMinus;
        float eps = (float) rule.eps;
        float alpha = (float) rule.alpha;
        for (long i = from; i < to; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector si = FloatVector.fromMemorySegment(FS, sq, o, NATIVE).mul(rho).add(gi.mul(oneMinus).mul(gi));
            si.intoMemorySegment(sq, o, NATIVE);
            FloatVector ai = FloatVector.fromMemorySegment(FS, acc, o, NATIVE);
            FloatVector delta = ai.add(eps).sqrt().div(si.add(eps).sqrt()).mul(gi);
            ai.mul(rho).add(delta.mul(oneMinus).mul(delta)).intoMemorySegment(acc, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(delta.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }

    @Override
    public void applyDouble(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment sq = s[0];
        MemorySegment acc = s[1];
        double rho = rule.rho;
        double oneMinus = rule.oneMinus;
        double eps = rule.eps;
        double alpha = rule.alpha;
        for (long i = from; i < to; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector si = DoubleVector.fromMemorySegment(DS, sq, o, NATIVE).mul(rho).add(gi.mul(oneMinus).mul(gi));
            si.intoMemorySegment(sq, o, NATIVE);
            DoubleVector ai = DoubleVector.fromMemorySegment(DS, acc, o, NATIVE);
            DoubleVector delta = ai.add(eps).sqrt().div(si.add(eps).sqrt()).mul(gi);
            ai.mul(rho).add(delta.mul(oneMinus).mul(delta)).intoMemorySegment(acc, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(delta.mul(alpha))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }
}
