package dev.optim.core.kernel;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and makes the update {@link Kernel} for an optimizer state. Internal to Optim.
 *
 * <p>Tiers, fastest first where each applies:
 *
 * <ul>
 *   <li>{@code simd}: JDK Vector API loops over the INDArray's host memory. Needs JDK 25 or
 *       later started with {@code --add-modules jdk.incubator.vector}, and an optim-core JAR
 *       built on JDK 25 (the tier lives in its {@code META-INF/versions/25});
 *   <li>{@code plain}: Java loops, over host memory in L1-sized chunks, or directly over
 *       {@code double[]} parameters. Always available; the automatic fallback;
 *   <li>{@code nd4j}: ND4J element-wise ops with preallocated scratch, for backends whose arrays
 *       may live off the host (CUDA). Chosen automatically on any backend but the CPU one.
 * </ul>
 *
 * <p>All tiers give the same results bit for bit (see {@link Kernel} for the one exception).
 * The system property {@value #TIER_PROPERTY} forces a tier for INDArray states made after it
 * is set: {@code auto} (the default), {@code simd} (falls back to {@code plain} where it is not
 * available), {@code plain} or {@code nd4j}. The first INDArray state logs one line at INFO
 * saying which tier runs and how to enable a faster one.
 */
public final class Kernels {

    /** The property that forces a tier: {@code auto}, {@code simd}, {@code plain}, {@code nd4j}. */
    public static final String TIER_PROPERTY = "optim.kernel";

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);
    private static final AtomicBoolean LOGGED = new AtomicBoolean();
    private static final VectorTier SIMD;
    private static final String SIMD_ABSENT;

    static {
        VectorTier simd = null;
        String absent = null;
        Runtime.Version v = Runtime.version();
        if (v.feature() < 25) {
            absent = "run on JDK 25 or later with --add-modules jdk.incubator.vector (this is JDK "
                    + v + ")";
        } else if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            absent = "start the JVM with --add-modules jdk.incubator.vector";
        } else {
            try {
                Class<?> c = Class.forName("dev.optim.core.kernel.VectorKernels");
                simd = (VectorTier) c.getDeclaredConstructor().newInstance();
                absent = simd.unusableReason();
                if (absent != null) {
                    simd = null;
                }
            } catch (ClassNotFoundException e) {
                absent = "use an optim-core JAR built on JDK 25 (this one has no"
                        + " META-INF/versions/25 kernels)";
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                absent = "fix its loading error: " + e;
            }
        }
        SIMD = simd;
        SIMD_ABSENT = absent;
    }

    private Kernels() {}

    /**
     * Whether the SIMD tier is available in this JVM.
     *
     * @return true if {@code simd} kernels can be made
     */
    public static boolean simdAvailable() {
        return SIMD != null;
    }

    /**
     * The kernel for a state of {@code double[]} buffers: always the plain tier (C2 vectorises
     * its loops over Java arrays).
     *
     * @param rule the state's update rule
     * @param state the state's buffers, each of length {@code n}
     * @param n the number of parameters
     * @return a new kernel
     */
    public static Kernel forPlain(UpdateRule rule, double[][] state, int n) {
        return new ArrayKernel(rule, state, n);
    }

    /**
     * The kernel for a state of INDArray buffers, on the tier that {@value #TIER_PROPERTY} and
     * the backend select. A rule without a SIMD companion runs on the plain tier where the SIMD
     * tier was selected, and one without an ND4J-ops form runs on the plain tier over host
     * memory where the ND4J-ops tier was selected; {@link Kernel#tier()} says which runs.
     *
     * @param rule the state's update rule
     * @param state the state's buffers, dense, each shaped like the parameters
     * @param params parameters of the state's shape and data type (FLOAT or DOUBLE)
     * @return a new kernel
     * @throws IllegalArgumentException if the parameters hold more than 2^31 − 1 bytes, or the
     *     property names no tier
     */
    public static Kernel forArrays(UpdateRule rule, INDArray[] state, INDArray params) {
        if (rule == null) {
            throw new IllegalArgumentException("rule must not be null");
        }
        String requested = System.getProperty(TIER_PROPERTY, "auto").trim()
                .toLowerCase(Locale.ROOT);
        boolean cpu = Nd4j.getEnvironment().isCPU();
        String tier;
        switch (requested) {
            case "auto" -> tier = !cpu ? "nd4j" : SIMD != null ? "simd" : "plain";
            case "simd" -> tier = SIMD != null ? "simd" : "plain";
            case "plain", "nd4j" -> tier = requested;
            default -> throw new IllegalArgumentException(TIER_PROPERTY
                    + " must be auto, simd, plain or nd4j, got " + requested);
        }
        logOnce(tier, requested, cpu);
        DataType type = params.dataType();
        if (tier.equals("nd4j") && rule.hasNd4jOps()) {
            return new Nd4jKernel(rule, state, type, params.length());
        }
        int width = type.width();
        if (params.length() * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("params of " + params.length() + " " + type
                    + " elements exceed the 2 GiB that the host tiers address; use the nd4j tier"
                    + " (-D" + TIER_PROPERTY + "=nd4j) with a rule that has ND4J ops");
        }
        HostBinding host = new HostBinding(state, (int) params.length(), width);
        boolean isFloat = type == DataType.FLOAT;
        Kernel simd = tier.equals("simd") ? SIMD.create(rule, host, isFloat) : null;
        return simd != null ? simd : new PlainHostKernel(rule, host, isFloat);
    }

    private static void logOnce(String tier, String requested, boolean cpu) {
        if (!LOGGED.compareAndSet(false, true)) {
            return;
        }
        String forced = requested.equals("auto")
                ? "" : " (" + TIER_PROPERTY + "=" + requested + ")";
        switch (tier) {
            case "simd" -> LOG.info("Optim update kernels: SIMD tier (JDK Vector API, {}) over host"
                    + " memory{}", SIMD.describe(), forced);
            case "nd4j" -> LOG.info("Optim update kernels: ND4J-ops tier on the {} backend{}",
                    Nd4j.getBackend().getClass().getSimpleName(), forced);
            default -> {
                if (!cpu) {
                    LOG.info("Optim update kernels: plain Java tier over host copies{}", forced);
                } else if (SIMD != null) {
                    LOG.info("Optim update kernels: plain Java tier{}; the SIMD tier is available"
                            + " (-D{}=auto)", forced, TIER_PROPERTY);
                } else {
                    LOG.info("Optim update kernels: plain Java tier{}; to enable the faster SIMD"
                            + " tier, {}", forced, SIMD_ABSENT);
                }
            }
        }
    }
}
