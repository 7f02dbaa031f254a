package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.MetricDriven;
import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.Schedule;
import dev.optim.core.schedule.PlateauController;
import dev.optim.core.schedule.ReduceOnPlateau;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An optimizer whose rate is reduced on plateaus of a monitored value: a {@link BaseOptimizer}
 * stepped at the rate of a {@link PlateauController} (PyTorch's {@code ReduceLROnPlateau} around
 * its optimizer). The controller starts at the inner optimizer's rate at step 0 and is fed
 * through {@link #observe(OptimizerState, double)}; the descent loop does that with the loss
 * after every update. The state holds the inner optimizer's state and the controller's, saved
 * and restored together.
 *
 * <pre>{@code
 * Optimizer opt = OnPlateau.wrap(Adam.builder().learningRate(0.01).build(),
 *         ReduceOnPlateau.builder().factor(0.5).patience(20).build());
 * }</pre>
 */
public final class OnPlateau implements Optimizer, MetricDriven {

    private final BaseOptimizer inner;
    private final ReduceOnPlateau plateau;
    private final String kind;

    private OnPlateau(BaseOptimizer inner, ReduceOnPlateau plateau) {
        this.inner = inner;
        this.plateau = plateau;
        this.kind = "on-plateau(" + inner.kind() + ")";
    }

    /**
     * {@code inner} with its rate reduced on plateaus.
     *
     * @param inner the optimizer (one built on {@link BaseOptimizer}, which honours a state's
     *     rate override)
     * @param plateau the reduction rule
     * @return the optimizer
     * @throws IllegalArgumentException if an argument is null
     */
    public static OnPlateau wrap(BaseOptimizer inner, ReduceOnPlateau plateau) {
        if (inner == null) {
            throw new IllegalArgumentException("inner must not be null");
        }
        if (plateau == null) {
            throw new IllegalArgumentException("plateau must not be null");
        }
        return new OnPlateau(inner, plateau);
    }

    /**
     * The inner optimizer.
     *
     * @return the inner optimizer
     */
    public BaseOptimizer inner() {
        return inner;
    }

    /**
     * The reduction rule.
     *
     * @return the rule
     */
    public ReduceOnPlateau plateau() {
        return plateau;
    }

    /**
     * The controller of a state, for inspection (its best value, counters, reductions).
     *
     * @param state a state of this optimizer
     * @return the controller
     */
    public PlateauController controller(OptimizerState state) {
        return part(state).controller;
    }

    @Override
    public double observe(OptimizerState state, double metric) {
        return part(state).controller.observe(metric);
    }

    @Override
    public double currentLearningRate(OptimizerState state) {
        return part(state).controller.learningRate();
    }

    /** {@code "on-plateau(<inner kind>)"}. */
    @Override
    public String kind() {
        return kind;
    }

    /** The inner optimizer's schedule, of which the controller uses the value at step 0. */
    @Override
    public Schedule learningRate() {
        return inner.learningRate();
    }

    @Override
    public int stateBuffersPerParameter() {
        return inner.stateBuffersPerParameter();
    }

    @Override
    public OptimizerState init(INDArray params) {
        Part p = new Part(inner.init(params), plateau.controller(inner.learningRate().valueAt(0)));
        return OptimizerState.withExtension(kind, params, p);
    }

    @Override
    public OptimizerState init(double[] params) {
        Part p = new Part(inner.init(params), plateau.controller(inner.learningRate().valueAt(0)));
        return OptimizerState.withExtension(kind, params.length, p);
    }

    @Override
    public void step(INDArray params, INDArray gradient, OptimizerState state) {
        Part p = part(state);
        p.inner.overrideLearningRate(p.controller.learningRate());
        inner.step(params, gradient, p.inner);
        state.advance(p);
    }

    @Override
    public void step(double[] params, double[] gradient, OptimizerState state) {
        Part p = part(state);
        p.inner.overrideLearningRate(p.controller.learningRate());
        inner.step(params, gradient, p.inner);
        state.advance(p);
    }

    @Override
    public OptimizerState restore(InputStream in, INDArray params) throws IOException {
        OptimizerState state = OptimizerState.read(in, this, params);
        byte[] bytes = state.savedExtension();
        if (bytes == null) {
            throw new IllegalArgumentException("saved state holds no plateau state");
        }
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            int size = data.readInt();
            if (size < 0 || size > data.available()) {
                throw new IllegalArgumentException("saved plateau state is malformed");
            }
            OptimizerState innerState = inner.restore(
                    new ByteArrayInputStream(data.readNBytes(size)), params);
            PlateauController c = plateau.controller(inner.learningRate().valueAt(0));
            c.load(data);
            if (data.available() != 0 || innerState.step() != state.step()) {
                throw new IllegalArgumentException("saved plateau state is malformed");
            }
            state.attach(new Part(innerState, c));
            return state;
        } catch (EOFException e) {
            throw new IllegalArgumentException("saved plateau state is truncated", e);
        }
    }

    private Part part(OptimizerState state) {
        if (state == null || !state.kind().equals(kind) || !(state.extension() instanceof Part p)) {
            throw new IllegalArgumentException("state belongs to a '"
                    + (state == null ? "null" : state.kind()) + "' optimizer, not to this '"
                    + kind + "' optimizer");
        }
        return p;
    }

    @Override
    public String toString() {
        return "OnPlateau{" + plateau + ", inner=" + inner + "}";
    }

    /** The inner state and the controller. */
    private static final class Part implements OptimizerState.Extension {
        final OptimizerState inner;
        final PlateauController controller;

        Part(OptimizerState inner, PlateauController controller) {
            this.inner = inner;
            this.controller = controller;
        }

        @Override
        public void save(DataOutputStream out) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            inner.save(bytes);
            out.writeInt(bytes.size());
            bytes.writeTo(out);
            controller.save(out);
        }

        @Override
        public long bytes() {
            return inner.bytes();
        }
    }
}
