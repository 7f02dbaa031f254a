package dev.optim.core.batch;

import dev.optim.core.schedule.BatchSizeSchedule;
import java.util.SplittableRandom;

/**
 * Walks a {@link BatchPlan} over {@code N} examples: each call to {@link #next()} returns the
 * indices for the next update. Epochs follow one another; a shuffled plan draws a fresh
 * Fisher–Yates permutation from a {@link SplittableRandom} seeded with the plan's seed at the
 * start of every epoch, so a run is reproducible from the seed. Not thread-safe.
 */
public final class MiniBatches {

    private final BatchPlan plan;
    private final BatchSizeSchedule sizes;
    private final int n;
    private final int[] order;
    private final SplittableRandom random;
    private int position;
    private long step;
    private long epoch;
    private int[] batch = new int[0];

    /**
     * Starts a walk at step 0, epoch 0.
     *
     * @param plan the plan
     * @param n the number of examples, at least 1
     * @throws IllegalArgumentException if {@code plan} is null or {@code n} is below 1
     */
    public MiniBatches(BatchPlan plan, int n) {
        if (plan == null) {
            throw new IllegalArgumentException("plan must not be null");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        this.plan = plan;
        this.sizes = plan.sizes(n);
        this.n = n;
        this.order = new int[n];
        this.random = new SplittableRandom(plan.seed());
        startEpoch();
    }

    /**
     * The indices of the next batch. The returned array is reused by the next call when the
     * batch size does not change: copy it to keep it.
     *
     * @return the example indices, each in {@code [0, N)}
     * @throws IllegalArgumentException if the plan's batch size is invalid at this step
     */
    public int[] next() {
        int b = sizes.sizeAt(step);
        int remaining = n - position;
        if (remaining < b) {
            switch (plan.lastBatch()) {
                case KEEP -> {
                    if (remaining == 0) {
                        newEpoch();
                        remaining = n;
                    } else {
                        b = remaining;
                    }
                }
                case DROP -> {
                    newEpoch();
                    remaining = n;
                }
                case FILL -> {
                    int[] out = buffer(b);
                    System.arraycopy(order, position, out, 0, remaining);
                    newEpoch();
                    System.arraycopy(order, 0, out, remaining, b - remaining);
                    position = b - remaining;
                    step++;
                    return out;
                }
                default -> throw new IllegalStateException("unknown rule " + plan.lastBatch());
            }
        }
        int[] out = buffer(b);
        System.arraycopy(order, position, out, 0, b);
        position += b;
        step++;
        return out;
    }

    /**
     * The number of completed epochs (a new epoch starts when the examples run out).
     *
     * @return the epoch index of the next batch
     */
    public long epoch() {
        return epoch;
    }

    /**
     * The number of batches drawn so far.
     *
     * @return the step of the next batch
     */
    public long step() {
        return step;
    }

    private int[] buffer(int size) {
        if (batch.length != size) {
            batch = new int[size];
        }
        return batch;
    }

    private void newEpoch() {
        epoch++;
        startEpoch();
    }

    private void startEpoch() {
        position = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (plan.order() == BatchOrder.SHUFFLED) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
    }
}
