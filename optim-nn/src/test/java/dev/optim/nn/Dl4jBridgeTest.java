package dev.optim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.schedule.Schedules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Optim's optimizers inside DL4J and SameDiff training. */
class Dl4jBridgeTest {

    private static final Optimizer ADAM =
            Adam.builder().learningRate(Schedules.stepDecay(0.02, 3, 0.5)).build();

    private static DataSet data() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 16, 4).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 16, 3);
        for (int i = 0; i < 16; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        return new DataSet(x, y);
    }

    private static MultiLayerConfiguration conf(IUpdater updater) {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(updater).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6)
                        .activation(org.nd4j.linalg.activations.Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(3)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .build();
    }

    @Test
    void aMultiLayerNetworkFollowsOptimsOwnStepBitForBit() {
        DataSet ds = data();
        MultiLayerNetwork net = new MultiLayerNetwork(conf(OptimUpdater.of(ADAM)));
        net.init();
        MultiLayerNetwork ref = new MultiLayerNetwork(conf(OptimUpdater.of(ADAM)));
        ref.init();
        assertEquals(ref.params(), net.params());
        INDArray refParams = ref.params();
        OptimizerState state = ADAM.init(refParams);
        for (int k = 0; k < 8; k++) {
            // Optim's own step on DL4J's gradient at the same parameters.
            ref.setInput(ds.getFeatures());
            ref.setLabels(ds.getLabels());
            ref.computeGradientAndScore();
            // DL4J divides the summed gradient by the mini-batch size before its updater.
            INDArray g = ref.getFlattenedGradients().dup().reshape(refParams.shape())
                    .divi(ds.numExamples());
            ADAM.step(refParams, g, state);
            net.fit(ds);
            assertEquals(refParams, net.params(), "after step " + (k + 1));
        }
    }

    @Test
    void theConfigurationRoundTripsThroughJsonAndTheModelResumesBitForBit() throws IOException {
        MultiLayerConfiguration c = conf(OptimUpdater.of(ADAM));
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(c.toJson());
        assertEquals(c, back);
        assertTrue(c.toJson().contains("OptimUpdater"), c.toJson());

        DataSet ds = data();
        MultiLayerNetwork straight = new MultiLayerNetwork(conf(OptimUpdater.of(ADAM)));
        straight.init();
        MultiLayerNetwork first = new MultiLayerNetwork(conf(OptimUpdater.of(ADAM)));
        first.init();
        for (int k = 0; k < 4; k++) {
            straight.fit(ds);
            first.fit(ds);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(first, bytes, true);
        MultiLayerNetwork resumed = ModelSerializer.restoreMultiLayerNetwork(
                new ByteArrayInputStream(bytes.toByteArray()), true);
        assertEquals(straight.getUpdater().getStateViewArray(),
                resumed.getUpdater().getStateViewArray());
        for (int k = 0; k < 4; k++) {
            straight.fit(ds);
            resumed.fit(ds);
        }
        assertEquals(straight.params(), resumed.params());
        // Without the updater state the run would differ: the test can fail.
        MultiLayerNetwork fresh = ModelSerializer.restoreMultiLayerNetwork(
                new ByteArrayInputStream(bytes.toByteArray()), false);
        fresh.fit(ds);
        MultiLayerNetwork once = ModelSerializer.restoreMultiLayerNetwork(
                new ByteArrayInputStream(bytes.toByteArray()), true);
        once.fit(ds);
        assertNotEquals(once.params(), fresh.params());
    }

    @Test
    void aComputationGraphTrainsWithItAsWithNd4jsOwnSgd() {
        DataSet ds = data();
        ComputationGraph optim = graph(OptimUpdater.of(Sgd.builder().learningRate(0.1).build()));
        ComputationGraph nd4j = graph(new org.nd4j.linalg.learning.config.Sgd(0.1));
        for (int k = 0; k < 5; k++) {
            optim.fit(ds);
            nd4j.fit(ds);
        }
        assertEquals(nd4j.params(), optim.params());
    }

    private static ComputationGraph graph(IUpdater updater) {
        ComputationGraphConfiguration c = new NeuralNetConfiguration.Builder().seed(7)
                .dataType(DataType.DOUBLE).updater(updater).graphBuilder().addInputs("in")
                .addLayer("h", new DenseLayer.Builder().nIn(4).nOut(6)
                        .activation(org.nd4j.linalg.activations.Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(6).nOut(3).activation(org.nd4j.linalg.activations.Activation.SOFTMAX)
                        .build(), "h")
                .setOutputs("out").build();
        ComputationGraph g = new ComputationGraph(c);
        g.init();
        return g;
    }

    @Test
    void sameDiffTrainingWithTheUpdaterFollowsOptimsTrainer() {
        DataSet ds = data();
        Mlp a = Mlp.builder(4).dense(6, Activation.TANH).softmaxCrossEntropy(3)
                .dataType(DataType.DOUBLE).seed(2).build();
        Mlp b = Mlp.builder(4).dense(6, Activation.TANH).softmaxCrossEntropy(3)
                .dataType(DataType.DOUBLE).seed(2).build();
        SameDiff sd = a.graph();
        sd.setTrainingConfig(TrainingConfig.builder().updater(OptimUpdater.of(ADAM))
                .dataSetFeatureMapping(Mlp.INPUT).dataSetLabelMapping(Mlp.LABEL).build());
        SameDiffObjective f = b.objective(ds.getFeatures(), ds.getLabels());
        INDArray theta = f.parameters();
        INDArray grad = theta.like();
        OptimizerState state = ADAM.init(theta);
        for (int k = 0; k < 5; k++) {
            sd.fit(ds);
            f.evaluate(theta, grad);
            ADAM.step(theta, grad, state);
        }
        Map<String, INDArray> mine = Map.of("w1", b.graph().getVariable("w1").getArr());
        INDArray got = a.graph().getVariable("w1").getArr();
        double worst = 0;
        for (int i = 0; i < got.length(); i++) {
            double r = got.reshape(got.length()).getDouble(i);
            double e = mine.get("w1").reshape(got.length()).getDouble(i);
            worst = Math.max(worst, Math.abs(r - e) / Math.max(Math.abs(e), 1e-300));
        }
        assertTrue(worst <= 1e-12, "SameDiff with OptimUpdater vs Optim: " + worst);
        assertEquals(a.parameters(), b.parameters());
    }
}
