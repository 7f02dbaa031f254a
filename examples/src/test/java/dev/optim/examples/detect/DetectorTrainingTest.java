package dev.optim.examples.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.losses.yolo.Detection;
import dev.optim.losses.yolo.GroundTruthBox;
import dev.optim.losses.yolo.AveragePrecision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorTrainingTest {

    private static DetectorTraining.Builder tiny() {
        return DetectorTraining.builder().trainScenes(64).testScenes(24).evalScenes(16)
                .epochs(3).batchSize(16).spaceToDepth(4).channels(8, 16).gridLayers(16)
                .freshScenes(false);
    }

    /** A small run: the records add up, the mAP is the evaluation of the detections returned. */
    @Test
    void aRunRecordsEveryEpochAndScoresItsOwnDetections() {
        DetectorTraining config = tiny().learningRate(3e-3).build();
        List<EpochRecord> told = new ArrayList<>();
        DetectionRun run = config.run(told::add);
        assertEquals(3, run.epochs().size());
        assertEquals(told, run.epochs());
        assertEquals(12, run.steps());
        assertEquals(12, config.plannedSteps());
        for (int e = 0; e < 3; e++) {
            assertEquals(e + 1, run.epochs().get(e).epoch());
            assertEquals(4L * (e + 1), run.epochs().get(e).steps());
        }
        assertTrue(run.epochs().get(2).seconds() <= run.trainingSeconds() + 1e-9);
        assertTrue(run.epochs().get(2).trainTerms().total()
                < run.epochs().get(0).trainTerms().total() * 1.5, run.epochs().toString());
        assertEquals(24, run.testScenes().size());
        assertEquals(24, run.testDetections().size());
        List<List<GroundTruthBox>> truths = new ArrayList<>();
        run.testScenes().forEach(s -> truths.add(s.objects()));
        AveragePrecision.Result again = AveragePrecision.evaluate(truths, run.testDetections(),
                2, 0.5);
        assertEquals(again.map(), run.map());
        assertEquals(run.test().map(), run.map());
        for (List<Detection> d : run.testDetections()) {
            for (Detection x : d) {
                assertTrue(x.confidence() >= config.scoreThreshold());
            }
        }
        assertTrue(run.peakHeapBytes() > 0 && run.peakPhysicalBytes() > 0);
        assertTrue(run.divergence().isEmpty());
        // The same seeds give the same run, to the last bit (the time aside).
        DetectionRun twice = config.run();
        assertEquals(run.map(), twice.map());
        assertEquals(run.epochs().get(2).testTerms(), twice.epochs().get(2).testTerms());
    }

    /** Fresh scenes per epoch and a time budget: a zero-length budget trains nothing. */
    @Test
    void freshScenesAndTheTimeBudget() {
        DetectionRun fresh = tiny().freshScenes(true).epochs(2).build().run();
        assertEquals(8, fresh.steps());
        DetectionRun sameScenes = tiny().epochs(2).build().run();
        assertTrue(fresh.epochs().get(1).trainTerms().total()
                != sameScenes.epochs().get(1).trainTerms().total());
        DetectionRun none = tiny().timeBudgetSeconds(1e-9).build().run();
        assertTrue(none.steps() <= 1, "steps " + none.steps());
    }

    @Test
    void theBuilderRefusesBadValuesNamingThem() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> DetectorTraining.builder().trainSeed(5).testSeed(5).build());
        assertTrue(e.getMessage().contains("trainSeed and testSeed must differ"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DetectorTraining.builder().imageSize(96).build());
        assertTrue(e.getMessage().contains("imageSize 96 must be gridSize 4 × spaceToDepth 2 ×"
                + " 2^3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DetectorTraining.builder().gridSize(1).build());
        assertTrue(e.getMessage().contains("imageSize 64 must be gridSize 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DetectorTraining.builder().learningRate(0));
        assertTrue(e.getMessage().contains("learningRate must be in (0, 10], got 0.0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DetectorTraining.builder().scoreThreshold(1));
        assertTrue(e.getMessage().contains("got 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DetectorTraining.builder().channels());
        assertTrue(e.getMessage().contains("at least one block"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DetectorTraining.builder().optimizer(null));
        assertEquals(DetectorTraining.SGD_LEARNING_RATE, DetectorTraining.builder()
                .optimizer(DetectorTraining.OptimizerKind.SGD).build().learningRate());
        assertEquals(DetectorTraining.ADAM_LEARNING_RATE,
                DetectorTraining.builder().build().learningRate());
    }
}
