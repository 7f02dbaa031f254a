package dev.optim.core.optimizer;

import dev.optim.core.kernel.VectorRule;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** {@link ScheduleFreeAdamWRule} with the JDK Vector API. */
final class ScheduleFreeAdamWRuleSimd extends VectorRule {

    private final ScheduleFreeAdamWRule rule;

    ScheduleFreeAdamWRuleSimd(ScheduleFreeAdamWRule rule) {
        this.rule = rule;
    }

    @Override
    public void applyFloat(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment z = s[0];
        MemorySegment v = s[1];
        MemorySegment x = s[2];
        if (rule.first) {
            for (long i = from; i < to; i += FS.length()) {
                long o = i * 4;
                FloatVector pi = FloatVector.fromMemorySegment(FS, p, o, NATIVE);
                pi.intoMemorySegment(z, o, NATIVE);
                pi.intoMemorySegment(x, o, NATIVE);
            }
        }
        float b1 = (float) rule.b1;
        float c1 = (float) (1 - rule.b1);
        float b2 = (float) rule.b2;
        float c2 = (float) (1 - rule.b2);
        float eps = (float) rule.eps;
        float negLr = (float) rule.negLr;
        float dc = (float) rule.decayCoef;
        float ck = (float) rule.ckp1;
        float keep = (float) (1 - rule.ckp1);
        boolean atZ = rule.decayAtZ;
        for (long i = from; i < to; i += FS.length()) {
            long o = i * 4;
            FloatVector gi = FloatVector.fromMemorySegment(FS, g, o + gShift, NATIVE);
            FloatVector zi = FloatVector.fromMemorySegment(FS, z, o, NATIVE);
            FloatVector d = atZ ? zi : FloatVector.fromMemorySegment(FS, p, o, NATIVE);
            zi = zi.sub(d.mul(dc));
            FloatVector vi = FloatVector.fromMemorySegment(FS, v, o, NATIVE).mul(b2)
                    .add(gi.mul(c2).mul(gi));
            zi = zi.add(gi.div(vi.sqrt().add(eps)).mul(negLr));
            FloatVector xi = FloatVector.fromMemorySegment(FS, x, o, NATIVE).mul(keep)
                    .add(zi.mul(ck));
            vi.intoMemorySegment(v, o, NATIVE);
            zi.intoMemorySegment(z, o, NATIVE);
            xi.intoMemorySegment(x, o, NATIVE);
            xi.mul(b1).add(zi.mul(c1)).intoMemorySegment(p, o, NATIVE);
        }
    }

    @Override
    public void applyDouble(MemorySegment p, MemorySegment g, long gShift, MemorySegment[] s,
            long from, long to) {
        MemorySegment z = s[0];
        MemorySegment v = s[1];
        MemorySegment x = s[2];
        if (rule.first) {
            for (long i = from; i < to; i += DS.length()) {
                long o = i * 8;
                DoubleVector pi = DoubleVector.fromMemorySegment(DS, p, o, NATIVE);
                pi.intoMemorySegment(z, o, NATIVE);
                pi.intoMemorySegment(x, o, NATIVE);
            }
        }
        double b1 = rule.b1;
        double c1 = 1 - rule.b1;
        double b2 = rule.b2;
        double c2 = 1 - rule.b2;
        double eps = rule.eps;
        double negLr = rule.negLr;
        double dc = rule.decayCoef;
        double ck = rule.ckp1;
        double keep = 1 - ck;
        boolean atZ = rule.decayAtZ;
        for (long i = from; i < to; i += DS.length()) {
            long o = i * 8;
            DoubleVector gi = DoubleVector.fromMemorySegment(DS, g, o + gShift, NATIVE);
            DoubleVector zi = DoubleVector.fromMemorySegment(DS, z, o, NATIVE);
            DoubleVector d = atZ ? zi : DoubleVector.fromMemorySegment(DS, p, o, NATIVE);
            zi = zi.sub(d.mul(dc));
            DoubleVector vi = DoubleVector.fromMemorySegment(DS, v, o, NATIVE).mul(b2)
                    .add(gi.mul(c2).mul(gi));
            zi = zi.add(gi.div(vi.sqrt().add(eps)).mul(negLr));
            DoubleVector xi = DoubleVector.fromMemorySegment(DS, x, o, NATIVE).mul(keep)
                    .add(zi.mul(ck));
            vi.intoMemorySegment(v, o, NATIVE);
            zi.intoMemorySegment(z, o, NATIVE);
            xi.intoMemorySegment(x, o, NATIVE);
            xi.mul(b1).add(zi.mul(c1)).intoMemorySegment(p, o, NATIVE);
        }
    }
}
