package dev.optim.core.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimizer state's update kernel: a fused pass over the parameters, the gradient and the
 * state buffers that applies one update rule. Internal to Optim; made by {@link Kernels} for an
 * {@link dev.optim.core.OptimizerState} and driven by {@link dev.optim.core.BaseOptimizer}:
 *
 * <ol>
 *   <li>{@link #bind(INDArray, INDArray)} or {@link #bind(double[], double[])} the parameters
 *       {@code θ} and the gradient {@code g} of this step;
 *   <li>{@link #gradientNorm()} if clipping by norm, then {@link #prepare} the gradient
 *       preparation (defined in {@link dev.optim.core.BaseOptimizer});
 *   <li>one rule method, called by the optimizer with its coefficients: {@link #sgd},
 *       {@link #momentumEma}, {@link #heavyBall}, {@link #nesterov}, {@link #rmsProp},
 *       {@link #adam};
 *   <li>{@link #finish()}.
 * </ol>
 *
 * <p>Each rule is defined per element, after preparation, by the formula in its Javadoc and is
 * evaluated in exactly that order, left to right, in the data type of the parameters (float32
 * rules use the coefficients cast to {@code float}). Additions, multiplications, divisions and
 * square roots are IEEE-754 correctly rounded in every tier and no tier fuses a multiply and an
 * add, so all tiers agree bit for bit, in float64 and in float32. Exceptions, all on the ND4J-ops
 * tier only: the Euclidean norm for clipping by global norm is summed in ND4J's order (the other
 * tiers sum sequentially, in float64), so the clipping scale may differ in its last bits.
 *
 * <p>A kernel is not thread-safe, like the state that owns it.
 */
public abstract class Kernel {

    /** Elements per chunk where a tier works through scratch buffers. */
    static final int CHUNK = 512;

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

    private final long length;

    Kernel(long length) {
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

    /**
     * Ends the step: marks host memory written where the backend keeps another copy.
     */
    public void finish() {}

    /**
     * Plain gradient descent: {@code θ ← θ + α·g}.
     *
     * @param alpha {@code α = −η}
     */
    public abstract void sgd(double alpha);

    /**
     * Momentum as an exponential moving average: {@code v ← v·μ + (1−μ)·g;  θ ← θ + α·v}.
     *
     * @param mu {@code μ}
     * @param oneMinus {@code 1 − μ}, as the caller computed it
     * @param alpha {@code α = −η}
     */
    public abstract void momentumEma(double mu, double oneMinus, double alpha);

    /**
     * Heavy-ball momentum: {@code v ← v·μ + g;  θ ← θ + α·v}.
     *
     * @param mu {@code μ}
     * @param alpha {@code α = −η}
     */
    public abstract void heavyBall(double mu, double alpha);

    /**
     * Nesterov momentum as PyTorch writes it: {@code v ← v·μ + g;  θ ← θ + α·(g + μ·v)}.
     *
     * @param mu {@code μ}
     * @param alpha {@code α = −η}
     */
    public abstract void nesterov(double mu, double alpha);

    /**
     * RMSprop: {@code s ← s·ρ + (1−ρ)·g·g;  θ ← θ + α·g / (√s + ε)}, where {@code α·g} and
     * {@code (1−ρ)·g} are formed first.
     *
     * @param rho {@code ρ}
     * @param oneMinus {@code 1 − ρ}, as the caller computed it
     * @param alpha {@code α = −η}
     * @param eps {@code ε}
     */
    public abstract void rmsProp(double rho, double oneMinus, double alpha, double eps);

    /**
     * Adam: {@code m ← m·β1 + c1·g;  v ← v·β2 + c2·g·g;  θ ← θ + a·m / (√v / b + ε)}, where
     * {@code a·m} and {@code c2·g} are formed first.
     *
     * @param b1 {@code β1}
     * @param b2 {@code β2}
     * @param c1 {@code 1 − β1}, as the caller computed it
     * @param c2 {@code 1 − β2}, as the caller computed it
     * @param negStep {@code a = −η / (1 − β1^t)}
     * @param bc2Sqrt {@code b = √(1 − β2^t)}
     * @param eps {@code ε}
     */
    public abstract void adam(double b1, double b2, double c1, double c2, double negStep,
            double bc2Sqrt, double eps);
}
