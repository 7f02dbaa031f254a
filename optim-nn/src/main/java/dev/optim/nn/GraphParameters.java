package dev.optim.nn;

import dev.optim.core.params.ParameterSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The trainable variables of a SameDiff graph, moved into a flat {@link ParameterSet} (one
 * buffer, its groups as the caller declares them): each variable's array becomes the set's view
 * of its slice of the buffer (in the graph's variable order,
 * row-major), so that an optimizer that updates the vector in place updates the graph with no
 * copy. Shared by every objective made over the same graph.
 */
final class GraphParameters {

    final SameDiff sd;
    final String loss;
    final List<String> names;
    final long[][] shapes;
    final long[] offsets;
    final DataType dataType;
    final INDArray flat;
    /** {@link #flat} as a vector of {@link #length()} elements (a view). */
    final INDArray vector;
    final ParameterSet set;

    private GraphParameters(SameDiff sd, String loss, List<String> names, long[][] shapes,
            long[] offsets, DataType dataType, ParameterSet set) {
        this.sd = sd;
        this.set = set;
        this.loss = loss;
        this.names = names;
        this.shapes = shapes;
        this.offsets = offsets;
        this.dataType = dataType;
        this.flat = set.flatView();
        this.vector = flat.reshape(flat.length());
    }

    /**
     * Collects and rebinds the trainable variables of {@code sd} in the given order (null: the
     * graph's own, which SameDiff keeps sorted by name); {@code loss} is checked.
     */
    static GraphParameters of(SameDiff sd, String loss, List<String> order,
            Consumer<ParameterSet.Builder> groups) {
        if (sd == null) {
            throw new IllegalArgumentException("graph must not be null");
        }
        if (loss == null) {
            List<String> losses = sd.getLossVariables();
            if (losses == null || losses.isEmpty()) {
                throw new IllegalArgumentException("the graph has no loss variable: name one with"
                        + " loss(name) or SameDiff.setLossVariables(name)");
            }
            if (losses.size() > 1) {
                throw new IllegalArgumentException("the graph has " + losses.size()
                        + " loss variables " + losses + ": name the one to minimise with loss(name)");
            }
            loss = losses.get(0);
        }
        if (!sd.hasVariable(loss)) {
            throw new IllegalArgumentException("the graph has no variable named '" + loss
                    + "' to use as the loss");
        }
        SDVariable lossVar = sd.getVariable(loss);
        if (lossVar.getVariableType() != VariableType.ARRAY) {
            throw new IllegalArgumentException("the loss '" + loss + "' must be computed by the"
                    + " graph (an ARRAY variable), got a " + lossVar.getVariableType());
        }
        sd.setLossVariables(loss);
        List<String> names = new ArrayList<>();
        DataType type = null;
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            DataType t = v.dataType();
            if (t != DataType.FLOAT && t != DataType.DOUBLE) {
                throw new IllegalArgumentException("trainable variable '" + v.name()
                        + "' must be FLOAT or DOUBLE, got " + t);
            }
            if (type == null) {
                type = t;
            } else if (t != type) {
                throw new IllegalArgumentException("trainable variable '" + v.name()
                        + "' has data type " + t + " but '" + names.get(0) + "' has " + type
                        + ": all trainable variables must share one data type");
            }
            names.add(v.name());
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the graph has no trainable variables");
        }
        if (order != null) {
            if (order.size() != names.size() || !new java.util.HashSet<>(order).equals(
                    new java.util.HashSet<>(names))) {
                throw new IllegalArgumentException("the parameter order " + order
                        + " must name each trainable variable of the graph once: " + names);
            }
            names = new ArrayList<>(order);
        }
        long[][] shapes = new long[names.size()][];
        long[] offsets = new long[names.size() + 1];
        for (int i = 0; i < names.size(); i++) {
            INDArray arr = sd.getVariable(names.get(i)).getArr();
            if (arr == null) {
                throw new IllegalArgumentException("trainable variable '" + names.get(i)
                        + "' has no array");
            }
            shapes[i] = arr.shape().clone();
            offsets[i + 1] = offsets[i] + arr.length();
        }
        ParameterSet.Builder builder = ParameterSet.builder();
        for (String name : names) {
            builder.add(name, sd.getVariable(name).getArr());
        }
        if (groups != null) {
            groups.accept(builder);
        }
        ParameterSet set = builder.flat().build();
        // SameDiff's default (thread-safe) holder copies a view it is given; the single-thread
        // holder keeps it, so the variables stay views of the set's flat buffer.
        sd.setArrayHolders(new SingleThreadArrayHolder(), new SingleThreadArrayHolder(), true);
        for (String name : names) {
            INDArray view = set.tensor(name);
            sd.associateArrayWithVariable(view, name);
            if (sd.getVariable(name).getArr() != view) {
                throw new IllegalStateException("SameDiff did not keep the view of variable '"
                        + name + "'");
            }
        }
        return new GraphParameters(sd, loss, List.copyOf(names), shapes, offsets, type, set);
    }

    /** The total number of parameters. */
    long length() {
        return offsets[names.size()];
    }

    /** The views of {@code vector} (the flat layout) shaped as the variables. */
    INDArray[] views(INDArray vector) {
        INDArray[] out = new INDArray[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = slice(vector, offsets[i], shapes[i]);
        }
        return out;
    }

    /** Checks that {@code array} can hold the flat parameters (length and data type). */
    void checkVector(String what, INDArray array) {
        if (array == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (array.length() != length() || array.dataType() != dataType) {
            throw new IllegalArgumentException(what + " must be a " + dataType + " vector of length "
                    + length() + " (the graph's trainable variables " + names + "), got "
                    + array.dataType() + " " + Arrays.toString(array.shape()));
        }
    }

    /** Copies {@code params} into the graph's variables unless it is the flat vector itself. */
    void bind(INDArray params) {
        checkVector("params", params);
        if (params != flat && params != vector) {
            vector.assign(params.reshape(params.length()));
        }
    }

    private static INDArray slice(INDArray vector, long offset, long[] shape) {
        INDArray v = vector.reshape(vector.length())
                .get(NDArrayIndex.interval(offset, offset + Arrays.stream(shape).reduce(1, (a, b) -> a * b)));
        return shape.length == 0 ? v.reshape() : v.reshape('c', shape);
    }
}
