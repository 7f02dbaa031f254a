package dev.optim.core.batch;

/**
 * What happens when fewer than {@code b} examples remain in an epoch for a batch of size
 * {@code b}.
 */
public enum LastBatch {
    /** Use the smaller batch of the examples that remain (PyTorch's {@code drop_last=False}). */
    KEEP,
    /** Skip the examples that remain and start the next epoch (PyTorch's {@code drop_last=True}). */
    DROP,
    /** Top the batch up with the first examples of the next epoch, so every batch has size {@code b}. */
    FILL
}
