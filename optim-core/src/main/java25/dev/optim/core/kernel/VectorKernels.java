package dev.optim.core.kernel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIMD tier's entry point (JDK 25, {@code jdk.incubator.vector}); loaded by reflection by
 * {@link Kernels}. Finds each rule class's {@link VectorRule} companion once, by the name the
 * rule gives; a rule without one runs on the plain tier.
 */
final class VectorKernels implements VectorTier {

    private static final Logger LOG = LoggerFactory.getLogger(VectorKernels.class);

    /** Each rule class's companion constructor, {@link #NONE} if it has none; once looked up. */
    private static final ClassValue<MethodHandle[]> FOUND = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            return new MethodHandle[1];
        }
    };

    /** Made by {@link Kernels} through reflection. */
    VectorKernels() {}

    @Override
    public Kernel create(UpdateRule rule, HostBinding host, boolean isFloat) {
        MethodHandle make = companion(rule);
        if (make == null) {
            return null;
        }
        VectorRule vector;
        try {
            vector = (VectorRule) make.invoke(rule);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot make the SIMD companion of "
                    + rule.getClass().getName(), e);
        }
        return new VectorHostKernel(rule, vector, host, isFloat);
    }

    /** The companion's constructor, looked up once per rule class. */
    private static MethodHandle companion(UpdateRule rule) {
        Class<?> type = rule.getClass();
        MethodHandle[] slot = FOUND.get(type);
        synchronized (slot) {
            if (slot[0] == null) {
                slot[0] = lookup(rule);
            }
            return slot[0] == NONE ? null : slot[0];
        }
    }

    private static final MethodHandle NONE = MethodHandles.constant(Object.class, null);

    private static MethodHandle lookup(UpdateRule rule) {
        String name = rule.vectorRuleClassName();
        try {
            Class<?> c = Class.forName(name, true, rule.getClass().getClassLoader());
            if (!VectorRule.class.isAssignableFrom(c)) {
                LOG.warn("{} is not a VectorRule; {} runs on the plain tier", name,
                        rule.getClass().getName());
                return NONE;
            }
            var ctor = c.getDeclaredConstructor(rule.getClass());
            ctor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(ctor)
                    .asType(MethodType.methodType(Object.class, UpdateRule.class));
        } catch (ClassNotFoundException e) {
            LOG.debug("{} has no SIMD companion {}; it runs on the plain tier",
                    rule.getClass().getName(), name);
            return NONE;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn("cannot load the SIMD companion {} ({}); {} runs on the plain tier", name,
                    e.toString(), rule.getClass().getName());
            return NONE;
        }
    }

    @Override
    public String unusableReason() {
        if (FloatVector.SPECIES_PREFERRED.vectorBitSize() < 128
                || DoubleVector.SPECIES_PREFERRED.length() < 2) {
            return "use a CPU with vectors of 128 bits or more";
        }
        String info = System.getProperty("java.vm.info", "");
        if (info.contains("interpreted mode")) {
            return "run the JVM without -Xint";
        }
        return null;
    }

    @Override
    public String describe() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit";
    }
}
