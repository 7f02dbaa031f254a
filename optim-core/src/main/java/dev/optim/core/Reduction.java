package dev.optim.core;

/** How a loss combines the per-example terms into one scalar. */
public enum Reduction {
    /** The mean over examples, {@code (1/N) Σᵢ ℓᵢ} (the default, as PyTorch's {@code 'mean'}). */
    MEAN,
    /** The sum over examples, {@code Σᵢ ℓᵢ} (PyTorch's {@code 'sum'}). */
    SUM
}
