package dev.optim.examples.detect;

import dev.optim.losses.yolo.YoloLossTerms;

/**
 * One epoch of a {@link DetectorTraining} run: how far it got and the five terms of the YOLO
 * loss at its end, measured on the fixed evaluation subsets of the training and the test
 * scenes ({@link DetectorTraining#evalScenes()} of each) through the graph's term variables.
 *
 * @param epoch the epoch, from 1
 * @param steps the updates done so far (all epochs)
 * @param seconds the training time so far, in seconds (evaluations excluded)
 * @param trainTerms the five terms on the training subset
 * @param testTerms the five terms on the test subset
 */
public record EpochRecord(int epoch, long steps, double seconds, YoloLossTerms trainTerms,
        YoloLossTerms testTerms) {

    /**
     * Validates the record.
     *
     * @param epoch from 1
     * @param steps {@code ≥ 0}
     * @param seconds {@code ≥ 0}
     * @param trainTerms not null
     * @param testTerms not null
     * @throws IllegalArgumentException if a value is out of range
     */
    public EpochRecord {
        if (epoch < 1 || steps < 0 || !(seconds >= 0) || trainTerms == null
                || testTerms == null) {
            throw new IllegalArgumentException("epoch must be >= 1, steps and seconds >= 0, terms"
                    + " not null, got epoch=" + epoch + ", steps=" + steps + ", seconds="
                    + seconds);
        }
    }
}
