package dev.optim.examples.tour;

import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.Trajectory;
import dev.optim.core.optimizer.Adam;
import dev.optim.examples.experiment.PredictionObjective;
import dev.optim.examples.plot.LineChart;
import dev.optim.examples.text.Numbers;
import dev.optim.losses.yolo.GroundTruthBox;
import dev.optim.losses.yolo.YoloGrid;
import dev.optim.losses.yolo.YoloLoss;
import dev.optim.losses.yolo.YoloLossTerms;
import dev.optim.losses.yolo.YoloTargetEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Point 6: the YOLO loss (Redmon et al. 2016) on a small synthetic detection batch, and its five
 * terms, as Adam moves random predictions toward the truth. The predictions themselves are the
 * parameters ({@link PredictionObjective}): what a network's output layer is pushed to do.
 * Full size: the paper's grid (S = 7, B = 2, C = 20) and 4 images of 1 to 3 objects each.
 */
final class YoloTerms implements TourStep {

    @Override
    public String title() {
        return "YOLO loss and its five terms";
    }

    @Override
    public List<Finding> run(TourContext ctx) throws IOException {
        YoloGrid grid = ctx.settings().quick() ? new YoloGrid(4, 2, 3) : YoloGrid.DEFAULT;
        int images = ctx.settings().pick(4, 2);
        int steps = ctx.settings().pick(200, 40);
        SplittableRandom random = new SplittableRandom(ctx.settings().seed());
        List<List<GroundTruthBox>> boxes = boxes(grid, images, random);
        INDArray targets = new YoloTargetEncoder(grid).encode(boxes, DataType.DOUBLE);
        long[] shape = grid.predictionShape(images);
        double[] start = new double[Math.toIntExact((long) images * grid.gridSize()
                * grid.gridSize() * grid.predictionDepth())];
        for (int i = 0; i < start.length; i++) {
            start[i] = random.nextDouble(0.05, 0.95);
        }
        YoloLoss loss = YoloLoss.of(grid);
        PredictionObjective objective = new PredictionObjective(loss, targets, shape);
        DescentResult r = Descent.builder(Adam.builder().learningRate(0.01).build())
                .maxSteps(steps).recordParameters(true).build()
                .run(objective, Nd4j.create(start, shape, 'c'));
        Trajectory t = r.trajectory();
        int rows = t.size();
        double[] xs = new double[rows];
        double[][] terms = new double[6][rows];
        for (int k = 0; k < rows; k++) {
            xs[k] = t.step(k);
            YoloLossTerms term = loss.terms(Nd4j.create(t.params(k), shape, 'c'), targets);
            double[] v = {term.total(), term.xy(), term.wh(), term.confObj(), term.confNoobj(),
                term.cls()};
            for (int j = 0; j < 6; j++) {
                terms[j][k] = v[j];
            }
        }
        String[] names = {"total", "xy (centres)", "wh (sizes)", "confidence (object)",
            "confidence (no object)", "classes"};
        LineChart.Builder chart = LineChart.builder("YOLO loss and its five terms", "Adam step",
                "loss (mean over the batch)").logY(true)
                .subtitle(images + " synthetic images, S = " + grid.gridSize() + ", B = "
                        + grid.boxesPerCell() + ", C = " + grid.classes()
                        + "; Adam (lr 0.01) moves the predictions toward the truth");
        for (int j = 0; j < 6; j++) {
            chart.series(names[j], xs, terms[j]);
        }
        String name = ctx.png("6-yolo-loss.png", chart.build());
        int objects = 0;
        for (List<GroundTruthBox> b : boxes) {
            objects += b.size();
        }
        StringBuilder result = new StringBuilder(images + " images, " + objects
                + " objects on a " + grid.gridSize() + "x" + grid.gridSize() + " grid; "
                + steps + " Adam steps: ");
        for (int j = 0; j < 6; j++) {
            result.append(j == 0 ? "" : "; ").append(names[j]).append(' ')
                    .append(Numbers.sig4((terms[j][0]))).append(" -> ")
                    .append(Numbers.sig4((terms[j][rows - 1])));
        }
        return List.of(new Finding(6, "a detection loss and its terms (YOLO)",
                result.toString(), List.of(name)));
    }

    /** One to three objects per image, in distinct cells, inside the image. */
    static List<List<GroundTruthBox>> boxes(YoloGrid grid, int images, SplittableRandom random) {
        int s = grid.gridSize();
        List<List<GroundTruthBox>> all = new ArrayList<>();
        for (int n = 0; n < images; n++) {
            List<GroundTruthBox> image = new ArrayList<>();
            List<Integer> used = new ArrayList<>();
            int count = 1 + random.nextInt(Math.min(3, s * s));
            while (image.size() < count) {
                int cell = random.nextInt(s * s);
                if (used.contains(cell)) {
                    continue;
                }
                used.add(cell);
                double cx = (cell % s + random.nextDouble(0.2, 0.8)) / s;
                double cy = (cell / s + random.nextDouble(0.2, 0.8)) / s;
                double w = Math.min(2 * Math.min(cx, 1 - cx), random.nextDouble(0.1, 0.5));
                double h = Math.min(2 * Math.min(cy, 1 - cy), random.nextDouble(0.1, 0.5));
                image.add(new GroundTruthBox(random.nextInt(grid.classes()), cx, cy, w, h));
            }
            all.add(image);
        }
        return all;
    }

}
