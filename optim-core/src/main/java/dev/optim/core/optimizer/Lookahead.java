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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lookahead (Zhang, Lucas, Hinton and Ba 2019, "Lookahead Optimizer: k steps forward, 1 step
 * back", Algorithm 1) around any {@link Optimizer}: the inner optimizer moves the fast weights
 * {@code θ}; every {@code k} updates the slow weights {@code φ} move a fraction {@code α} of the
 * way towards them and the fast weights restart from there.
 *
 * <pre>
 * φ ← θ₀
 * update t = 1, 2, …:
 *     θ ← inner.step(θ, g)                         (the inner state is kept across syncs)
 *     if t mod k = 0:  φ ← φ + α·(θ − φ);  θ ← φ
 * </pre>
 *
 * <p>So after a multiple of {@code k} updates the parameters are the slow weights. {@code k = 1,
 * α = 1} is the inner optimizer alone; {@code α = 0} never moves. The state holds the inner
 * optimizer's state and {@code φ} (one more buffer per parameter), saved and restored together.
 * Defaults (the paper's and torch-optimizer's): {@code k} {@value #DEFAULT_K}, {@code α}
 * {@value #DEFAULT_ALPHA}.
 *
 * <pre>{@code
 * Optimizer la = Lookahead.builder(Adam.builder().learningRate(1e-3).build()).k(5).alpha(0.5).build();
 * }</pre>
 */
public final class Lookahead implements Optimizer {

    /** The default synchronisation period. */
    public static final int DEFAULT_K = 5;
    /** The default slow step size. */
    public static final double DEFAULT_ALPHA = 0.5;

    private final Optimizer inner;
    private final int k;
    private final double alpha;
    private final String kind;

    private Lookahead(Builder b) {
        this.inner = b.inner;
        if (b.k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + b.k);
        }
        this.k = b.k;
        this.alpha = Checks.inRange("alpha", b.alpha, 0, 1);
        this.kind = "lookahead(" + inner.kind() + ")";
    }

    /**
     * A builder around {@code inner}.
     *
     * @param inner the inner (fast) optimizer
     * @return a new builder with the defaults
     * @throws IllegalArgumentException if {@code inner} is null
     */
    public static Builder builder(Optimizer inner) {
        if (inner == null) {
            throw new IllegalArgumentException("inner must not be null");
        }
        return new Builder(inner);
    }

    /**
     * The inner optimizer.
     *
     * @return the inner optimizer
     */
    public Optimizer inner() {
        return inner;
    }

    /**
     * The synchronisation period.
     *
     * @return {@code k}
     */
    public int k() {
        return k;
    }

    /**
     * The slow step size.
     *
     * @return {@code α}
     */
    public double alpha() {
        return alpha;
    }

    /** {@code "lookahead(<inner kind>)"}. */
    @Override
    public String kind() {
        return kind;
    }

    /** The inner optimizer's schedule. */
    @Override
    public Schedule learningRate() {
        return inner.learningRate();
    }

    /** The inner optimizer's buffers and the slow weights. */
    @Override
    public int stateBuffersPerParameter() {
        return inner.stateBuffersPerParameter() + 1;
    }

    @Override
    public OptimizerState init(INDArray params) {
        OptimizerState innerState = inner.init(params);
        Slow slow = new Slow(innerState, params.dup(), null);
        return OptimizerState.withExtension(kind, params, slow);
    }

    @Override
    public OptimizerState init(double[] params) {
        OptimizerState innerState = inner.init(params);
        Slow slow = new Slow(innerState, null, params.clone());
        return OptimizerState.withExtension(kind, params.length, slow);
    }

    @Override
    public void step(INDArray params, INDArray gradient, OptimizerState state) {
        Slow slow = slow(state, params.shape(), params.dataType(), true);
        inner.step(params, gradient, slow.inner);
        state.advance(slow);
        if (state.step() % k == 0) {
            INDArray phi = slow.array;
            // θ ← φ + α·(θ − φ) in three in-place ops, each rounding as the formula does.
            params.subi(phi).muli(alpha).addi(phi);
            phi.assign(params);
        }
    }

    @Override
    public void step(double[] params, double[] gradient, OptimizerState state) {
        if (params == null) {
            throw new IllegalArgumentException("params must not be null");
        }
        Slow slow = slow(state, new long[] {params.length}, DataType.DOUBLE, false);
        inner.step(params, gradient, slow.inner);
        state.advance(slow);
        if (state.step() % k == 0) {
            double[] phi = slow.plain;
            for (int i = 0; i < params.length; i++) {
                phi[i] = phi[i] + alpha * (params[i] - phi[i]);
                params[i] = phi[i];
            }
        }
    }

    /**
     * Reads a state saved by {@link OptimizerState#save}: the inner optimizer's state (restored
     * by the inner optimizer, with its own checks) and the slow weights.
     */
    @Override
    public OptimizerState restore(InputStream in, INDArray params) throws IOException {
        OptimizerState state = OptimizerState.read(in, this, params);
        byte[] bytes = state.savedExtension();
        if (bytes == null) {
            throw new IllegalArgumentException("saved state holds no Lookahead state");
        }
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            int innerSize = data.readInt();
            if (innerSize < 0 || innerSize > data.available()) {
                throw new IllegalArgumentException("saved Lookahead state is malformed: inner "
                        + "state of " + innerSize + " bytes");
            }
            OptimizerState innerState = inner.restore(
                    new ByteArrayInputStream(data.readNBytes(innerSize)), params);
            long n = data.readLong();
            if (n != params.length() || n * 8 != data.available()) {
                throw new IllegalArgumentException("saved Lookahead state is malformed: " + n
                        + " slow weights for " + params.length() + " parameters");
            }
            double[] phi = new double[(int) n];
            for (int i = 0; i < phi.length; i++) {
                phi[i] = data.readDouble();
            }
            if (innerState.step() != state.step()) {
                throw new IllegalArgumentException("saved Lookahead state is malformed: inner "
                        + "step " + innerState.step() + " but step " + state.step());
            }
            INDArray slowArray = Nd4j.createFromArray(phi).castTo(params.dataType())
                    .reshape('c', params.shape()).dup(params.ordering());
            state.attach(new Slow(innerState, slowArray, null));
            return state;
        } catch (EOFException e) {
            throw new IllegalArgumentException("saved Lookahead state is truncated", e);
        }
    }

    private Slow slow(OptimizerState state, long[] shape, DataType type, boolean arrays) {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        if (!state.kind().equals(kind) || !(state.extension() instanceof Slow slow)) {
            throw new IllegalArgumentException("state belongs to a '" + state.kind()
                    + "' optimizer, not to this '" + kind + "' optimizer");
        }
        if ((slow.array != null) != arrays) {
            throw new IllegalArgumentException("state was made by init("
                    + (slow.array != null ? "INDArray" : "double[]") + ") and cannot update "
                    + (arrays ? "INDArray" : "double[]") + " parameters");
        }
        if (!Arrays.equals(state.shape(), shape) || state.dataType() != type) {
            throw new IllegalArgumentException("state has shape " + Arrays.toString(state.shape())
                    + " and type " + state.dataType() + " but params have shape "
                    + Arrays.toString(shape) + " and type " + type);
        }
        return slow;
    }

    /**
     * The slow weights {@code φ}, as a copy in row-major order (for inspection and tests).
     *
     * @param state a state of this optimizer
     * @return {@code φ}
     * @throws IllegalArgumentException if {@code state} is not a Lookahead state
     */
    public static double[] slowWeights(OptimizerState state) {
        if (state == null || !(state.extension() instanceof Slow slow)) {
            throw new IllegalArgumentException("not a Lookahead state: " + state);
        }
        return slow.array != null ? slow.array.dup('c').data().asDouble() : slow.plain.clone();
    }

    /**
     * The inner optimizer's state.
     *
     * @param state a state of this optimizer
     * @return the inner state
     * @throws IllegalArgumentException if {@code state} is not a Lookahead state
     */
    public static OptimizerState innerState(OptimizerState state) {
        if (state == null || !(state.extension() instanceof Slow slow)) {
            throw new IllegalArgumentException("not a Lookahead state: " + state);
        }
        return slow.inner;
    }

    @Override
    public String toString() {
        return "Lookahead{k=" + k + ", alpha=" + alpha + ", inner=" + inner + "}";
    }

    /** The inner state and the slow weights. */
    private static final class Slow implements OptimizerState.Extension {
        final OptimizerState inner;
        final INDArray array;
        final double[] plain;

        Slow(OptimizerState inner, INDArray array, double[] plain) {
            this.inner = inner;
            this.array = array;
            this.plain = plain;
        }

        @Override
        public void save(DataOutputStream out) throws IOException {
            java.io.ByteArrayOutputStream innerBytes = new java.io.ByteArrayOutputStream();
            inner.save(innerBytes);
            out.writeInt(innerBytes.size());
            innerBytes.writeTo(out);
            double[] phi = array != null ? array.dup('c').data().asDouble() : plain;
            out.writeLong(phi.length);
            for (double v : phi) {
                out.writeDouble(v);
            }
        }

        @Override
        public long bytes() {
            long own = array != null ? array.length() * array.dataType().width() : plain.length * 8L;
            return inner.bytes() + own;
        }
    }

    /** Builds a {@link Lookahead}; {@link #build()} validates. */
    public static final class Builder {
        private final Optimizer inner;
        private int k = DEFAULT_K;
        private double alpha = DEFAULT_ALPHA;

        private Builder(Optimizer inner) {
            this.inner = inner;
        }

        /**
         * The synchronisation period (default 5).
         *
         * @param k at least 1
         * @return this builder
         */
        public Builder k(int k) {
            this.k = k;
            return this;
        }

        /**
         * The slow step size (default 0.5).
         *
         * @param alpha in {@code [0, 1]}
         * @return this builder
         */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         * @throws IllegalArgumentException naming the first setting out of its range
         */
        public Lookahead build() {
            return new Lookahead(this);
        }
    }
}
