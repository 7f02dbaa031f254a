package dev.optim.nn;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The per-block worker of an {@link OptimUpdater}: its state buffers are views of the
 * framework's state array, its step counter follows the framework's iteration. See {@link
 * OptimUpdater} for the contract.
 */
final class OptimGradientUpdater implements GradientUpdater<OptimUpdater> {

    private final OptimUpdater config;
    private final Optimizer optimizer;
    private INDArray[] buffers;
    private INDArray stateView;
    private OptimizerState state;
    private INDArray scratch;

    OptimGradientUpdater(OptimUpdater config) {
        this.config = config;
        this.optimizer = config.optimizer();
        this.buffers = new INDArray[0];
    }

    @Override
    public OptimUpdater getConfig() {
        return config;
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder,
            boolean initialize) {
        int k = optimizer.stateBuffersPerParameter();
        if (k == 0) {
            return;
        }
        if (viewArray == null || !viewArray.isRowVectorOrScalar()) {
            throw new IllegalArgumentException("the updater state view must be a row vector, got "
                    + (viewArray == null ? "null" : Arrays.toString(viewArray.shape())));
        }
        if (initialize) {
            viewArray.assign(0);
        }
        long n = viewArray.length() / k;
        INDArray[] b = new INDArray[k];
        for (int i = 0; i < k; i++) {
            INDArray slice = viewArray.reshape(viewArray.length())
                    .get(NDArrayIndex.interval(i * n, (i + 1) * n));
            b[i] = Shape.newShapeNoCopy(slice, gradientShape, gradientOrder == 'f');
            if (b[i] == null) {
                throw new IllegalStateException("cannot view the updater state as "
                        + Arrays.toString(gradientShape) + " without a copy");
            }
        }
        this.stateView = viewArray;
        this.buffers = b;
        this.state = null;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        int k = optimizer.stateBuffersPerParameter();
        INDArray[] b = new INDArray[k];
        for (int i = 0; i < k; i++) {
            b[i] = stateMap == null ? null : stateMap.get(key(i));
            if (b[i] == null) {
                throw new IllegalArgumentException("the updater state has no '" + key(i)
                        + "' array for a '" + optimizer.kind() + "' optimizer");
            }
            if (initialize) {
                b[i].assign(0);
            }
        }
        this.buffers = b;
        this.state = null;
    }

    @Override
    public Map<String, INDArray> getState() {
        Map<String, INDArray> out = new HashMap<>();
        for (int i = 0; i < buffers.length; i++) {
            out.put(key(i), buffers[i]);
        }
        return out;
    }

    private String key(int i) {
        return optimizer.kind() + "-" + i;
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        // DL4J calls this inside its activation workspaces: what the updater keeps across
        // iterations (the scratch array, the kernel's bindings) must live outside them.
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            update(gradient, iteration);
        }
    }

    private void update(INDArray gradient, int iteration) {
        if (state == null || state.step() != iteration) {
            // First use, or the framework's iteration moved (a restored model): the buffers
            // already hold the state; only the step counter is set.
            state = OptimizerState.over(optimizer, gradient.shape(), gradient.dataType(), buffers,
                    iteration);
        }
        if (scratch == null || !Arrays.equals(scratch.shape(), gradient.shape())
                || scratch.ordering() != gradient.ordering()
                || scratch.dataType() != gradient.dataType()) {
            scratch = Nd4j.createUninitialized(gradient.dataType(), gradient.shape(),
                    gradient.ordering());
            scratch.assign(0);
        }
        optimizer.step(scratch, gradient, state);
        // scratch = Δ; the framework subtracts what it finds in the gradient: write −Δ.
        Nd4j.getExecutioner().exec(new Negative(scratch, gradient));
        scratch.assign(0);
    }

    /** The framework's state array (for tests). */
    INDArray stateView() {
        return stateView;
    }
}
