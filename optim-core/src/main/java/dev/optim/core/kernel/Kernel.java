package dev.optim.core.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimizer state's update kernel: the tier machinery that runs the state's
 * {@link UpdateRule} as fused passes over the parameters, the gradient and the state buffers.
 * Made by {@link Kernels} for an {@link dev.optim.core.OptimizerState} and driven by
 * {@link dev.optim.core.BaseOptimizer}, once per update:
 *
 * <ol>
 *   <li>{@link #bind(INDArray, INDArray)} or {@link #bind(double[], double[])} the parameters
 *       {@code θ} and the gradient {@code g} of this step;
 *   <li>{@link #gradientNorm()} if clipping by norm, then {@link #prepare} the gradient
 *       preparation (defined in {@link dev.optim.core.BaseOptimizer});
 *   <li>{@link #rule()}{@code .begin(lr, t)}: the rule's coefficients for this update;
 *   <li>optionally {@link #finite()} (or {@link #finite(long, long, Scratch)} per range): would
 *       this update leave everything finite? It writes nothing;
 *   <li>{@link #run()}, or {@link #run(long, long, Scratch)} over disjoint ranges that cover
 *       {@code [0, length())}, from one thread or several (one {@link Scratch} each);
 *   <li>{@link #finish()}.
 * </ol>
 *
 * <p>Each element goes through the preparation and then the rule, evaluated in exactly the
 * order of the rule's plain loops, in the data type of the parameters (float32 uses the
 * coefficients cast to {@code float}). Additions, multiplications, divisions and square roots
 * are IEEE-754 correctly rounded in every tier and no tier fuses a multiply and an add, so all
 * tiers agree bit for bit, in float64 and in float32, and a step split into ranges equals one
 * pass. Exception, on the ND4J-ops tier only: the Euclidean norm for clipping by global norm is
 * summed in ND4J's order (the other tiers sum sequentially, in float64), so the clipping scale
 * may differ in its last bits.
 *
 * <p>A kernel is not thread-safe, like the state that owns it; only
 * {@link #run(long, long, Scratch)} and {@link #finite(long, long, Scratch)} may run on
 * disjoint ranges from several threads at once, between the single-threaded calls above.
 */
public abstract class Kernel {

    /** Elements per chunk where a tier works through scratch buffers. */
    public static final int CHUNK = 512;

    /** Whether clipping by value is on. */
    boolean clips;
    /** Whether the gradient is scaled (clipping by global norm). */
    boolean scales;
    /** Whether coupled weight decay is on. */
    boolean couples;
    /** Whether decoupled weight decay is on. */
    boolean decays;
    /** Whether any preparation is on. */
    boolean prepares;
    /** The clipping threshold {@code c}, +∞ when off. */
    double clip = Double.POSITIVE_INFINITY;
    /** The gradient scale {@code s}, 1 when off. */
    double scale = 1;
    /** The coupled decay {@code λ}, 0 when off. */
    double coupled;
    /** The decoupled decay factor {@code 1 − η·λ}, 1 when off. */
    double decay = 1;

    /** The rule this kernel runs. */
    final UpdateRule rule;
    /** The number of state buffers. */
    final int buffers;
    /** The scratch of {@link #run()} and {@link #finite()}, made on first use. */
    private Scratch own;

    private final long length;

    Kernel(UpdateRule rule, int buffers, long length) {
        if (rule == null) {
            throw new IllegalArgumentException("rule must not be null");
        }
        this.rule = rule;
        this.buffers = buffers;
        this.length = length;
    }

    /**
     * The number of parameters this kernel updates.
     *
     * @return the length of the parameters and of each state buffer
     */
    public final long length() {
        return length;
    }

    /**
     * The update rule this kernel runs; its coefficients are set by
     * {@link UpdateRule#begin(double, long)} before each run.
     *
     * @return the rule
     */
    public final UpdateRule rule() {
        return rule;
    }

    /**
     * The tier this kernel runs on: {@code "plain"} (Java loops over host memory or Java
     * arrays), {@code "simd"} (JDK Vector API over host memory) or {@code "nd4j"} (ND4J ops,
     * wherever the data lives).
     *
     * @return the tier's name
     */
    public abstract String tier();

    /**
     * Whether {@link #bind(INDArray, INDArray)} would reuse the views of the previous step:
     * the same array objects with unchanged data buffers and shape information. The caller
     * validates the layout of arrays that are not bound yet.
     *
     * @param params the parameters
     * @param gradient the gradient
     * @return true if both are bound already
     */
    public boolean bound(INDArray params, INDArray gradient) {
        return false;
    }

    /**
     * Binds this step's parameters and gradient, validated by the caller: same shape, data type
     * and memory layout as the state's buffers, dense.
     *
     * @param params the parameters {@code θ}, updated in place by the rule
     * @param gradient the gradient {@code g}, read only
     * @throws IllegalStateException if this kernel updates {@code double[]} parameters
     * @throws IllegalArgumentException if an array was closed
     */
    public void bind(INDArray params, INDArray gradient) {
        throw new IllegalStateException("this kernel updates double[] parameters, not INDArrays");
    }

    /**
     * Binds this step's parameters and gradient, of the state's length (checked by the caller).
     *
     * @param params the parameters {@code θ}, updated in place by the rule
     * @param gradient the gradient {@code g}, read only
     * @throws IllegalStateException if this kernel updates INDArray parameters
     */
    public void bind(double[] params, double[] gradient) {
        throw new IllegalStateException("this kernel updates INDArray parameters, not double[]");
    }

    /**
     * The Euclidean norm of the bound gradient, {@code √(Σ g²)}, summed in float64 in element
     * order (in ND4J's order on the ND4J-ops tier).
     *
     * @return the norm; NaN or infinite if the gradient holds such values
     */
    public abstract double gradientNorm();

    /**
     * Sets the gradient preparation of this step, applied per element before the rule, in the
     * order that {@link dev.optim.core.BaseOptimizer} defines: {@code θ ← θ·decay}, then
     * {@code g ← clamp(g, −clip, clip)·scale + coupled·θ}. Each part is skipped when it has its
     * neutral value.
     *
     * @param clip the clipping threshold, {@code +∞} for none
     * @param scale the gradient scale, 1 for none
     * @param coupled the coupled weight decay {@code λ}, 0 for none
     * @param decay the decoupled decay factor {@code 1 − η·λ}, 1 for none
     */
    public void prepare(double clip, double scale, double coupled, double decay) {
        this.clip = clip;
        this.scale = scale;
        this.coupled = coupled;
        this.decay = decay;
        this.clips = clip < Double.POSITIVE_INFINITY;
        this.scales = scale != 1.0;
        this.couples = coupled != 0.0;
        this.decays = decay != 1.0;
        this.prepares = clips || scales || couples || decays;
    }

    /** Copies this kernel's preparation to {@code other}. */
    final void preparationTo(Kernel other) {
        other.prepare(clip, scale, coupled, decay);
    }

    /**
     * Runs the preparation and the rule over all elements, with this kernel's own scratch.
     */
    public final void run() {
        run(0, length, ownScratch());
    }

    /**
     * Runs the preparation and the rule over elements {@code [from, to)}. Calls on disjoint
     * ranges may run concurrently, each with its own scratch; together they give the bits of
     * {@link #run()}.
     *
     * @param from the first element
     * @param to one past the last element
     * @param scratch the calling thread's scratch
     * @throws IllegalArgumentException if the range is not within {@code [0, length()]}, or this
     *     tier steps whole arrays only ({@code nd4j}) and the range is not all of them
     */
    public abstract void run(long from, long to, Scratch scratch);

    /**
     * Whether this update, run now, would leave the prepared gradient, the parameters and the
     * state all finite. Computes the update of each chunk in scratch memory and writes nothing.
     *
     * @return true if every value would be finite
     */
    public final boolean finite() {
        return finite(0, length, ownScratch());
    }

    /**
     * As {@link #finite()}, over elements {@code [from, to)}; calls on disjoint ranges may run
     * concurrently, each with its own scratch.
     *
     * @param from the first element
     * @param to one past the last element
     * @param scratch the calling thread's scratch
     * @return true if every value of the range would be finite
     * @throws IllegalArgumentException if the range is not within {@code [0, length()]}
     */
    public abstract boolean finite(long from, long to, Scratch scratch);

    /**
     * Ends the step: marks host memory written where the backend keeps another copy.
     */
    public void finish() {}

    private Scratch ownScratch() {
        Scratch s = own;
        if (s == null) {
            s = new Scratch();
            own = s;
        }
        return s;
    }

    /** Checks that {@code [from, to)} lies within {@code [0, length)}. */
    final void checkRange(long from, long to) {
        if (from < 0 || to < from || to > length) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") must lie within [0, "
                    + length + "]");
        }
    }
}
