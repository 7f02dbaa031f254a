package dev.optim.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The element-wise activations of an {@link Mlp}'s hidden layers, as SameDiff ops.
 */
public enum Activation {
    /** {@code a(z) = z}. */
    IDENTITY("identity"),
    /** {@code a(z) = tanh(z)} (PyTorch's {@code nn.Tanh}). */
    TANH("tanh"),
    /** {@code a(z) = max(z, 0)} (PyTorch's {@code nn.ReLU}). */
    RELU("relu"),
    /** {@code a(z) = 1 / (1 + e^(−z))} (PyTorch's {@code nn.Sigmoid}). */
    SIGMOID("sigmoid");

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    /**
     * The activation's name on the command line: {@code identity}, {@code tanh}, {@code relu},
     * {@code sigmoid}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The activation with the given label.
     *
     * @param label one of {@code identity}, {@code tanh}, {@code relu}, {@code sigmoid}
     * @return the activation
     * @throws IllegalArgumentException for any other label
     */
    public static Activation fromLabel(String label) {
        for (Activation a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "activation must be one of identity, tanh, relu, sigmoid, got " + label);
    }

    /** Applies the activation to {@code z} in {@code sd}, naming the result {@code name}. */
    SDVariable apply(SameDiff sd, String name, SDVariable z) {
        return switch (this) {
            case IDENTITY -> z.add(name, 0.0);
            case TANH -> sd.math().tanh(name, z);
            case RELU -> sd.nn().relu(name, z, 0.0);
            case SIGMOID -> sd.nn().sigmoid(name, z);
        };
    }
}
