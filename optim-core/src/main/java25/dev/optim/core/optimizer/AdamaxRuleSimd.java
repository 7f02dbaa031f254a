package dev.optim.core.optimizer;

import dev.optim.core.kernel.VectorRule;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** {@link AdamaxRule} with the JDK Vector API. */
final class AdamaxRuleSimd extends VectorRule {

    private final AdamaxRule rule;

    AdamaxRuleSimd(AdamaxRule rule) {
        this.rule = rule;
    }

    @Override
    public void applyFloat(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment m = s[0];
        MemorySegment u = s[1];
        float b1 = (float) rule.b1;
        float b2 = (float) rule.b2;
        float c1 = (float) rule.c1;
        float eps = (float) rule.eps;
        float negStep = (float) rule.negStep;
        for (long i = from; i < to; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector mi = FloatVector.fromMemorySegment(FS, m, o, NATIVE).mul(b1).add(gi.mul(c1));
            FloatVector ui = FloatVector.fromMemorySegment(FS, u, o, NATIVE).mul(b2).max(gi.abs().add(eps));
            mi.intoMemorySegment(m, o, NATIVE);
            ui.intoMemorySegment(u, o, NATIVE);
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(mi.mul(negStep).div(ui))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }

    @Override
    public void applyDouble(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment m = s[0];
        MemorySegment u = s[1];
        double b1 = rule.b1;
        double b2 = rule.b2;
        double c1 = rule.c1;
        double eps = rule.eps;
        double negStep = rule.negStep;
        for (long i = from; i < to; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector mi = DoubleVector.fromMemorySegment(DS, m, o, NATIVE).mul(b1).add(gi.mul(c1));
            DoubleVector ui = DoubleVector.fromMemorySegment(DS, u, o, NATIVE).mul(b2).max(gi.abs().add(eps));
            mi.intoMemorySegment(m, o, NATIVE);
            ui.intoMemorySegment(u, o, NATIVE);
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(mi.mul(negStep).div(ui))
                    .intoMemorySegment(p, o, NATIVE);
        }
    }
}
