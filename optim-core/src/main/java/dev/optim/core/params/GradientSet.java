package dev.optim.core.params;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of every tensor of a {@link ParameterSet}: one array per tensor, of its shape,
 * data type and memory ordering. Made by {@link ParameterSet#zerosLikeGradients()} (new, zeroed
 * arrays; views of one buffer for a flat set) or {@link ParameterSet#gradients(java.util.Map)}
 * (the caller's arrays). A step reads the gradients and never writes them.
 */
public final class GradientSet {

    private final ParameterSet set;
    private final INDArray[] tensors;
    private final INDArray flat;

    GradientSet(ParameterSet set, INDArray[] tensors, INDArray flat) {
        this.set = set;
        this.tensors = tensors;
        this.flat = flat;
    }

    /** Checks every gradient against its tensor, naming the first that does not fit. */
    void validate() {
        for (int i = 0; i < tensors.length; i++) {
            String name = set.name(i);
            INDArray p = set.tensor(i);
            INDArray g = Layouts.tensor("gradient '" + name + "'", tensors[i]);
            if (!Arrays.equals(p.shape(), g.shape())) {
                throw new IllegalArgumentException("gradient '" + name + "' has shape "
                        + Arrays.toString(g.shape()) + " but its tensor has shape "
                        + Arrays.toString(p.shape()));
            }
            if (p.dataType() != g.dataType()) {
                throw new IllegalArgumentException("gradient '" + name + "' is " + g.dataType()
                        + " but its tensor is " + p.dataType());
            }
            char lp = Layouts.layout(p);
            char lg = Layouts.layout(g);
            if (lp != lg && lp != 'v' && lg != 'v') {
                throw new IllegalArgumentException("gradient '" + name + "' has memory order '"
                        + lg + "' but its tensor has '" + lp + "'; pass a dup('" + lp + "')");
            }
            for (int j = 0; j < tensors.length; j++) {
                if (Layouts.overlap(g, set.tensor(j))) {
                    throw new IllegalArgumentException("gradient '" + name
                            + "' shares memory with tensor '" + set.name(j) + "'");
                }
            }
        }
    }

    /**
     * The set these gradients are for.
     *
     * @return the parameter set
     */
    public ParameterSet parameters() {
        return set;
    }

    /**
     * The gradient of the tensor named {@code name}.
     *
     * @param name the tensor's name
     * @return the gradient array
     * @throws IllegalArgumentException if the set has no tensor of that name
     */
    public INDArray tensor(String name) {
        return tensors[set.indexOf(name)];
    }

    /**
     * The gradient of tensor {@code i}.
     *
     * @param i the position, in {@code [0, parameters().size())}
     * @return the gradient array
     * @throws IllegalArgumentException if {@code i} is out of range
     */
    public INDArray tensor(int i) {
        set.name(i);
        return tensors[i];
    }

    /**
     * Whether the gradients are views of one buffer ({@link #flatView()}).
     *
     * @return true if flat
     */
    public boolean isFlat() {
        return flat != null;
    }

    /**
     * The buffer that every gradient views, laid out as the set's {@link ParameterSet#flatView()}.
     *
     * @return the buffer
     * @throws IllegalStateException if the gradients are not flat
     */
    public INDArray flatView() {
        if (flat == null) {
            throw new IllegalStateException("the gradients are not flat");
        }
        return flat;
    }

    /**
     * Sets every gradient to 0 (before accumulating into them).
     *
     * @return this gradient set
     */
    public GradientSet zero() {
        if (flat != null) {
            flat.assign(0);
        } else {
            for (INDArray g : tensors) {
                g.assign(0);
            }
        }
        return this;
    }

    /**
     * The Euclidean norm of all the gradients together, {@code √(Σ g²)}, summed in float64 in a
     * fixed order (see {@link ParameterSetOptimizer}); what clipping by global norm compares.
     *
     * @return the global norm; NaN or infinite if a gradient holds such values
     */
    public double globalNorm() {
        return Math.sqrt(Norms.sumOfSquares(this));
    }

    INDArray[] arrays() {
        return tensors;
    }

    @Override
    public String toString() {
        return "GradientSet[" + tensors.length + " tensors, " + set.length() + " "
                + set.dataType() + (flat != null ? ", flat" : "") + "]";
    }
}
