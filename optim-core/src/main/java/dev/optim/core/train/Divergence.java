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

    /**
     * How many of a batch's example indices {@link #toString()} names before an ellipsis.
     */
    public static final int SHOWN_INDICES = 8;

    /**
     * Names where the run diverged: the value, the step and, for a mini-batch, its size and its
     * first {@value #SHOWN_INDICES} example indices, so the offending examples can be found, e.g.
     * {@code "non-finite batch loss NaN at step 12 on a batch of 32 examples [4, 17, 99, 3, 8,
     * 61, 0, 25, …]"} or {@code "non-finite validation loss Infinity at step 40"}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("non-finite ").append(where).append(" loss ")
                .append(loss).append(" at step ").append(step);
        if (batch.length > 0) {
            s.append(" on a batch of ").append(batch.length)
                    .append(batch.length == 1 ? " example [" : " examples [");
            int shown = Math.min(batch.length, SHOWN_INDICES);
            for (int i = 0; i < shown; i++) {
                s.append(i == 0 ? "" : ", ").append(batch[i]);
            }
            s.append(batch.length > shown ? ", …]" : "]");
        }
        return s.toString();
    }
}
