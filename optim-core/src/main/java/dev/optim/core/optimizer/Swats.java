package dev.optim.core.optimizer;

import dev.optim.core.Checks;
import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.Schedule;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SWATS, "switching from Adam to SGD" (Keskar and Socher 2017, "Improving Generalization
 * Performance by Switching from Adam to SGD", Algorithm 1): Adam until the SGD rate that its
 * steps imply has settled, then SGD with momentum at that rate.
 *
 * <pre>
 * Adam phase, update k (1 for the first), α_k the rate:
 *     m ← β1·m + (1−β1)·g;   a ← β2·a + (1−β2)·g²
 *     p = −α_k·√(1−β2^k)/(1−β1^k) · m / (√a + ε);   θ ← θ + p
 *     if p·g ≠ 0:
 *         γ_k = (p·p) / (−p·g)                    (the SGD rate whose step projects onto p)
 *         λ ← β2·λ + (1−β2)·γ_k
 *         if k &gt; 1 and |λ/(1−β2^k) − γ_k| &lt; switchTolerance:
 *             switch to SGD with Λ = λ/(1−β2^k), v ← 0
 * SGD phase:
 *     v ← β1·v + g;   θ ← θ − (1−β1)·Λ·v
 * </pre>
 *
 * <p>The switch step and the estimated rate {@code Λ} are in the state:
 * {@link #switchStep(OptimizerState)}, {@link #sgdRate(OptimizerState)}. Unlike the element-wise
 * rules, the criterion needs two sums over all parameters per update, so SWATS steps on host
 * arrays in float64 (float32 parameters are read exactly and rounded when written back); its
 * three moment buffers are float64, whatever the parameters' type. INDArray parameters and
 * gradients in row-major host memory are read into and written from two float64 scratch
 * arrays the state keeps (not saved), so a warm step allocates nothing; others (column-major,
 * strided, off the host) go through row-major copies, with the same results. Defaults: rate {@value #DEFAULT_LEARNING_RATE}, β1
 * {@value #DEFAULT_BETA1}, β2 {@value #DEFAULT_BETA2}, ε {@value #DEFAULT_EPSILON} and the
 * switch tolerance equal to ε, as the paper's Algorithm 1 (which uses one ε for both).
 *
 * <pre>{@code
 * Swats swats = Swats.builder().learningRate(1e-3).switchTolerance(1e-6).build();
 * }</pre>
 */
public final class Swats implements Optimizer {

    /** The default Adam-phase rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** The default β1. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The default β2. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The default ε (the paper's). */
    public static final double DEFAULT_EPSILON = 1e-9;

    private final Schedule learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double switchTolerance;

    private Swats(Builder b) {
        if (b.learningRate == null) {
            throw new IllegalArgumentException("learningRate must not be null");
        }
        this.learningRate = b.learningRate;
        Checks.nonNegative("learningRate", learningRate.valueAt(0));
        this.beta1 = Checks.inRangeOpen("beta1", b.beta1, 0, 1);
        this.beta2 = Checks.inRangeOpen("beta2", b.beta2, 0, 1);
        this.epsilon = Checks.positive("epsilon", b.epsilon);
        this.switchTolerance = b.switchToleranceSet
                ? Checks.positive("switchTolerance", b.switchTolerance) : epsilon;
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The update at which the run switched to SGD.
     *
     * @param state a SWATS state
     * @return the switch step (1 for the first update), or 0 while in the Adam phase
     * @throws IllegalArgumentException if {@code state} is not a SWATS state
     */
    public static long switchStep(OptimizerState state) {
        return moments(state).switchStep;
    }

    /**
     * The SGD rate {@code Λ} estimated at the switch.
     *
     * @param state a SWATS state
     * @return {@code Λ}, or NaN while in the Adam phase
     * @throws IllegalArgumentException if {@code state} is not a SWATS state
     */
    public static double sgdRate(OptimizerState state) {
        Moments m = moments(state);
        return m.switchStep == 0 ? Double.NaN : m.sgdRate;
    }

    private static Moments moments(OptimizerState state) {
        if (state == null || !(state.extension() instanceof Moments m)) {
            throw new IllegalArgumentException("not a SWATS state: " + state);
        }
        return m;
    }

    /**
     * β1.
     *
     * @return β1
     */
    public double beta1() {
        return beta1;
    }

    /**
     * β2.
     *
     * @return β2
     */
    public double beta2() {
        return beta2;
    }

    /**
     * ε of the Adam phase.
     *
     * @return ε
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * The tolerance of the switching criterion.
     *
     * @return the tolerance
     */
    public double switchTolerance() {
        return switchTolerance;
    }

    @Override
    public String kind() {
        return "swats";
    }

    /** The Adam phase's rate {@code α_k}. */
    @Override
    public Schedule learningRate() {
        return learningRate;
    }

    /** {@code m}, {@code a} and {@code v}. */
    @Override
    public int stateBuffersPerParameter() {
        return 3;
    }

    @Override
    public OptimizerState init(INDArray params) {
        Checks.floatingArray("params", params);
        return OptimizerState.withExtension(kind(), params, new Moments((int) params.length()));
    }

    @Override
    public OptimizerState init(double[] params) {
        if (params == null || params.length == 0) {
            throw new IllegalArgumentException("params must not be null or empty");
        }
        return OptimizerState.withExtension(kind(), params.length, new Moments(params.length));
    }

    @Override
    public void step(INDArray params, INDArray gradient, OptimizerState state) {
        Checks.floatingArray("params", params);
        Checks.sameShapeAndType("params", params, "gradient", gradient);
        Moments m = fits(state, params.shape(), params.dataType());
        if (!Nd4j.getEnvironment().isCPU() || !rowMajor(params) || !rowMajor(gradient)) {
            // Off the host or not one row-major run of memory: through row-major copies.
            double[] x = params.dup('c').data().asDouble();
            double[] g = gradient.dup('c').data().asDouble();
            update(x, g, state, m);
            params.assign(Nd4j.createFromArray(x).castTo(params.dataType())
                    .reshape('c', params.shape()));
            return;
        }
        // Host memory in row-major order: through the state's own float64 scratch, read and
        // written element by element, so that a warm step allocates nothing. Both are read
        // before either is written, as the copies above.
        int n = m.m.length;
        if (m.x == null) {
            m.x = new double[n];
            m.g = new double[n];
        }
        double[] x = m.x;
        double[] g = m.g;
        DataBuffer pd = params.data();
        DataBuffer gd = gradient.data();
        // A view's data buffer starts at the view's first element (rowMajor checked it).
        for (int i = 0; i < n; i++) {
            x[i] = pd.getDouble(i);
            g[i] = gd.getDouble(i);
        }
        update(x, g, state, m);
        if (params.dataType() == DataType.FLOAT) {
            for (int i = 0; i < n; i++) {
                pd.put(i, (float) x[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                pd.put(i, x[i]);
            }
        }
    }

    /**
     * Whether the elements of {@code a} are one run of memory in row-major order, starting at
     * element 0 of its data buffer.
     */
    private static boolean rowMajor(INDArray a) {
        if (a.offset() != a.data().offset()) {
            return false;
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int k = shape.length - 1; k >= 0; k--) {
            if (shape[k] != 1) {
                if (stride[k] != expected) {
                    return false;
                }
                expected *= shape[k];
            }
        }
        return true;
    }

    @Override
    public void step(double[] params, double[] gradient, OptimizerState state) {
        if (params == null || params.length == 0) {
            throw new IllegalArgumentException("params must not be null or empty");
        }
        Checks.length("gradient", gradient, params.length);
        Moments m = fits(state, null, DataType.DOUBLE);
        if (m.m.length != params.length || state.dataType() != DataType.DOUBLE
                || m.shape.length != 1) {
            fits(state, new long[] {params.length}, DataType.DOUBLE);
        }
        update(params, gradient, state, m);
    }

    private Moments fits(OptimizerState state, long[] shape, DataType type) {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        if (!state.kind().equals(kind()) || !(state.extension() instanceof Moments m)) {
            throw new IllegalArgumentException("state belongs to a '" + state.kind()
                    + "' optimizer, not to this 'swats' optimizer");
        }
        if (m.shape == null) {
            m.shape = state.shape();
        }
        if (shape == null) {
            return m;
        }
        if (!Arrays.equals(m.shape, shape) || state.dataType() != type) {
            throw new IllegalArgumentException("state has shape " + Arrays.toString(state.shape())
                    + " and type " + state.dataType() + " but params have shape "
                    + Arrays.toString(shape) + " and type " + type);
        }
        return m;
    }

    private void update(double[] x, double[] g, OptimizerState state, Moments s) {
        long k = state.step() + 1;
        int n = x.length;
        if (s.switchStep != 0) {
            double rate = (1 - beta1) * s.sgdRate;
            for (int i = 0; i < n; i++) {
                double vi = s.v[i] * beta1 + g[i];
                s.v[i] = vi;
                x[i] = x[i] - rate * vi;
            }
            state.advance(s);
            return;
        }
        double alpha = learningRate.valueAt(k - 1);
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("learning rate at step " + (k - 1)
                    + " must be finite and >= 0, got " + alpha);
        }
        double c1 = 1 - beta1;
        double c2 = 1 - beta2;
        double stepSize = -(alpha * Math.sqrt(1 - Math.pow(beta2, k)) / (1 - Math.pow(beta1, k)));
        double pp = 0;
        double pg = 0;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double mi = s.m[i] * beta1 + c1 * gi;
            double ai = s.a[i] * beta2 + c2 * gi * gi;
            s.m[i] = mi;
            s.a[i] = ai;
            double p = stepSize * mi / (Math.sqrt(ai) + epsilon);
            x[i] = x[i] + p;
            pp += p * p;
            pg += p * gi;
        }
        if (pg != 0) {
            double gamma = pp / (-pg);
            s.lambda = beta2 * s.lambda + (1 - beta2) * gamma;
            double corrected = s.lambda / (1 - Math.pow(beta2, k));
            if (k > 1 && Math.abs(corrected - gamma) < switchTolerance) {
                s.switchStep = k;
                s.sgdRate = corrected;
                Arrays.fill(s.v, 0);
            }
        }
        state.advance(s);
    }

    @Override
    public OptimizerState restore(InputStream in, INDArray params) throws IOException {
        Checks.floatingArray("params", params);
        OptimizerState state = OptimizerState.read(in, this, params);
        byte[] bytes = state.savedExtension();
        if (bytes == null) {
            throw new IllegalArgumentException("saved state holds no SWATS state");
        }
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            int n = data.readInt();
            if (n != params.length() || (long) n * 3 * 8 + 8 + 8 + 8 != data.available()) {
                throw new IllegalArgumentException("saved SWATS state is malformed: " + n
                        + " values for " + params.length() + " parameters");
            }
            Moments m = new Moments(n);
            for (double[] b : new double[][] {m.m, m.a, m.v}) {
                for (int i = 0; i < n; i++) {
                    b[i] = data.readDouble();
                }
            }
            m.lambda = data.readDouble();
            m.sgdRate = data.readDouble();
            m.switchStep = data.readLong();
            if (m.switchStep < 0 || m.switchStep > state.step()) {
                throw new IllegalArgumentException("saved SWATS state is malformed: switch step "
                        + m.switchStep + " after step " + state.step());
            }
            state.attach(m);
            return state;
        } catch (EOFException e) {
            throw new IllegalArgumentException("saved SWATS state is truncated", e);
        }
    }

    @Override
    public String toString() {
        return "Swats{lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2
                + ", epsilon=" + epsilon + ", switchTolerance=" + switchTolerance + "}";
    }

    /** The moments, the projected-rate average and the switch. */
    private static final class Moments implements OptimizerState.Extension {
        final double[] m;
        final double[] a;
        final double[] v;
        /** The state's shape, read once. */
        long[] shape;
        /** Row-major float64 scratch of the INDArray path, made on first use; not saved. */
        double[] x;
        double[] g;
        double lambda;
        double sgdRate;
        long switchStep;

        Moments(int n) {
            this.m = new double[n];
            this.a = new double[n];
            this.v = new double[n];
        }

        @Override
        public void save(DataOutputStream out) throws IOException {
            out.writeInt(m.length);
            for (double[] b : new double[][] {m, a, v}) {
                for (double x : b) {
                    out.writeDouble(x);
                }
            }
            out.writeDouble(lambda);
            out.writeDouble(sgdRate);
            out.writeLong(switchStep);
        }

        @Override
        public long bytes() {
            return 3L * m.length * 8;
        }
    }

    /** Builds a {@link Swats}; {@link #build()} validates. */
    public static final class Builder {
        private Schedule learningRate = Schedule.constant(DEFAULT_LEARNING_RATE);
        private double beta1 = DEFAULT_BETA1;
        private double beta2 = DEFAULT_BETA2;
        private double epsilon = DEFAULT_EPSILON;
        private double switchTolerance;
        private boolean switchToleranceSet;

        private Builder() {}

        /**
         * A constant Adam-phase rate (default 1e-3).
         *
         * @param lr finite and {@code ≥ 0}
         * @return this builder
         */
        public Builder learningRate(double lr) {
            Checks.nonNegative("learningRate", lr);
            this.learningRate = Schedule.constant(lr);
            return this;
        }

        /**
         * An Adam-phase rate schedule.
         *
         * @param schedule the schedule
         * @return this builder
         */
        public Builder learningRate(Schedule schedule) {
            this.learningRate = schedule;
            return this;
        }

        /**
         * β1 (default 0.9).
         *
         * @param beta1 in {@code [0, 1)}
         * @return this builder
         */
        public Builder beta1(double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /**
         * β2 (default 0.999).
         *
         * @param beta2 in {@code [0, 1)}
         * @return this builder
         */
        public Builder beta2(double beta2) {
            this.beta2 = beta2;
            return this;
        }

        /**
         * ε of the Adam phase (default 1e-9).
         *
         * @param epsilon positive and finite
         * @return this builder
         */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * The tolerance of the switching criterion (default: ε, as the paper).
         *
         * @param tolerance positive and finite
         * @return this builder
         */
        public Builder switchTolerance(double tolerance) {
            this.switchTolerance = tolerance;
            this.switchToleranceSet = true;
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         * @throws IllegalArgumentException naming the first setting out of its range
         */
        public Swats build() {
            return new Swats(this);
        }
    }
}
