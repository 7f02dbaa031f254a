package dev.optim.core.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD companion of an {@link UpdateRule} (JDK 25 Vector API), in the JDK 25 part of the
 * multi-release JAR: the rule's vector loop over host memory, read and written in place as
 * {@link MemorySegment}s. A subclass is named by {@link UpdateRule#vectorRuleClassName()} and
 * has a constructor taking its rule, whose coefficients it reads at each call.
 *
 * <p>The kernel calls it for whole vectors only: {@code to − from} is a multiple of the species
 * length ({@link #FS} or {@link #DS}); the scalar tails run through the rule's plain loops, in
 * the kernel. Lane-wise operations must be those of the plain loops in the same order (no fused
 * multiply-add), so that the results equal the plain tier's bit for bit.
 *
 * <p>Element {@code i} of θ and of each state buffer is at byte {@code i·w} of its segment
 * ({@code w} = 4 or 8), and its gradient at byte {@code i·w + gShift} of {@code g} (the prepared
 * gradient of a chunk lives in a scratch segment).
 */
public abstract class VectorRule {

    /** The float32 species. */
    protected static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    /** The float64 species. */
    protected static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** The native byte order of host memory. */
    protected static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    /** Unaligned float32 elements. */
    protected static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    /** Unaligned float64 elements. */
    protected static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    /** For subclasses. */
    protected VectorRule() {}

    /**
     * The rule over float32 elements {@code [from, to)}, whole vectors only.
     *
     * @param p the parameters
     * @param g the prepared gradient
     * @param gShift the byte shift of the gradient's elements
     * @param s the state buffers
     * @param from the first element
     * @param to one past the last element
     */
    public abstract void applyFloat(MemorySegment p, MemorySegment g, long gShift,
            MemorySegment[] s, long from, long to);

    /**
     * The rule over float64 elements {@code [from, to)}, whole vectors only.
     *
     * @param p the parameters
     * @param g the prepared gradient
     * @param gShift the byte shift of the gradient's elements
     * @param s the state buffers
     * @param from the first element
     * @param to one past the last element
     */
    public abstract void applyDouble(MemorySegment p, MemorySegment g, long gShift,
            MemorySegment[] s, long from, long to);
}
