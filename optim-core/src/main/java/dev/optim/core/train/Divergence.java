package dev.optim.core.train;

/**
 * Where a training run met a non-finite loss.
 *
 * @param step the number of updates done when the loss was computed
 * @param batch the example indices of the mini-batch whose loss was not finite (a copy), or
 *     an empty array when the full or validation loss was not finite
 * @param loss the offending value (NaN or infinite)
 * @param where {@code "batch"}, {@code "train"} or {@code "validation"}
 */
public record Divergence(long step, int[] batch, double loss, String where) {

    /**
     * Copies the batch.
     *
     * @param step the number of updates done
     * @param batch the batch's indices; copied
     * @param loss the offending value
     * @param where where it was met
     */
    public Divergence {
        batch = batch == null ? new int[0] : batch.clone();
    }

    /**
     * The batch's indices.
     *
     * @return a copy
     */
    @Override
    public int[] batch() {
        return batch.clone();
    }

    @Override
    public String toString() {
        return "non-finite " + where + " loss " + loss + " at step " + step
                + (batch.length > 0 ? " on a batch of " + batch.length + " examples" : "");
    }
}
