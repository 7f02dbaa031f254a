package dev.optim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Clipping;
import dev.optim.core.BaseOptimizer;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.params.ParameterSet;
import dev.optim.core.params.ParameterSetOptimizer;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.schedule.Schedules;
import dev.optim.core.train.Trainer;
import dev.optim.core.train.TrainingResult;
import dev.optim.core.train.TrainingStop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-hidden-layer MLP trained by Optim through the SameDiff objective and the Trainer, step by
 * step against PyTorch 1.13 (torch.nn + torch.optim, tools/fixtures/nn_parity.py): every step's
 * mini-batch loss and the final weights.
 */
class TorchParityTest {

    private static final double CLIP = 0.5;
    private static final double WD = 1e-3;

    static Map<String, double[]> fixture(String dtype) throws IOException {
        Map<String, double[]> out = new HashMap<>();
        try (InputStream in = TorchParityTest.class.getResourceAsStream("mlp-parity-" + dtype + ".txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                double[] v = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = Double.parseDouble(f[i]);
                }
                out.put(f[0], v);
            }
        }
        return out;
    }

    static BaseOptimizer optimizer(String name) {
        Clipping clip = Clipping.byGlobalNorm(CLIP);
        return switch (name) {
            case "sgd" -> Sgd.builder().learningRate(Schedules.stepDecay(0.2, 25, 0.5))
                    .weightDecay(WD).clipping(clip).build();
            case "momentum-heavy-ball" -> Momentum.builder().form(Momentum.Form.HEAVY_BALL)
                    .momentum(0.9).learningRate(Schedules.stepDecay(0.05, 30, 0.5))
                    .weightDecay(WD).clipping(clip).build();
            case "momentum-nesterov" -> Momentum.builder().form(Momentum.Form.NESTEROV)
                    .momentum(0.9).learningRate(Schedules.exponentialDecay(0.05, 0.99))
                    .weightDecay(WD).clipping(clip).build();
            case "momentum-ema" -> Momentum.builder().form(Momentum.Form.EMA).momentum(0.9)
                    .learningRate(Schedules.stepDecay(0.3, 25, 0.5)).weightDecay(WD)
                    .clipping(clip).build();
            case "rmsprop" -> RmsProp.builder().rho(0.9).epsilon(1e-8)
                    .learningRate(Schedules.stepDecay(0.01, 40, 0.5)).weightDecay(WD)
                    .clipping(clip).build();
            case "adam-torchclip" -> Adam.builder().beta1(0.9).beta2(0.999).epsilon(1e-8)
                    .learningRate(Schedules.exponentialDecay(0.02, 0.98)).weightDecay(WD)
                    .clipping(Clipping.byGlobalNormPyTorch(CLIP)).build();
            case "adam" -> Adam.builder().beta1(0.9).beta2(0.999).epsilon(1e-8)
                    .learningRate(Schedules.exponentialDecay(0.02, 0.98)).weightDecay(WD)
                    .clipping(clip).build();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** max_i |a_i − b_i| / max(|b_i|, 1e-3·max|b|): element-wise, small elements floored. */
    static double maxRelative(double[] a, double[] b) {
        double scale = Arrays.stream(b).map(Math::abs).max().orElse(1) * 1e-3;
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), scale));
        }
        return worst;
    }

    /** max_i |a_i − b_i| / max_i |b_i|: the error relative to the weights' scale. */
    static double normRelative(double[] a, double[] b) {
        double scale = Arrays.stream(b).map(Math::abs).max().orElse(1);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst / scale;
    }

    @ParameterizedTest
    @CsvSource({
        "sgd, float64, 1e-10", "momentum-heavy-ball, float64, 1e-10",
        "momentum-nesterov, float64, 1e-10", "momentum-ema, float64, 1e-10",
        "rmsprop, float64, 1e-10", "adam, float64, 1e-10",
        "sgd, float32, 1e-5", "momentum-heavy-ball, float32, 1e-5",
        "momentum-nesterov, float32, 1e-5", "momentum-ema, float32, 1e-5",
        "rmsprop, float32, 1e-5", "adam, float32, 1e-5"})
    void hundredStepsEqualPyTorch(String name, String dtype, double tolerance) throws IOException {
        Map<String, double[]> fx = fixture(dtype);
        DataType type = dtype.equals("float64") ? DataType.DOUBLE : DataType.FLOAT;
        Mlp mlp = Mlp.builder(4).dense(8, Activation.TANH).dense(8, Activation.RELU)
                .softmaxCrossEntropy(3).dataType(type).build();
        double[] xs = fx.get("x");
        INDArray x = Nd4j.createFromArray(xs).reshape(xs.length / 4, 4).castTo(type);
        int[] y = Arrays.stream(fx.get("y")).mapToInt(v -> (int) v).toArray();
        SameDiffObjective f = mlp.classification(x, y);
        INDArray theta = f.parameters();
        theta.assign(Nd4j.createFromArray(fx.get("init")).castTo(type));

        List<Double> losses = new ArrayList<>();
        TrainingResult r = Trainer.builder(optimizer(name)).batchPlan(BatchPlan.of(8))
                .epochs(1000).maxSteps(100).evaluateEvery(1).fullLoss(false)
                .listener(e -> losses.add(e.runningLoss())).build().run(f, theta);
        assertEquals(TrainingStop.COMPLETED, r.stop());
        assertEquals(100, losses.size());
        double[] lossRef = fx.get(name + ".loss");
        double lossErr = maxRelative(losses.stream().mapToDouble(Double::doubleValue).toArray(), lossRef);
        double[] w = theta.toDoubleVector();
        double[] wRef = fx.get(name + ".final");
        // float64: element-wise; float32: relative to the weights' largest magnitude (float32
        // round-off in a weight near zero is not small relative to that weight).
        double weightErr = type == DataType.DOUBLE ? maxRelative(w, wRef) : normRelative(w, wRef);
        System.out.printf("parity %s %s: max relative error, losses %.3g, final weights %.3g"
                + " (element-wise %.3g)%n", name, dtype, lossErr, weightErr, maxRelative(w, wRef));
        assertTrue(lossErr <= tolerance, name + " losses off by " + lossErr);
        assertTrue(weightErr <= tolerance, name + " weights off by " + weightErr);
        // The run went somewhere: the loss fell.
        assertTrue(losses.get(99) < 0.7 * losses.get(0));
    }

    /**
     * The same network as a parameter set stepped by a ParameterSetOptimizer (clipping over the
     * whole set, PyTorch's clip_grad_norm_ form for "adam-torchclip"), through the Trainer.
     */
    @ParameterizedTest
    @CsvSource({"adam, float64, 1e-10", "adam-torchclip, float64, 1e-10",
        "momentum-nesterov, float64, 1e-10", "adam-torchclip, float32, 1e-5"})
    void theParameterSetPathEqualsPyTorch(String name, String dtype, double tolerance)
            throws IOException {
        Map<String, double[]> fx = fixture(dtype);
        DataType type = dtype.equals("float64") ? DataType.DOUBLE : DataType.FLOAT;
        Mlp mlp = Mlp.builder(4).dense(8, Activation.TANH).dense(8, Activation.RELU)
                .softmaxCrossEntropy(3).dataType(type).build();
        double[] xs = fx.get("x");
        INDArray x = Nd4j.createFromArray(xs).reshape(xs.length / 4, 4).castTo(type);
        int[] y = Arrays.stream(fx.get("y")).mapToInt(v -> (int) v).toArray();
        SameDiffObjective f = mlp.classification(x, y);
        ParameterSet set = f.parameterSet();
        assertEquals(List.of("w1", "b1", "w2", "b2", "wOut", "bOut"), set.names());
        set.flatView().assign(Nd4j.createFromArray(fx.get("init")).castTo(type).reshape(1, -1));
        assertEquals(fx.get("init")[0], mlp.graph().getVariable("w1").getArr().getDouble(0, 0),
                1e-7);
        List<Double> losses = new ArrayList<>();
        TrainingResult r = Trainer.builder(ParameterSetOptimizer.of(optimizer(name)))
                .batchPlan(BatchPlan.of(8)).epochs(1000).maxSteps(100).evaluateEvery(1)
                .fullLoss(false).listener(e -> losses.add(e.runningLoss())).build().run(f, set);
        assertEquals(100, r.steps());
        double lossErr = maxRelative(losses.stream().mapToDouble(Double::doubleValue).toArray(),
                fx.get(name + ".loss"));
        double[] w = set.flatView().toDoubleVector();
        double[] wRef = fx.get(name + ".final");
        double weightErr = type == DataType.DOUBLE ? maxRelative(w, wRef) : normRelative(w, wRef);
        System.out.printf("parity (set) %s %s: max relative error, losses %.3g, final weights %.3g%n",
                name, dtype, lossErr, weightErr);
        assertTrue(lossErr <= tolerance, name + " losses off by " + lossErr);
        assertTrue(weightErr <= tolerance, name + " weights off by " + weightErr);
    }
}
