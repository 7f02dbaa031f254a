package dev.optim.core.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * The SIMD tier's entry point (JDK 25, {@code jdk.incubator.vector}); loaded by reflection by
 * {@link Kernels}.
 */
final class VectorKernels implements VectorTier {

    /** Made by {@link Kernels} through reflection. */
    VectorKernels() {}

    @Override
    public Kernel create(HostBinding host, boolean isFloat) {
        return new VectorHostKernel(host, isFloat);
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
