package dev.optim.examples.tour;

import dev.optim.examples.plot.ContourChart;
import dev.optim.examples.plot.GridValues;
import dev.optim.examples.plot.LineChart;
import dev.optim.examples.sharpness.BatchSizeExperiment;
import dev.optim.examples.sharpness.FilterDirections;
import dev.optim.examples.sharpness.Network;
import dev.optim.examples.sharpness.NetworkSharpness;
import dev.optim.examples.sharpness.SharpnessReport;
import dev.optim.examples.sharpness.Task;
import dev.optim.examples.sharpness.Training;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Surface;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Point 10: sharp and flat minima. The quick {@link BatchSizeExperiment} on the digits MLP (one
 * seed: a small batch and a quarter of the training set, trained to the same loss): the test
 * accuracy, ε-sharpness and top Hessian eigenvalue of each, the losses on the line between the
 * two solutions and a 2-D filter-normalised slice around the small-batch one. {@code optim
 * sharpness} runs the measured version (5 seeds) and the schedule experiments.
 */
final class SharpMinima implements TourStep {

    @Override
    public String title() {
        return "small vs large batches: sharpness and the loss between the solutions";
    }

    @Override
    public List<Finding> run(TourContext ctx) throws IOException {
        Task task = ctx.settings().quick() ? Task.spirals(120, 0.1, 0.3, 1) : Task.digits(0.3, 1);
        BatchSizeExperiment q = ctx.settings().quick()
                ? new BatchSizeExperiment(task, new int[] {8}, 8, 42, 1e-2, 0.6, 20, 1, 1e-3, 4,
                        4, 9, 2)
                : BatchSizeExperiment.quick(task);
        SharpnessReport r = q.run();
        SharpnessReport.Measured small = r.rows().get(0).small();
        SharpnessReport.Measured large = r.rows().get(0).large();
        NetworkSharpness.Interpolation line = r.interpolation();
        String interpolation = ctx.png("10-sharpness-interpolation.png",
                LineChart.builder("Between the batch-" + q.smallBatch() + " (α = 0) and batch-"
                        + q.largeBatch() + " (α = 1) solutions", "α", "cross-entropy")
                        .logY(true).subtitle(task.name() + ", trained to train loss "
                                + q.targetLoss())
                        .series("train", line.alphas(), line.trainLoss(), true)
                        .series("test", line.alphas(), line.testLoss(), true).build());
        Network net = task.network(q.hidden(), BatchSizeExperiment.ACTIVATION, DataType.DOUBLE, 1);
        Training.Trained sb = small.solution();
        INDArray theta = sb.parameters();
        INDArray d1 = FilterDirections.of(net.trainObjective(), theta,
                FilterDirections.Bias.ZERO, 1);
        INDArray d2 = FilterDirections.of(net.trainObjective(), theta,
                FilterDirections.Bias.ZERO, 2);
        int side = ctx.settings().pick(15, 5);
        Surface s = NetworkSharpness.slice(net, theta, d1, d2, Grid.square(-1, 1, side));
        String slice = ctx.png("10-sharpness-slice.png", ContourChart.builder(
                "Training loss around the batch-" + q.smallBatch() + " solution",
                "filter-normalised direction 1", "direction 2",
                new GridValues(s.grid().xs(), s.grid().ys(), s.values()))
                .valueLabel("training loss").point("solution", 0, 0,
                        dev.optim.examples.plot.Charts.INIT).build());
        String result = String.format(Locale.ROOT, "batch %d vs %d at train loss %.3f/%.3f:"
                + " test accuracy %.1f%% vs %.1f%%, eps-sharpness %.3g vs %.3g, top eigenvalue"
                + " %.3g vs %.3g (one seed; optim sharpness runs five)", q.smallBatch(),
                q.largeBatch(), sb.trainLoss(), large.solution().trainLoss(),
                100 * sb.testAccuracy(), 100 * large.solution().testAccuracy(),
                small.sharpnessFull(), large.sharpnessFull(), small.topEigenvalue(),
                large.topEigenvalue());
        return List.of(new Finding(10, "sharp and flat minima", result,
                List.of(interpolation, slice)));
    }
}
