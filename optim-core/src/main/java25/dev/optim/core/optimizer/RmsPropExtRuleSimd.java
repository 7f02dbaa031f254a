package dev.optim.core.optimizer;

import dev.optim.core.kernel.VectorRule;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** {@link RmsPropExtRule} with the JDK Vector API. */
final class RmsPropExtRuleSimd extends VectorRule {

    private final RmsPropExtRule rule;

    RmsPropExtRuleSimd(RmsPropExtRule rule) {
        this.rule = rule;
    }

    @Override
    public void applyFloat(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment sq = s[0];
        boolean centered = rule.centered;
        boolean momentum = rule.momentum;
        MemorySegment ga = centered ? s[1] : null;
        MemorySegment b = momentum ? s[centered ? 2 : 1] : null;
        float rho = (float) rule.rho;
        float oneMinus = (float) rule.oneMinus;
        float eps = (float) rule.eps;
        float mu = (float) rule.mu;
        float alpha = (float) rule.alpha;
        for (long i = from; i < to; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector si = FloatVector.fromMemorySegment(FS, sq, o, NATIVE).mul(rho)
                    .add(gi.mul(oneMinus).mul(gi));
            si.intoMemorySegment(sq, o, NATIVE);
            FloatVector d;
            if (centered) {
                FloatVector ai = FloatVector.fromMemorySegment(FS, ga, o, NATIVE).mul(rho).add(gi.mul(oneMinus));
                ai.intoMemorySegment(ga, o, NATIVE);
                d = si.sub(ai.mul(ai)).sqrt().add(eps);
            } else {
                d = si.sqrt().add(eps);
            }
            FloatVector step;
            if (momentum) {
                FloatVector bi = FloatVector.fromMemorySegment(FS, b, o, NATIVE).mul(mu).add(gi.div(d));
                bi.intoMemorySegment(b, o, NATIVE);
                step = bi.mul(alpha);
            } else {
                step = gi.mul(alpha).div(d);
            }
            FloatVector.fromMemorySegment(FS, p, o, NATIVE).add(step).intoMemorySegment(p, o, NATIVE);
        }
    }

    @Override
    public void applyDouble(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment sq = s[0];
        boolean centered = rule.centered;
        boolean momentum = rule.momentum;
        MemorySegment ga = centered ? s[1] : null;
        MemorySegment b = momentum ? s[centered ? 2 : 1] : null;
        double rho = rule.rho;
        double oneMinus = rule.oneMinus;
        double eps = rule.eps;
        double mu = rule.mu;
        double alpha = rule.alpha;
        for (long i = from; i < to; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector si = DoubleVector.fromMemorySegment(DS, sq, o, NATIVE).mul(rho)
                    .add(gi.mul(oneMinus).mul(gi));
            si.intoMemorySegment(sq, o, NATIVE);
            DoubleVector d;
            if (centered) {
                DoubleVector ai = DoubleVector.fromMemorySegment(DS, ga, o, NATIVE).mul(rho).add(gi.mul(oneMinus));
                ai.intoMemorySegment(ga, o, NATIVE);
                d = si.sub(ai.mul(ai)).sqrt().add(eps);
            } else {
                d = si.sqrt().add(eps);
            }
            DoubleVector step;
            if (momentum) {
                DoubleVector bi = DoubleVector.fromMemorySegment(DS, b, o, NATIVE).mul(mu).add(gi.div(d));
                bi.intoMemorySegment(b, o, NATIVE);
                step = bi.mul(alpha);
            } else {
                step = gi.mul(alpha).div(d);
            }
            DoubleVector.fromMemorySegment(DS, p, o, NATIVE).add(step).intoMemorySegment(p, o, NATIVE);
        }
    }
}
