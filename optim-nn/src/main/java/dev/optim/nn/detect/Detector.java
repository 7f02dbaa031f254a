package dev.optim.nn.detect;

import dev.optim.losses.yolo.Detection;
import dev.optim.losses.yolo.Scene;
import dev.optim.losses.yolo.YoloDecoder;
import dev.optim.losses.yolo.YoloGrid;
import dev.optim.losses.yolo.YoloLoss;
import dev.optim.losses.yolo.YoloLossGraph;
import dev.optim.losses.yolo.YoloTargetEncoder;
import dev.optim.nn.SameDiffObjective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small convolutional YOLO v1 detector: {@code k} blocks of a 3×3 convolution (same padding),
 * a leaky ReLU (slope 0.1, the paper's) and a 2×2 max-pooling take a
 * {@code size × size × 3} image (NHWC) down to the {@code S × S} grid
 * ({@code size = S·2^k}); a 1×1 convolution to {@code B·5 + C} channels and a logistic sigmoid
 * give the predictions in {@link YoloGrid}'s layout, {@code [N, S, S, B·5 + C]}, each in
 * {@code (0, 1)}; the loss is {@link YoloLossGraph}, the YOLO loss as graph ops.
 *
 * <pre>
 *   h₀ = image;  hₗ = maxpool₂(leaky₀.₁(conv₃ₓ₃(hₗ₋₁; Wₗ) + bₗ))   (l = 1 … k)
 *   output = σ(conv₁ₓ₁(h_k; W_out) + b_out)                        ("output")
 *   loss = YOLO(output, target)                                    ("yolo_total")
 * </pre>
 *
 * <p>Weights are drawn from {@code U(−√(6/fan_in), √(6/fan_in))} (He's uniform), biases are 0,
 * from a seeded generator. Placeholders {@code "image"} {@code [N, size, size, 3]} and
 * {@code "target"} {@code [N, S, S, 5 + C]}. The trainable variables are moved into one flat
 * vector by {@link SameDiffObjective}, so any Optim optimizer trains the network in place.
 *
 * <pre>{@code
 * Detector det = Detector.builder(new YoloGrid(4, 2, 2), 64).channels(16, 32, 64, 64).build();
 * SameDiffObjective train = det.objective(trainScenes);
 * Trainer.builder(adam).batchPlan(BatchPlan.of(32)).epochs(10).build()
 *         .run(train, train.parameters());
 * List<List<Detection>> found = det.detect(testScenes, 0.2, 0.5);
 * }</pre>
 */
public final class Detector {

    /** The image placeholder's name. */
    public static final String IMAGE = "image";
    /** The target placeholder's name. */
    public static final String TARGET = "target";
    /** The output variable's name. */
    public static final String OUTPUT = "output";

    private final YoloGrid grid;
    private final YoloLoss loss;
    private final int size;
    private final DataType dataType;
    private final SameDiff sd;
    private final YoloLossGraph.Terms terms;
    private final List<Integer> channels;
    private SameDiffObjective objective;

    private Detector(Builder b) {
        this.grid = b.grid;
        this.loss = b.loss;
        this.size = b.size;
        this.dataType = b.dataType;
        this.channels = List.copyOf(b.channels);
        this.sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(b.seed);
        SDVariable h = sd.placeHolder(IMAGE, dataType, -1, size, size, 3);
        int in = 3;
        for (int l = 0; l < channels.size(); l++) {
            int out = channels.get(l);
            SDVariable w = sd.var("w" + (l + 1), heUniform(random, 9 * in, 3, 3, in, out));
            SDVariable bias = sd.var("b" + (l + 1), Nd4j.zeros(dataType, out));
            SDVariable z = sd.cnn.conv2d(h, w, bias, Conv2DConfig.builder().kH(3).kW(3).sH(1)
                    .sW(1).paddingMode(PaddingMode.SAME).dataFormat("NHWC").build());
            SDVariable a = sd.nn.leakyRelu(z, 0.1);
            h = sd.cnn.maxPooling2d(a, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                    .isNHWC(true).build());
            in = out;
        }
        int depth = grid.predictionDepth();
        SDVariable wOut = sd.var("wOut", heUniform(random, in, 1, 1, in, depth));
        SDVariable bOut = sd.var("bOut", Nd4j.zeros(dataType, depth));
        SDVariable logits = sd.cnn.conv2d(h, wOut, bOut, Conv2DConfig.builder().kH(1).kW(1)
                .sH(1).sW(1).paddingMode(PaddingMode.VALID).dataFormat("NHWC").build());
        SDVariable output = sd.nn.sigmoid(OUTPUT, logits);
        SDVariable target = sd.placeHolder(TARGET, dataType, -1, grid.gridSize(),
                grid.gridSize(), grid.targetDepth());
        this.terms = new YoloLossGraph(loss).define(sd, output, target);
        sd.setLossVariables(terms.total());
    }

    private INDArray heUniform(SplittableRandom random, int fanIn, long... shape) {
        double bound = Math.sqrt(6.0 / fanIn);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (2 * random.nextDouble() - 1) * bound;
        }
        return Nd4j.createFromArray(v).castTo(dataType).reshape('c', shape);
    }

    /**
     * A builder for a detector on the given grid and square images of {@code size} pixels.
     *
     * @param grid the grid geometry ({@code S, B, C})
     * @param size the images' width and height, {@code S·2^k} for the {@code k} blocks
     * @return a new builder
     * @throws IllegalArgumentException if {@code grid} is null or {@code size < 1}
     */
    public static Builder builder(YoloGrid grid, int size) {
        if (grid == null) {
            throw new IllegalArgumentException("grid must not be null");
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        return new Builder(grid, size);
    }

    /**
     * The graph.
     *
     * @return the SameDiff graph
     */
    public SameDiff graph() {
        return sd;
    }

    /**
     * The grid geometry.
     *
     * @return the grid
     */
    public YoloGrid grid() {
        return grid;
    }

    /**
     * The loss configuration the graph follows.
     *
     * @return the loss
     */
    public YoloLoss loss() {
        return loss;
    }

    /**
     * The variables of the loss's five terms and their sum.
     *
     * @return the terms
     */
    public YoloLossGraph.Terms terms() {
        return terms;
    }

    /**
     * The objective over this network's parameters on the given scenes; the first call fixes
     * the flat parameter vector, later calls share it.
     *
     * @param scenes the training (or validation) scenes, of this detector's size
     * @return the objective
     * @throws IllegalArgumentException if a scene has another size, not 3 channels, or boxes
     *     that do not fit the grid (two centres in one cell)
     */
    public SameDiffObjective objective(List<Scene> scenes) {
        Map<String, INDArray> feeds = Map.of(IMAGE, images(scenes), TARGET, targets(scenes));
        if (objective == null) {
            objective = SameDiffObjective.builder(sd).loss(terms.total().name())
                    .feed(IMAGE, feeds.get(IMAGE)).feed(TARGET, feeds.get(TARGET)).build();
            return objective;
        }
        return objective.withData(feeds);
    }

    /**
     * The network's predictions.
     *
     * @param images {@code [N, size, size, 3]} in this detector's data type
     * @return {@code [N, S, S, B·5 + C]}
     * @throws IllegalArgumentException if {@code images} has the wrong shape
     */
    public INDArray predict(INDArray images) {
        long[] s = images == null ? null : images.shape();
        if (s == null || s.length != 4 || s[1] != size || s[2] != size || s[3] != 3) {
            throw new IllegalArgumentException("images must have shape [N, " + size + ", " + size
                    + ", 3], got " + (s == null ? "null" : java.util.Arrays.toString(s)));
        }
        return sd.output(Map.of(IMAGE, images.castTo(dataType)), OUTPUT).get(OUTPUT);
    }

    /**
     * Detects objects in scenes: predictions in batches of 64, decoded by {@link YoloDecoder}.
     *
     * @param scenes the scenes
     * @param scoreThreshold the lowest class-specific score kept
     * @param nmsIou the non-maximum suppression overlap
     * @return the detections of each scene
     */
    public List<List<Detection>> detect(List<Scene> scenes, double scoreThreshold,
            double nmsIou) {
        YoloDecoder decoder = new YoloDecoder(grid, loss.sizeMode(), scoreThreshold, nmsIou);
        List<List<Detection>> out = new ArrayList<>(scenes.size());
        for (int from = 0; from < scenes.size(); from += 64) {
            List<Scene> part = scenes.subList(from, Math.min(scenes.size(), from + 64));
            out.addAll(decoder.decode(predict(images(part))));
        }
        return out;
    }

    /**
     * The scenes' pixels as one NHWC tensor.
     *
     * @param scenes the scenes, of this detector's size and 3 channels
     * @return {@code [N, size, size, 3]} in this detector's data type
     * @throws IllegalArgumentException if a scene does not fit
     */
    public INDArray images(List<Scene> scenes) {
        if (scenes == null || scenes.isEmpty()) {
            throw new IllegalArgumentException("scenes must not be null or empty");
        }
        long values = (long) scenes.size() * size * size * 3;
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("scenes must hold at most " + (Integer.MAX_VALUE - 8)
                    + " pixel values at once, got " + scenes.size() + " scenes of " + size + "×"
                    + size + "×3 = " + values + ": pass them in parts");
        }
        float[] px = new float[(int) values];
        for (int i = 0; i < scenes.size(); i++) {
            Scene s = scenes.get(i);
            if (s.size() != size || s.channels() != 3) {
                throw new IllegalArgumentException("scene " + i + " must be " + size + "×" + size
                        + " with 3 channels, got " + s.size() + "×" + s.size() + " with "
                        + s.channels());
            }
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    for (int c = 0; c < 3; c++) {
                        px[((i * size + y) * size + x) * 3 + c] = s.pixel(c, y, x);
                    }
                }
            }
        }
        return Nd4j.create(px, new long[] {scenes.size(), size, size, 3}, 'c').castTo(dataType);
    }

    /**
     * The scenes' ground truth as YOLO targets ({@link YoloTargetEncoder}, refusing two centres
     * in one cell).
     *
     * @param scenes the scenes
     * @return {@code [N, S, S, 5 + C]} in this detector's data type
     */
    public INDArray targets(List<Scene> scenes) {
        List<List<dev.optim.losses.yolo.GroundTruthBox>> boxes = new ArrayList<>();
        for (Scene s : scenes) {
            boxes.add(s.objects());
        }
        return new YoloTargetEncoder(grid).encode(boxes).castTo(dataType);
    }

    @Override
    public String toString() {
        return "Detector{grid=" + grid + ", size=" + size + ", channels=" + channels + ", "
                + dataType + ", loss=" + loss + "}";
    }

    /** Builds a {@link Detector}; every setter validates its argument. */
    public static final class Builder {
        private final YoloGrid grid;
        private final int size;
        private YoloLoss loss;
        private List<Integer> channels = List.of();
        private DataType dataType = DataType.FLOAT;
        private long seed;

        private Builder(YoloGrid grid, int size) {
            this.grid = grid;
            this.size = size;
            this.loss = YoloLoss.of(grid);
        }

        /**
         * The output channels of the convolution blocks, one per block (each block halves the
         * image); {@code size / 2^blocks} must equal the grid size.
         *
         * @param perBlock the channels, each in {@code [1, 4096]}
         * @return this builder
         * @throws IllegalArgumentException if a count is out of range
         */
        public Builder channels(int... perBlock) {
            List<Integer> list = new ArrayList<>();
            for (int c : perBlock) {
                if (c < 1 || c > 4096) {
                    throw new IllegalArgumentException("channels must be in [1, 4096], got " + c);
                }
                list.add(c);
            }
            this.channels = list;
            return this;
        }

        /**
         * The loss (default {@code YoloLoss.of(grid)}, the paper's settings).
         *
         * @param loss a loss on this builder's grid
         * @return this builder
         * @throws IllegalArgumentException if {@code loss} is null or on another grid
         */
        public Builder loss(YoloLoss loss) {
            if (loss == null || !loss.grid().equals(grid)) {
                throw new IllegalArgumentException("loss must be on the grid " + grid + ", got "
                        + (loss == null ? "null" : loss.grid()));
            }
            this.loss = loss;
            return this;
        }

        /**
         * The data type of parameters and data (default FLOAT).
         *
         * @param type FLOAT or DOUBLE
         * @return this builder
         * @throws IllegalArgumentException for another type
         */
        public Builder dataType(DataType type) {
            if (type != DataType.FLOAT && type != DataType.DOUBLE) {
                throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, got " + type);
            }
            this.dataType = type;
            return this;
        }

        /**
         * The seed of the initial weights (default 0).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the detector.
         *
         * @return the detector
         * @throws IllegalArgumentException if no block is given or {@code size / 2^blocks} is not
         *     the grid size
         */
        public Detector build() {
            int blocks = channels.size();
            if (blocks == 0 || blocks > 20 || (long) grid.gridSize() << blocks != size) {
                throw new IllegalArgumentException("size " + size + " must be the grid size "
                        + grid.gridSize() + " times 2^blocks, got " + blocks + " blocks ("
                        + channels + ")");
            }
            return new Detector(this);
        }
    }
}
