package dev.optim.core.kernel;

/**
 * The SIMD tier's entry point, implemented by {@code VectorKernels} in the JDK 25 part of the
 * multi-release JAR ({@code META-INF/versions/25}) and loaded by {@link Kernels} only where the
 * JDK and its {@code jdk.incubator.vector} module allow.
 */
interface VectorTier {

    /**
     * A SIMD kernel running {@code rule} over the host memory of {@code host}'s arrays, or null
     * if the rule has no SIMD companion (or it fails to load; logged once per rule class).
     *
     * @param rule the update rule
     * @param host the views of the state's buffers
     * @param isFloat whether the arrays hold float32 (else float64)
     * @return the kernel, or null
     */
    Kernel create(UpdateRule rule, HostBinding host, boolean isFloat);

    /**
     * Why this JVM cannot run the tier well, or null if it can.
     *
     * @return the reason, or null
     */
    String unusableReason();

    /**
     * The vector shape, for the log line, as {@code "512-bit"}.
     *
     * @return the description
     */
    String describe();
}
