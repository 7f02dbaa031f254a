package dev.optim.examples.tour;

import dev.optim.examples.detect.DetectionPictures;
import dev.optim.examples.detect.DetectionRun;
import dev.optim.examples.detect.EpochRecord;
import dev.optim.examples.detect.DetectorTraining;
import dev.optim.losses.yolo.YoloLossTerms;
import java.util.List;
import java.util.Locale;

/**
 * Point 9 (issue 15): the YOLO loss at work. A small detector ({@link DetectorTraining}'s quick
 * settings: generated 64×64 scenes of cars and pedestrians, a 4×4 grid with 2 boxes per cell)
 * is trained by Adam for a few epochs and scored by the VOC mAP@0.5 on held-out scenes. A run of
 * seconds learns only the start; {@code optim detect} runs the tuned recipe
 * ({@code docs/detection.md}).
 */
final class TrainedDetector implements TourStep {

    @Override
    public String title() {
        return "A small YOLO detector trained with Adam";
    }

    @Override
    public List<Finding> run(TourContext ctx) throws java.io.IOException {
        DetectorTraining config = DetectorTraining.quickBuilder()
                .trainScenes(ctx.settings().pick(512, 192)).epochs(ctx.settings().pick(3, 2))
                .seed(ctx.settings().seed()).build();
        DetectionRun run = config.run();
        YoloLossTerms first = run.epochs().get(0).testTerms();
        YoloLossTerms last = run.finalTestTerms().orElse(first);
        String result = String.format(Locale.ROOT, "mAP@0.5 %.3f on %d held-out scenes after %d"
                + " Adam steps on %d scenes (AP car %.3f, pedestrian %.3f); test loss %.3f after"
                + " epoch 1, %.3f after epoch %d (xy %.3f, wh %.3f, conf_obj %.3f, conf_noobj"
                + " %.3f, cls %.3f); the full recipe: optim detect", run.map(),
                run.testScenes().size(), run.steps(), config.trainScenes(),
                run.test().perClass().get(0).ap(), run.test().perClass().get(1).ap(),
                first.total(), last.total(), run.epochs().size(), last.xy(), last.wh(),
                last.confObj(), last.confNoobj(), last.cls());
        int[] epochs = run.epochs().stream().mapToInt(EpochRecord::epoch).toArray();
        String terms = ctx.png("9-detector-loss-terms.png", DetectionPictures.lossTerms(epochs,
                run.epochs().stream().map(EpochRecord::trainTerms).toList(),
                run.epochs().stream().map(EpochRecord::testTerms).toList()));
        String pr = ctx.png("9-detector-pr-curves.png",
                DetectionPictures.precisionRecall(run.test(), DetectionPictures.CLASS_NAMES));
        return List.of(new Finding(9, "a detector trained with the YOLO loss", result,
                List.of(terms, pr)));
    }
}
