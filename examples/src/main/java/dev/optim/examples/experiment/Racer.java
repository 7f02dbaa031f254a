package dev.optim.examples.experiment;

import dev.optim.core.LineSearchOptimizer;
import dev.optim.core.Optimizer;

/**
 * One optimizer of a race or of {@code optim run}, as the catalogue builds it: either a
 * first-order {@link Optimizer} (stepped by the descent loop) or a {@link LineSearchOptimizer}
 * such as L-BFGS (which needs the objective itself and runs in
 * {@link dev.optim.core.descent.LineSearchDescent}). Exactly one of the two is set.
 *
 * @param label the name shown in tables and legends
 * @param optimizer the first-order optimizer, or null
 * @param lineSearch the line-search optimizer, or null
 */
public record Racer(String label, Optimizer optimizer, LineSearchOptimizer lineSearch) {

    /**
     * Validates the racer.
     *
     * @throws IllegalArgumentException if the label is blank or not exactly one optimizer is set
     */
    public Racer {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank, got '" + label + "'");
        }
        if ((optimizer == null) == (lineSearch == null)) {
            throw new IllegalArgumentException("exactly one of optimizer and lineSearch must be"
                    + " set, got " + optimizer + " and " + lineSearch);
        }
    }

    /**
     * A first-order racer.
     *
     * @param label the label
     * @param optimizer the optimizer
     * @return the racer
     */
    public static Racer of(String label, Optimizer optimizer) {
        return new Racer(label, optimizer, null);
    }

    /**
     * The rate of the first update (a first-order optimizer's schedule at step 0), or a
     * line-search optimizer's initial step length.
     *
     * @return the rate
     */
    public double learningRate() {
        return optimizer != null ? optimizer.learningRate().valueAt(0) : lineSearch.learningRate();
    }

    /**
     * The optimizer's own description ({@code toString()}), for provenance.
     *
     * @return the text
     */
    public String describe() {
        return optimizer != null ? optimizer.toString() : lineSearch.toString();
    }
}
