package dev.optim.core.batch;

import dev.optim.core.Schedule;
import dev.optim.core.schedule.BatchSizeSchedule;
import dev.optim.core.schedule.Schedules;

/**
 * How a stochastic descent draws its mini-batches: the batch size {@code b_k} at update {@code k}
 * (a {@link Schedule}, so that it can grow: "don't decay the learning rate, increase the batch
 * size"), the order of the examples, what happens to the last partial batch of an epoch, and
 * the seed of the shuffle. Immutable.
 *
 * <p>The schedule's value at step {@code k} is rounded to the nearest integer and capped at the
 * number of examples ({@link #sizes(int)}); a value that rounds below 1 is an error at the step
 * where it happens.
 *
 * <pre>{@code
 * BatchPlan plan = BatchPlan.of(24).withOrder(BatchOrder.SHUFFLED).withSeed(7);
 * }</pre>
 *
 * @param batchSize the batch size at each step
 * @param order the order of the examples in each epoch
 * @param lastBatch what happens to the last partial batch of an epoch
 * @param seed the seed of the shuffle (unused for {@link BatchOrder#SEQUENTIAL})
 */
public record BatchPlan(Schedule batchSize, BatchOrder order, LastBatch lastBatch, long seed) {

    /**
     * Validates the plan.
     *
     * @param batchSize the batch size at each step
     * @param order the order of the examples in each epoch
     * @param lastBatch what happens to the last partial batch of an epoch
     * @param seed the seed of the shuffle
     * @throws IllegalArgumentException if any argument is null
     */
    public BatchPlan {
        if (batchSize == null) {
            throw new IllegalArgumentException("batchSize must not be null");
        }
        if (order == null) {
            throw new IllegalArgumentException("order must not be null");
        }
        if (lastBatch == null) {
            throw new IllegalArgumentException("lastBatch must not be null");
        }
    }

    /**
     * Sequential batches of a fixed size, the last partial batch kept.
     *
     * @param batchSize the batch size, at least 1
     * @return the plan
     * @throws IllegalArgumentException if {@code batchSize} is below 1
     */
    public static BatchPlan of(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        return new BatchPlan(Schedule.constant(batchSize), BatchOrder.SEQUENTIAL, LastBatch.KEEP, 0);
    }

    /**
     * Sequential batches whose size follows a schedule, the last partial batch kept.
     *
     * @param batchSize the batch size at each step
     * @return the plan
     * @throws IllegalArgumentException if {@code batchSize} is null
     */
    public static BatchPlan of(Schedule batchSize) {
        return new BatchPlan(batchSize, BatchOrder.SEQUENTIAL, LastBatch.KEEP, 0);
    }

    /**
     * This plan with another order.
     *
     * @param newOrder the order
     * @return a new plan
     */
    public BatchPlan withOrder(BatchOrder newOrder) {
        return new BatchPlan(batchSize, newOrder, lastBatch, seed);
    }

    /**
     * This plan with another last-batch rule.
     *
     * @param newLastBatch the rule
     * @return a new plan
     */
    public BatchPlan withLastBatch(LastBatch newLastBatch) {
        return new BatchPlan(batchSize, order, newLastBatch, seed);
    }

    /**
     * This plan with another shuffle seed.
     *
     * @param newSeed the seed
     * @return a new plan
     */
    public BatchPlan withSeed(long newSeed) {
        return new BatchPlan(batchSize, order, lastBatch, newSeed);
    }

    /**
     * The batch sizes of this plan for {@code n} examples: {@code min(n, round(b_k))} at step
     * {@code k}, as a {@link BatchSizeSchedule}.
     *
     * @param n the number of examples, at least 1
     * @return the batch-size schedule
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public BatchSizeSchedule sizes(int n) {
        return Schedules.batchSize(batchSize, n);
    }
}
