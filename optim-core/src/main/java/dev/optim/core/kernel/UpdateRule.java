package dev.optim.core.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimizer's element-wise update rule: the part of an optimizer that differs from the
 * others. An optimizer makes one rule per state ({@code BaseOptimizer.newRule()}); the state's
 * {@link Kernel} owns it and runs it over the parameters {@code θ}, the prepared gradient
 * {@code g} and the state buffers {@code s[0], s[1], …}, chunk by chunk, on its tier. Everything
 * the tiers share (binding host memory, chunking, clipping and weight decay, the vector tails,
 * the loading of the SIMD companion with its fallback) lives in the kernel, once.
 *
 * <p>Per update, the kernel's driver calls {@link #begin(double, long)} once, on the stepping
 * thread, to compute the coefficients of update {@code t}; then one or more of the
 * {@code apply} methods over disjoint ranges {@code [from, to)} of the elements, possibly from
 * several threads (the driver hands the rule over with a happens-before edge, as an executor
 * does). The {@code apply} methods must therefore read only the coefficients and write only
 * elements {@code [from, to)}: each element's new {@code θ} and state depend on that element's
 * old {@code θ}, {@code g} and state only, so a step split into ranges gives the same bits as
 * one pass.
 *
 * <p>Tiers and what a rule supplies for them:
 *
 * <ul>
 *   <li>required: {@link #apply(double[], double[], double[][], int, int)} and
 *       {@link #apply(float[], float[], float[][], int, int)}, plain loops (keep them fused and
 *       branch-free so that C2 vectorises them). These define the rule: every other tier must
 *       equal them bit for bit;
 *   <li>optional, the {@code simd} tier: a class named {@link #vectorRuleClassName()} (by
 *       default this class's name with {@code Simd} appended) in the JDK 25 part of the
 *       multi-release JAR ({@code src/main/java25}), extending {@code VectorRule}, with a
 *       constructor taking this rule. Without it, the {@code simd} tier runs the plain loops;
 *   <li>optional, the {@code nd4j} tier: {@link #hasNd4jOps()} true and
 *       {@link #apply(Nd4jOps, INDArray, INDArray, INDArray[])}. Without it, the {@code nd4j}
 *       tier runs the plain loops over host copies.
 * </ul>
 *
 * <p>Float32 loops use the coefficients cast to {@code float}; no tier fuses a multiply and an
 * add. See {@code docs/adding-an-optimizer.md} for a worked example.
 */
public abstract class UpdateRule {

    /** For subclasses. */
    protected UpdateRule() {}

    /**
     * Computes the coefficients of one update, in float64, before any {@code apply}.
     *
     * @param lr the learning rate {@code η} of this update
     * @param t the update's number, 1 for the first
     */
    public abstract void begin(double lr, long t);

    /**
     * The rule over elements {@code [from, to)} of float64 arrays.
     *
     * @param p the parameters {@code θ}, updated in place
     * @param g the prepared gradient, read only
     * @param s the state buffers, updated in place
     * @param from the first element
     * @param to one past the last element
     */
    public abstract void apply(double[] p, double[] g, double[][] s, int from, int to);

    /**
     * The rule over elements {@code [from, to)} of float32 arrays, with the coefficients cast
     * to {@code float}.
     *
     * @param p the parameters {@code θ}, updated in place
     * @param g the prepared gradient, read only
     * @param s the state buffers, updated in place
     * @param from the first element
     * @param to one past the last element
     */
    public abstract void apply(float[] p, float[] g, float[][] s, int from, int to);

    /**
     * Whether this rule has an ND4J-ops form, {@link #apply(Nd4jOps, INDArray, INDArray,
     * INDArray[])}.
     *
     * @return false unless overridden
     */
    public boolean hasNd4jOps() {
        return false;
    }

    /**
     * The rule as ND4J element-wise ops over whole arrays, one IEEE operation per op in the
     * order of the plain loops, so that it equals them bit for bit. Coefficients go through
     * {@link Nd4jOps#scalar(int, double)}, temporaries through {@link Nd4jOps#scratch(int)}:
     * no INDArray is allocated per step.
     *
     * @param ops the scalars and scratch arrays of the kernel
     * @param p the parameters, updated in place
     * @param g the prepared gradient, read only
     * @param s the state buffers, updated in place
     * @throws UnsupportedOperationException unless {@link #hasNd4jOps()}
     */
    public void apply(Nd4jOps ops, INDArray p, INDArray g, INDArray[] s) {
        throw new UnsupportedOperationException(getClass().getName() + " has no ND4J-ops form");
    }

    /**
     * The binary name of this rule's SIMD companion (JDK 25 Vector API), looked up once per
     * rule class when the {@code simd} tier is in use.
     *
     * @return the class name; by default this class's name followed by {@code Simd}
     */
    public String vectorRuleClassName() {
        return getClass().getName() + "Simd";
    }
}
