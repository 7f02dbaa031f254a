package dev.optim.core.params;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.OptimizerState;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The mutable part of a run over a {@link ParameterSet}: every tensor's optimizer state and the
 * one step counter of the set (which every group's schedule reads). Made by
 * {@link ParameterSetOptimizer#init} or {@link ParameterSetOptimizer#restore}; not thread-safe.
 *
 * <p>{@link #save} writes a self-checking binary form keyed by tensor name and shape, not by
 * position (see {@link ParameterSetOptimizer#restore} for what is refused): magic, format
 * version, optimizer kind, data type, step, the group names, then per tensor its name, group,
 * shape and state buffers (row-major), and a CRC-32 of all that precedes it.
 */
public final class ParameterSetState {

    private final ParameterSet set;
    private final String kind;
    private final OptimizerState[] states;
    private long step;
    /** The set optimizer whose group optimizers are cached, and those optimizers by group. */
    private ParameterSetOptimizer owner;
    private BaseOptimizer[] groupOptimizers;

    ParameterSetState(ParameterSet set, String kind, OptimizerState[] states, long step) {
        this.set = set;
        this.kind = kind;
        this.states = states;
        this.step = step;
    }

    /**
     * The number of updates done with this state (0 right after
     * {@link ParameterSetOptimizer#init}).
     *
     * @return the step counter
     */
    public long step() {
        return step;
    }

    /**
     * The kind of optimizer this state belongs to ({@link dev.optim.core.Optimizer#kind()}).
     *
     * @return the kind
     */
    public String kind() {
        return kind;
    }

    /**
     * The set this state was made for.
     *
     * @return the parameter set
     */
    public ParameterSet parameters() {
        return set;
    }

    /**
     * The memory the state buffers hold, in bytes, over all tensors.
     *
     * @return the bytes of state
     */
    public long bytes() {
        long b = 0;
        for (OptimizerState s : states) {
            b += s.bytes();
        }
        return b;
    }

    /**
     * A copy of state buffer {@code buffer} of the tensor named {@code name}, as doubles, for
     * inspection and tests.
     *
     * @param name the tensor's name
     * @param buffer the buffer index, in {@code [0, buffers per parameter)}
     * @return the values in row-major order
     * @throws IllegalArgumentException if the name or the index is unknown
     */
    public double[] bufferValues(String name, int buffer) {
        return states[set.indexOf(name)].bufferValues(buffer);
    }

    /**
     * Writes this state to {@code out} (format in the class comment).
     *
     * @param out where to write; not closed
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if {@code out} is null
     */
    public void save(OutputStream out) throws IOException {
        SetStateFormat.write(this, out);
    }

    OptimizerState state(int i) {
        return states[i];
    }

    int size() {
        return states.length;
    }

    void advance() {
        step++;
    }

    /** The optimizer of each group for {@code optimizer}, derived once per set optimizer. */
    BaseOptimizer[] groupOptimizers(ParameterSetOptimizer optimizer) {
        if (owner != optimizer) {
            groupOptimizers = optimizer.deriveGroups(set);
            owner = optimizer;
        }
        return groupOptimizers;
    }

    @Override
    public String toString() {
        return "ParameterSetState[kind=" + kind + ", tensors=" + states.length + ", step=" + step
                + ", bytes=" + bytes() + "]";
    }
}
