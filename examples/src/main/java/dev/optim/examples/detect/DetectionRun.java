package dev.optim.examples.detect;

import dev.optim.core.train.Divergence;
import dev.optim.losses.yolo.AveragePrecision;
import dev.optim.losses.yolo.Detection;
import dev.optim.losses.yolo.Scene;
import dev.optim.losses.yolo.YoloLossTerms;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link DetectorTraining} run did: the epochs (five loss terms each, on the training and
 * the test subsets), the final VOC mAP@0.5 on the held-out test scenes with the per-class
 * precision–recall curves, the test scenes with their detections (for pictures), the training
 * time and the peak memory.
 *
 * @param config the configuration that ran
 * @param epochs one record per completed epoch, in order; unmodifiable
 * @param test the mAP@0.5 and the per-class curves on the test scenes
 * @param testScenes the held-out scenes; unmodifiable
 * @param testDetections the detections of each test scene, in scene order; unmodifiable
 * @param trainingSeconds the time spent training (scene generation and updates; evaluations
 *     excluded)
 * @param steps the updates done
 * @param peakHeapBytes the largest JVM heap in use seen (sampled at each epoch's end)
 * @param peakPhysicalBytes the largest physical memory of the process seen (JavaCPP's
 *     {@code Pointer.physicalBytes()}, heap and off-heap together)
 * @param peakOffHeapBytes the largest memory outside the JVM heap seen: the physical memory
 *     less the committed heap (ND4J's arrays, the native libraries, the JVM's code; an upper
 *     bound on ND4J's share), or JavaCPP's {@code Pointer.totalBytes()} if larger
 * @param peakWorkspaceBytes the largest size of the training thread's ND4J workspaces (0 when
 *     none is open, as SameDiff's CPU session does not use them)
 * @param divergence the non-finite loss that stopped training, if any: the step (counted over
 *     all epochs) and the batch's example indices
 */
public record DetectionRun(DetectorTraining config, List<EpochRecord> epochs,
        AveragePrecision.Result test, List<Scene> testScenes,
        List<List<Detection>> testDetections, double trainingSeconds, long steps,
        long peakHeapBytes, long peakPhysicalBytes, long peakOffHeapBytes,
        long peakWorkspaceBytes, Optional<Divergence> divergence) {

    /**
     * Copies the lists.
     *
     * @param config the configuration
     * @param epochs the epochs
     * @param test the evaluation
     * @param testScenes the test scenes
     * @param testDetections their detections, as many lists as scenes
     * @param trainingSeconds the training time
     * @param steps the updates
     * @param peakHeapBytes the heap peak
     * @param peakPhysicalBytes the physical memory peak
     * @param peakOffHeapBytes the off-heap peak
     * @param peakWorkspaceBytes the workspace peak
     * @param divergence the divergence, if any
     * @throws IllegalArgumentException if an argument is null or the detections do not match
     *     the scenes
     */
    public DetectionRun {
        if (config == null || epochs == null || test == null || testScenes == null
                || testDetections == null || divergence == null) {
            throw new IllegalArgumentException("the run's parts must not be null");
        }
        if (testScenes.size() != testDetections.size()) {
            throw new IllegalArgumentException("testDetections must hold one list per test scene,"
                    + " got " + testDetections.size() + " lists for " + testScenes.size()
                    + " scenes");
        }
        epochs = List.copyOf(epochs);
        testScenes = List.copyOf(testScenes);
        testDetections = testDetections.stream().map(List::copyOf).toList();
    }

    /**
     * The mAP@0.5 on the test scenes, {@code test().map()}.
     *
     * @return the mean average precision
     */
    public double map() {
        return test.map();
    }

    /**
     * The five terms on the test subset at the end of training (of the last epoch).
     *
     * @return the terms, or empty if no epoch completed
     */
    public Optional<YoloLossTerms> finalTestTerms() {
        return epochs.isEmpty() ? Optional.empty()
                : Optional.of(epochs.get(epochs.size() - 1).testTerms());
    }

    /**
     * The five terms on the training subset at the end of training.
     *
     * @return the terms, or empty if no epoch completed
     */
    public Optional<YoloLossTerms> finalTrainTerms() {
        return epochs.isEmpty() ? Optional.empty()
                : Optional.of(epochs.get(epochs.size() - 1).trainTerms());
    }

    /**
     * The mean time of an update, training seconds over steps.
     *
     * @return milliseconds per step (NaN before the first)
     */
    public double millisPerStep() {
        return steps == 0 ? Double.NaN : 1000 * trainingSeconds / steps;
    }
}
