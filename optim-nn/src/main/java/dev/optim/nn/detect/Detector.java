package dev.optim.nn.detect;

import dev.optim.losses.yolo.Detection;
import dev.optim.losses.yolo.Scene;
import dev.optim.losses.yolo.YoloDecoder;
import dev.optim.losses.yolo.YoloGrid;
import dev.optim.losses.yolo.YoloLoss;
import dev.optim.losses.yolo.YoloLossGraph;
import dev.optim.losses.yolo.YoloLossTerms;
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
 * A small convolutional YOLO v1 detector: an optional space-to-depth stem, {@code k} blocks that
 * each halve the resolution, optional 3×3 layers at the grid's resolution, then a 1×1
 * convolution to {@code B·5 + C} channels and a logistic sigmoid, giving the predictions in
 * {@link YoloGrid}'s layout, {@code [N, S, S, B·5 + C]}, each in {@code (0, 1)}; the loss is
 * {@link YoloLossGraph}, the YOLO loss as graph ops. All tensors are NHWC.
 *
 * <pre>
 *   h₀ = s2d_b(image)                  [N, size/b, size/b, 3b²]     (b = 1: h₀ = image)
 *   s2d_b(x)[n, i, j, (δy·b + δx)·3 + c] = x[n, i·b + δy, j·b + δx, c]
 *   MAX_POOL:  hₗ = maxpool₂(leaky₀.₁(conv₃ₓ₃(hₗ₋₁; Wₗ, stride 1) + bₗ))   (l = 1 … k)
 *   STRIDED:   hₗ = leaky₀.₁(conv₃ₓ₃(hₗ₋₁; Wₗ, stride 2) + bₗ)            (l = 1 … k)
 *   gₘ = leaky₀.₁(conv₃ₓ₃(gₘ₋₁; Vₘ, stride 1) + cₘ),  g₀ = h_k           (m = 1 … M)
 *   output = σ(conv₁ₓ₁(g_M; W_out) + b_out)                           ("output")
 *   loss = YOLO(output, target)                                        ("yolo_total")
 *   size = S · b · 2^k
 * </pre>
 *
 * <p>The space-to-depth stem ({@link Builder#spaceToDepth(int)}) is a reshape
 * {@code [N, size/b, b, size/b, b, 3]}, a permutation to {@code [N, size/b, size/b, b, b, 3]}
 * and a reshape to {@code [N, size/b, size/b, 3b²]}: exact (no arithmetic, every pixel kept) and
 * cheap, it hands the first convolution a {@code b²}-times smaller image with
 * {@code b²}-times more channels. Strided blocks ({@link Downsampling#STRIDED}) replace the
 * convolution at full resolution and the 2×2 max-pooling by one convolution of stride 2 ("same"
 * padding), a quarter of the arithmetic. Convolutions use "same" padding throughout, so a
 * stride-2 layer maps {@code H × H} to {@code H/2 × H/2}.
 *
 * <p>Weights are drawn from {@code U(−√(6/fan_in), √(6/fan_in))} (He's uniform,
 * {@code fan_in = 9·c_in} for a 3×3 layer, {@code c_in} for the head), biases are 0, except the
 * head's confidence channels {@code 5j + 4}, whose bias is {@code logit(π) = ln(π/(1 − π))} for
 * the confidence prior {@code π} ({@link Builder#confidencePrior(double)}, default 0.5: bias 0),
 * so that an untrained network predicts confidences near {@code π} rather than 1/2 (with few
 * objects per cell, a small {@code π} keeps the no-object term from dominating the first
 * steps). All are drawn from a seeded generator. Placeholders {@code "image"}
 * {@code [N, size, size, 3]} and {@code "target"} {@code [N, S, S, 5 + C]}. The trainable
 * variables are moved into one flat vector by {@link SameDiffObjective}, so any Optim optimizer
 * trains the network in place.
 *
 * <pre>{@code
 * Detector det = Detector.builder(new YoloGrid(4, 2, 2), 64).channels(16, 32, 64, 64).build();
 * Detector fast = Detector.builder(new YoloGrid(4, 2, 2), 64).spaceToDepth(4)
 *         .downsampling(Detector.Downsampling.STRIDED).channels(32, 64)
 *         .gridLayers(64).confidencePrior(0.05).build();
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
    /** The images evaluated per graph run by {@link #detect} and {@link #lossTerms}. */
    public static final int CHUNK = 64;

    /** How a block halves the resolution. */
    public enum Downsampling {
        /** A 3×3 convolution of stride 1, a leaky ReLU, a 2×2 max-pooling of stride 2. */
        MAX_POOL,
        /** A 3×3 convolution of stride 2 and a leaky ReLU. */
        STRIDED
    }

    private final YoloGrid grid;
    private final YoloLoss loss;
    private final int size;
    private final DataType dataType;
    private final SameDiff sd;
    private final YoloLossGraph.Terms terms;
    private final List<Integer> channels;
    private final List<Integer> gridLayers;
    private final int block;
    private final Downsampling downsampling;
    private final double confidencePrior;
    private SameDiffObjective objective;

    private Detector(Builder b) {
        this.grid = b.grid;
        this.loss = b.loss;
        this.size = b.size;
        this.dataType = b.dataType;
        this.channels = List.copyOf(b.channels);
        this.gridLayers = List.copyOf(b.gridLayers);
        this.block = b.block;
        this.downsampling = b.downsampling;
        this.confidencePrior = b.confidencePrior;
        this.sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(b.seed);
        SDVariable h = sd.placeHolder(IMAGE, dataType, -1, size, size, 3);
        int in = 3;
        if (block > 1) {
            h = spaceToDepth(sd, h, size, 3, block);
            in = 3 * block * block;
        }
        for (int l = 0; l < channels.size(); l++) {
            int out = channels.get(l);
            SDVariable w = sd.var("w" + (l + 1), heUniform(random, 9 * in, 3, 3, in, out));
            SDVariable bias = sd.var("b" + (l + 1), Nd4j.zeros(dataType, out));
            int stride = downsampling == Downsampling.STRIDED ? 2 : 1;
            SDVariable z = sd.cnn.conv2d(h, w, bias, Conv2DConfig.builder().kH(3).kW(3)
                    .sH(stride).sW(stride).paddingMode(PaddingMode.SAME).dataFormat("NHWC")
                    .build());
            h = sd.nn.leakyRelu(z, 0.1);
            if (downsampling == Downsampling.MAX_POOL) {
                h = sd.cnn.maxPooling2d(h, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                        .isNHWC(true).build());
            }
            in = out;
        }
        for (int m = 0; m < gridLayers.size(); m++) {
            int out = gridLayers.get(m);
            SDVariable w = sd.var("v" + (m + 1), heUniform(random, 9 * in, 3, 3, in, out));
            SDVariable bias = sd.var("c" + (m + 1), Nd4j.zeros(dataType, out));
            SDVariable z = sd.cnn.conv2d(h, w, bias, Conv2DConfig.builder().kH(3).kW(3).sH(1)
                    .sW(1).paddingMode(PaddingMode.SAME).dataFormat("NHWC").build());
            h = sd.nn.leakyRelu(z, 0.1);
            in = out;
        }
        int depth = grid.predictionDepth();
        SDVariable wOut = sd.var("wOut", heUniform(random, in, 1, 1, in, depth));
        double[] headBias = new double[depth];
        double logit = Math.log(confidencePrior / (1 - confidencePrior));
        for (int j = 0; j < grid.boxesPerCell(); j++) {
            headBias[j * YoloGrid.BOX_ENTRIES + 4] = logit;
        }
        SDVariable bOut = sd.var("bOut", Nd4j.createFromArray(headBias).castTo(dataType));
        SDVariable logits = sd.cnn.conv2d(h, wOut, bOut, Conv2DConfig.builder().kH(1).kW(1)
                .sH(1).sW(1).paddingMode(PaddingMode.VALID).dataFormat("NHWC").build());
        SDVariable output = sd.nn.sigmoid(OUTPUT, logits);
        SDVariable target = sd.placeHolder(TARGET, dataType, -1, grid.gridSize(),
                grid.gridSize(), grid.targetDepth());
        long[] shape = output.getShape();
        if (shape != null && (shape.length != 4 || shape[1] != grid.gridSize()
                || shape[2] != grid.gridSize() || shape[3] != depth)) {
            throw new IllegalStateException("the network's output has shape "
                    + java.util.Arrays.toString(shape) + ", not [N, " + grid.gridSize() + ", "
                    + grid.gridSize() + ", " + depth + "]");
        }
        this.terms = new YoloLossGraph(loss).define(sd, output, target);
        sd.setLossVariables(terms.total());
    }

    /**
     * The space-to-depth rearrangement of an NHWC tensor, as graph ops:
     * {@code out[n, i, j, (δy·b + δx)·c + k] = x[n, i·b + δy, j·b + δx, k]}, shape
     * {@code [N, size/b, size/b, c·b²]}.
     *
     * @param sd the graph
     * @param x the input, {@code [N, size, size, c]}
     * @param size its height and width, a multiple of {@code b}
     * @param c its channels
     * @param b the block
     * @return the rearranged tensor
     */
    static SDVariable spaceToDepth(SameDiff sd, SDVariable x, int size, int c, int b) {
        int m = size / b;
        SDVariable split = sd.reshape(x, -1, m, b, m, b, c); // n, i, δy, j, δx, k
        SDVariable moved = sd.permute(split, 0, 1, 3, 2, 4, 5); // n, i, j, δy, δx, k
        return sd.reshape(moved, -1, m, m, b * b * c);
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
     * @param size the images' width and height, {@code S·b·2^k} for the {@code k} blocks and
     *     the space-to-depth block {@code b} (1 by default)
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
     * The images' width and height in pixels.
     *
     * @return the size
     */
    public int imageSize() {
        return size;
    }

    /**
     * The data type of parameters and data.
     *
     * @return FLOAT or DOUBLE
     */
    public DataType dataType() {
        return dataType;
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
        return detect(scenes, decoder(scoreThreshold, nmsIou));
    }

    /**
     * The decoder of this detector's output: its grid and its loss's size mode.
     *
     * @param scoreThreshold the lowest class-specific score kept
     * @param nmsIou the non-maximum suppression overlap, in {@code (0, 1]}
     * @return the decoder
     * @throws IllegalArgumentException as {@link YoloDecoder}'s constructor
     */
    public YoloDecoder decoder(double scoreThreshold, double nmsIou) {
        return new YoloDecoder(grid, loss.sizeMode(), scoreThreshold, nmsIou);
    }

    /**
     * Detects objects in scenes with the given decoder: predictions in batches of
     * {@value #CHUNK}.
     *
     * @param scenes the scenes, of this detector's size
     * @param decoder a decoder on this detector's grid and size mode
     * @return the detections of each scene
     * @throws IllegalArgumentException if the decoder is null, on another grid (another
     *     {@code S}, {@code B} or {@code C}: the network's output would not have its shape) or
     *     reads the sizes in another mode, or a scene does not fit
     */
    public List<List<Detection>> detect(List<Scene> scenes, YoloDecoder decoder) {
        if (decoder == null) {
            throw new IllegalArgumentException("decoder must not be null");
        }
        if (!decoder.grid().equals(grid)) {
            throw new IllegalArgumentException("decoder's grid " + decoder.grid() + " must be the"
                    + " detector's " + grid + ": the network's output has shape [N, "
                    + grid.gridSize() + ", " + grid.gridSize() + ", " + grid.predictionDepth()
                    + "]");
        }
        if (decoder.sizeMode() != loss.sizeMode()) {
            throw new IllegalArgumentException("decoder's size mode " + decoder.sizeMode()
                    + " must be the loss's " + loss.sizeMode());
        }
        checkScenes(scenes);
        List<List<Detection>> out = new ArrayList<>(scenes.size());
        for (int from = 0; from < scenes.size(); from += CHUNK) {
            List<Scene> part = scenes.subList(from, Math.min(scenes.size(), from + CHUNK));
            out.addAll(decoder.decode(predict(images(part))));
        }
        return out;
    }

    /**
     * The five terms of the loss on the given scenes at the current parameters, read from the
     * graph's {@link #terms()} variables, in runs of {@value #CHUNK} scenes. With the mean
     * reduction (the default) each term is the mean over all scenes,
     * {@code Σ_chunks n_chunk · term_chunk / N}; with the sum, the sum over the chunks.
     *
     * @param scenes the scenes, of this detector's size
     * @return the terms
     * @throws IllegalArgumentException if a scene does not fit (size, channels, ground truth)
     */
    public YoloLossTerms lossTerms(List<Scene> scenes) {
        checkScenes(scenes);
        String[] names = {terms.xy().name(), terms.wh().name(), terms.confObj().name(),
            terms.confNoobj().name(), terms.cls().name()};
        double[] sum = new double[names.length];
        boolean mean = loss.reduction() == dev.optim.core.Reduction.MEAN;
        for (int from = 0; from < scenes.size(); from += CHUNK) {
            List<Scene> part = scenes.subList(from, Math.min(scenes.size(), from + CHUNK));
            Map<String, INDArray> out = sd.output(Map.of(IMAGE, images(part), TARGET,
                    targets(part)), names);
            for (int k = 0; k < names.length; k++) {
                double v = out.get(names[k]).getDouble(0);
                sum[k] += mean ? v * part.size() : v;
            }
        }
        double scale = mean ? 1.0 / scenes.size() : 1.0;
        return new YoloLossTerms(sum[0] * scale, sum[1] * scale, sum[2] * scale, sum[3] * scale,
                sum[4] * scale);
    }

    private static void checkScenes(List<Scene> scenes) {
        if (scenes == null || scenes.isEmpty()) {
            throw new IllegalArgumentException("scenes must not be null or empty");
        }
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
        checkScenes(scenes);
        List<List<dev.optim.losses.yolo.GroundTruthBox>> boxes = new ArrayList<>();
        for (Scene s : scenes) {
            boxes.add(s.objects());
        }
        return new YoloTargetEncoder(grid).encode(boxes).castTo(dataType);
    }

    @Override
    public String toString() {
        return "Detector{grid=" + grid + ", size=" + size + ", spaceToDepth=" + block
                + ", downsampling=" + downsampling + ", channels=" + channels + ", gridLayers="
                + gridLayers + ", confidencePrior=" + confidencePrior + ", " + dataType
                + ", loss=" + loss + "}";
    }

    /** Builds a {@link Detector}; every setter validates its argument. */
    public static final class Builder {
        private final YoloGrid grid;
        private final int size;
        private YoloLoss loss;
        private List<Integer> channels = List.of();
        private List<Integer> gridLayers = List.of();
        private int block = 1;
        private Downsampling downsampling = Downsampling.MAX_POOL;
        private double confidencePrior = 0.5;
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
         * The output channels of 3×3 layers (stride 1, leaky ReLU) at the grid's resolution,
         * after the blocks and before the 1×1 head (default none). They widen the receptive
         * field of each cell: a 3×3 layer on the {@code S × S} grid sees the neighbouring
         * cells.
         *
         * @param perLayer the channels, each in {@code [1, 4096]}; none for no such layer
         * @return this builder
         * @throws IllegalArgumentException if a count is out of range
         */
        public Builder gridLayers(int... perLayer) {
            List<Integer> list = new ArrayList<>();
            for (int c : perLayer) {
                if (c < 1 || c > 4096) {
                    throw new IllegalArgumentException("gridLayers must be in [1, 4096], got "
                            + c);
                }
                list.add(c);
            }
            this.gridLayers = list;
            return this;
        }

        /**
         * The space-to-depth stem's block {@code b} (default 1: no stem): the image
         * {@code [N, size, size, 3]} becomes {@code [N, size/b, size/b, 3b²]}, each
         * {@code b × b} patch's pixels side by side in the channels, before the first block.
         *
         * @param b the block, in {@code [1, 16]}
         * @return this builder
         * @throws IllegalArgumentException if {@code b} is out of range
         */
        public Builder spaceToDepth(int b) {
            if (b < 1 || b > 16) {
                throw new IllegalArgumentException("spaceToDepth must be in [1, 16], got " + b);
            }
            this.block = b;
            return this;
        }

        /**
         * How each block halves the resolution (default {@link Downsampling#MAX_POOL}).
         *
         * @param mode the mode
         * @return this builder
         * @throws IllegalArgumentException if {@code mode} is null
         */
        public Builder downsampling(Downsampling mode) {
            if (mode == null) {
                throw new IllegalArgumentException("downsampling must not be null");
            }
            this.downsampling = mode;
            return this;
        }

        /**
         * The confidence prior {@code π}: the head's confidence biases start at
         * {@code logit(π) = ln(π/(1 − π))}, so an untrained network predicts confidences near
         * {@code π} (default 0.5, bias 0).
         *
         * @param prior {@code π}, in {@code [1e-6, 1 − 1e-6]}
         * @return this builder
         * @throws IllegalArgumentException if {@code prior} is out of range or NaN
         */
        public Builder confidencePrior(double prior) {
            if (!(prior >= 1e-6 && prior <= 1 - 1e-6)) {
                throw new IllegalArgumentException("confidencePrior must be in [1e-6, 1 - 1e-6],"
                        + " got " + prior);
            }
            this.confidencePrior = prior;
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
         * @throws IllegalArgumentException if no block is given or {@code size} is not
         *     {@code S · b · 2^blocks} (the grid size, the space-to-depth block, the blocks)
         */
        public Detector build() {
            int blocks = channels.size();
            if (blocks == 0 || blocks > 20
                    || (long) grid.gridSize() * block << blocks != size) {
                String stem = block == 1 ? "" : " times the space-to-depth block " + block;
                throw new IllegalArgumentException("size " + size + " must be the grid size "
                        + grid.gridSize() + stem + " times 2^blocks, got " + blocks + " blocks ("
                        + channels + ")");
            }
            return new Detector(this);
        }
    }
}
