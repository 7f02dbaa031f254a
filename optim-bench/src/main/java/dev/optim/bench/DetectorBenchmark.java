package dev.optim.bench;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.optimizer.Adam;
import dev.optim.losses.yolo.Scene;
import dev.optim.losses.yolo.SyntheticScenes;
import dev.optim.losses.yolo.YoloGrid;
import dev.optim.losses.yolo.YoloLoss;
import dev.optim.losses.yolo.YoloLossGraph;
import dev.optim.nn.SameDiffObjective;
import dev.optim.nn.detect.Detector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The YOLO detector of issue 15 ({@link Detector}, float32) on one batch of {@code batch}
 * generated scenes ({@link SyntheticScenes}: {@code imageSize}² pixels, 0–4 objects, noise 0.1,
 * seed 42), and the YOLO loss's share of its training step. Six rows, all on the same batch and
 * the same network, so their ratios come from one run:
 *
 * <pre>
 *   step          objective.evaluate(θ, g) + Adam.step(θ, g)    forward + backward + update
 *   gradient      objective.evaluate(θ, g)                      forward + backward (incl. loss)
 *   forward       graph.output(image → "output")                the network alone, no loss
 *   forwardLoss   graph.output(image, target → "yolo_total")    the network and the loss
 *   lossGraph     YoloLossGraph alone: L and ∂L/∂P              on P = the network's output
 *   lossHost      YoloLoss.valueAndGradient(P, T, ∂L/∂P)        the same, on the host
 * </pre>
 *
 * <p>How to read them. The update's share of a step is {@code (step − gradient) / step}. The
 * loss is measured twice, because no single number isolates it inside one fused graph run:
 * <ul>
 *   <li>its forward share, {@code (forwardLoss − forward) / step}: what adding the loss's ops to
 *       the network's forward pass costs (the same graph, the same feeds; the difference is only
 *       the loss ops and the target placeholder);
 *   <li>its forward-and-backward cost, {@code lossGraph / step}: the loss's ops and their
 *       gradient run in a graph of their own, on a fixed prediction tensor {@code P} (the
 *       network's output on this batch at the initial weights, held as a variable so that
 *       SameDiff differentiates it) and the batch's targets {@code T}. The ops and the data are
 *       those of the loss inside {@code gradient}; the standalone graph pays a graph run's fixed
 *       cost (session, placeholder checks, gradient arrays handed back) once more, which the
 *       full graph shares between network and loss, so this estimate errs high by that cost.
 * </ul>
 * The SameDiff loss against the host loss is {@code lossGraph / lossHost}: the same value and
 * gradient (they agree to 1e-12 in float64; the tests of optim-losses check it), one in graph
 * ops, the other copying {@code P} and {@code T} to {@code double[]} and the gradient back.
 *
 * <p>The architecture is a parameter: {@code channels} is the comma-separated list of
 * {@link Detector.Builder#channels(int...)}, one entry per 3×3 block with max-pooling (the
 * builder's default layout), and {@code imageSize = gridSize · 2^blocks}; or {@value #RECIPE},
 * the network that {@code optim detect} trains (a space-to-depth stem of 2, strided blocks of
 * 32, 64 and 64 channels, one grid layer of 64, confidence prior 0.05; {@code imageSize =
 * gridSize · 16}). Adam (lr 1e-3) drifts the weights across
 * invocations of {@code step}; the work of a step does not depend on their values (the loss's
 * responsible-box choice is a handful of comparisons per cell). The setup builds both graphs'
 * gradient functions (SameDiff does it on the first gradient call, which costs seconds), so no
 * row measures that. Every row allocates: SameDiff hands back new output and gradient arrays
 * per run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class DetectorBenchmark {
    /** Made by JMH. */
    public DetectorBenchmark() {}

    /** The scenes per batch. */
    @Param({"32"})
    public int batch;
    /** The images' width and height in pixels. */
    @Param({"64"})
    public int imageSize;
    /** The grid size {@code S}. */
    @Param({"4"})
    public int gridSize;
    /** The boxes per cell {@code B}. */
    @Param({"2"})
    public int boxes;
    /** The output channels of the 3×3 blocks, comma-separated. */
    @Param({"16,32,64,64", RECIPE})
    public String channels;

    /** The {@code channels} value that stands for {@code optim detect}'s network. */
    public static final String RECIPE = "recipe";

    Detector detector;
    SameDiffObjective objective;
    Optimizer adam;
    OptimizerState state;
    INDArray theta;
    INDArray gradient;
    Map<String, INDArray> imageFeed;
    Map<String, INDArray> fullFeed;
    String lossName;
    INDArray predictions;
    INDArray targets;
    INDArray hostGradient;
    YoloLoss loss;
    SameDiff lossGraph;
    Map<String, INDArray> lossFeed;
    List<String> lossOutputs;
    List<String> lossWrt;

    /** Parses {@code channels}. */
    static int[] channels(String list) {
        String[] parts = list.split(",");
        int[] c = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                c[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("channels must be comma-separated integers, got '"
                        + list + "'", e);
            }
        }
        return c;
    }

    /** Builds the detector, the batch, Adam's state and the standalone loss graph. */
    @Setup(Level.Trial)
    public void make() {
        YoloGrid grid = new YoloGrid(gridSize, boxes, SyntheticScenes.CLASSES);
        Detector.Builder builder = Detector.builder(grid, imageSize).seed(1);
        if (channels.equals(RECIPE)) {
            builder.spaceToDepth(2).downsampling(Detector.Downsampling.STRIDED).channels(32, 64, 64)
                    .gridLayers(64).confidencePrior(0.05);
        } else {
            builder.channels(channels(channels));
        }
        detector = builder.build();
        int maxObjects = Math.min(4, gridSize * gridSize);
        List<Scene> scenes = new SyntheticScenes(imageSize, maxObjects, gridSize, 0.1,
                Workload.SEED).scenes(0, batch);
        objective = detector.objective(scenes);
        theta = objective.parameters();
        gradient = theta.like();
        adam = Adam.builder().learningRate(1e-3).build();
        state = adam.init(theta);
        INDArray images = detector.images(scenes);
        targets = detector.targets(scenes);
        imageFeed = Map.of(Detector.IMAGE, images);
        fullFeed = Map.of(Detector.IMAGE, images, Detector.TARGET, targets);
        lossName = detector.terms().total().name();

        loss = detector.loss();
        predictions = detector.predict(images).dup();
        hostGradient = predictions.like();
        lossGraph = SameDiff.create();
        SDVariable p = lossGraph.var("predictions", predictions.dup());
        SDVariable t = lossGraph.placeHolder("target", DataType.FLOAT, -1, gridSize, gridSize,
                grid.targetDepth());
        YoloLossGraph.Terms terms = new YoloLossGraph(loss).define(lossGraph, p, t);
        lossGraph.setLossVariables(terms.total());
        lossFeed = Map.of("target", targets);
        lossOutputs = List.of(terms.total().name());
        lossWrt = List.of("predictions");
        // SameDiff builds each graph's gradient function on its first gradient call (a second
        // or more): done here, so that no row measures it even without warm-up.
        objective.evaluate(theta, gradient);
        lossGraph();
    }

    /**
     * One training step: forward, backward (the loss included), Adam's update of θ in place.
     *
     * @return Adam's state
     */
    @Benchmark
    public OptimizerState step() {
        objective.evaluate(theta, gradient);
        adam.step(theta, gradient, state);
        return state;
    }

    /**
     * Forward and backward, the loss included, without the update.
     *
     * @return the loss
     */
    @Benchmark
    public double gradient() {
        return objective.evaluate(theta, gradient);
    }

    /**
     * The network's forward pass alone, to its output.
     *
     * @return the output
     */
    @Benchmark
    public INDArray forward() {
        return detector.graph().output(imageFeed, Detector.OUTPUT).get(Detector.OUTPUT);
    }

    /**
     * The network's forward pass and the loss.
     *
     * @return the loss
     */
    @Benchmark
    public INDArray forwardLoss() {
        return detector.graph().output(fullFeed, lossName).get(lossName);
    }

    /**
     * {@link YoloLossGraph} alone: the loss and its gradient with respect to the predictions.
     *
     * @return the loss and gradient
     */
    @Benchmark
    public OutAndGrad lossGraph() {
        return lossGraph.calculateGradientsAndOutputs(lossFeed, lossOutputs, lossWrt);
    }

    /**
     * {@link YoloLoss} on the host: the loss and its gradient with respect to the predictions.
     *
     * @return the loss
     */
    @Benchmark
    public double lossHost() {
        return loss.valueAndGradient(predictions, targets, hostGradient);
    }
}
