package dev.optim.examples.tour;

import dev.optim.core.Optimizer;
import dev.optim.core.batch.BatchOrder;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.train.Evaluation;
import dev.optim.core.train.Trainer;
import dev.optim.core.train.TrainingResult;
import dev.optim.examples.plot.LineChart;
import dev.optim.examples.train.Datasets;
import dev.optim.examples.train.LabelledData;
import dev.optim.nn.Activation;
import dev.optim.nn.Mlp;
import dev.optim.nn.SameDiffObjective;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Point 8: the optimizers on a real network. The same MLP (2 → 16 tanh → 16 tanh → 2, softmax
 * cross-entropy, the same initial weights) is trained on two interleaved spirals by GD
 * (mini-batch SGD), Momentum, RMSprop and Adam with the same batches; the picture shows the
 * training loss per epoch, the legend each optimizer's accuracy on held-out points.
 */
final class NetworkTraining implements TourStep {

    @Override
    public String title() {
        return "GD, Momentum, RMSprop and Adam training an MLP";
    }

    @Override
    public List<Finding> run(TourContext ctx) throws IOException {
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("GD", Sgd.of(0.3));
        optimizers.put("Momentum", Momentum.builder().learningRate(0.05).momentum(0.9).build());
        optimizers.put("RMSprop", RmsProp.builder().learningRate(0.01).build());
        optimizers.put("Adam", Adam.builder().learningRate(0.02).build());
        LabelledData[] parts = Datasets.spirals(400, 0.1, ctx.settings().seed()).split(0.25, 1);
        INDArray x = matrix(parts[0]);
        INDArray xTest = matrix(parts[1]);
        int epochs = ctx.settings().pick(40, 3);
        LineChart.Builder chart = LineChart.builder("One MLP, four optimizers (two spirals)",
                "epoch", "training loss (cross-entropy)").logY(true)
                .subtitle("2-16-16-2 tanh MLP, same initial weights and batches of 30; legend:"
                        + " accuracy on 100 held-out points");
        StringBuilder result = new StringBuilder("held-out accuracy after " + epochs + " epochs: ");
        for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
            Mlp mlp = Mlp.builder(2).dense(16, Activation.TANH).dense(16, Activation.TANH)
                    .softmaxCrossEntropy(2).dataType(DataType.DOUBLE).seed(5).build();
            SameDiffObjective f = mlp.classification(x, parts[0].labels());
            double[] xs = new double[epochs + 1];
            double[] ys = new double[epochs + 1];
            xs[0] = 0;
            ys[0] = f.value(f.parameters());
            int[] k = {1};
            TrainingResult r = Trainer.builder(e.getValue())
                    .batchPlan(BatchPlan.of(30).withOrder(BatchOrder.SHUFFLED).withSeed(9))
                    .epochs(epochs).listener((Evaluation ev) -> {
                        xs[k[0]] = ev.epoch();
                        ys[k[0]++] = ev.trainLoss();
                    }).build().run(f, f.parameters());
            double acc = mlp.accuracy(xTest, parts[1].labels());
            chart.series(String.format(Locale.ROOT, "%s (%.0f%%)", e.getKey(), 100 * acc), xs, ys);
            result.append(String.format(Locale.ROOT, "%s %.0f%% (loss %.3f), ", e.getKey(),
                    100 * acc, r.last().trainLoss()));
        }
        result.setLength(result.length() - 2);
        String name = ctx.png("8-mlp-optimizers.png", chart.build());
        return List.of(new Finding(8, "optimizers on a network", result.toString(),
                List.of(name)));
    }

    private static INDArray matrix(LabelledData d) {
        return Nd4j.createFromArray(d.features()).castTo(DataType.DOUBLE);
    }
}
