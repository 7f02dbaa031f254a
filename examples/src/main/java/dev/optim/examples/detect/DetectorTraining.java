package dev.optim.examples.detect;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.Schedule;
import dev.optim.core.batch.BatchOrder;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.schedule.Schedules;
import dev.optim.core.train.Divergence;
import dev.optim.core.train.Trainer;
import dev.optim.core.train.TrainingResult;
import dev.optim.core.train.TrainingStop;
import dev.optim.losses.yolo.AveragePrecision;
import dev.optim.losses.yolo.Detection;
import dev.optim.losses.yolo.GroundTruthBox;
import dev.optim.losses.yolo.Scene;
import dev.optim.losses.yolo.SyntheticScenes;
import dev.optim.losses.yolo.YoloGrid;
import dev.optim.losses.yolo.YoloLossTerms;
import dev.optim.nn.SameDiffObjective;
import dev.optim.nn.detect.Detector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Issue 15's experiment: a small YOLO v1 detector ({@link Detector}) trained by Optim's Adam (or
 * SGD with heavy-ball momentum) on generated scenes ({@link SyntheticScenes}), scored by the VOC
 * mAP@0.5 ({@link AveragePrecision}) on held-out scenes of another seed. Immutable; every
 * builder setter validates its argument.
 *
 * <p>The recipe, each epoch {@code e = 1 … epochs}:
 *
 * <pre>
 *   scenes_e = the training scenes (the same each epoch, or, with freshScenes, scenes
 *              e·n … e·n + n − 1 of the training seed: never one seen twice)
 *   for each shuffled mini-batch B of scenes_e:  θ ← optimizer.step(θ, ∇ YOLO_B(θ))
 *   η_t = η (CONSTANT) or η_t = η·(1 + cos(π·t/T))/2 (COSINE, T = epochs·⌈n/batch⌉)
 *   record: the five terms on the first evalScenes training and test scenes
 * stop after the epochs, or once the time budget is spent (checked before every update),
 * or when a loss is not finite (the step and the batch are reported)
 * then: detections on every test scene (score ≥ scoreThreshold, NMS at nmsIou),
 *       mAP@0.5 against their ground truth
 * </pre>
 *
 * <p>Training time counts scene generation, feeding and the updates, not the per-epoch
 * evaluations or the final scoring. Memory is sampled at every epoch's end ({@link DetectionRun}).
 *
 * <pre>{@code
 * DetectionRun run = DetectorTraining.builder().epochs(10).build().run();
 * System.out.println(run.map());
 * }</pre>
 */
public final class DetectorTraining {

    /** The optimizers compared. */
    public enum OptimizerKind {
        /** Adam (β₁ 0.9, β₂ 0.999, ε 1e-8). */
        ADAM,
        /** SGD with heavy-ball momentum, {@code v ← μv + g, θ ← θ − ηv}. */
        SGD
    }

    /** The learning-rate schedules. */
    public enum ScheduleKind {
        /** {@code η_t = η}. */
        CONSTANT,
        /** {@code η_t = η·(1 + cos(π·t/T))/2} over the planned {@code T} updates. */
        COSINE
    }

    /** The default Adam learning rate. */
    public static final double ADAM_LEARNING_RATE = 4e-3;
    /** The default SGD learning rate. */
    public static final double SGD_LEARNING_RATE = 0.03;

    private final int gridSize;
    private final int boxes;
    private final int imageSize;
    private final int maxObjects;
    private final double noise;
    private final int trainScenes;
    private final long trainSeed;
    private final int testScenes;
    private final long testSeed;
    private final int evalScenes;
    private final boolean freshScenes;
    private final int epochs;
    private final double timeBudgetSeconds;
    private final int batchSize;
    private final OptimizerKind optimizer;
    private final double learningRate;
    private final double momentum;
    private final ScheduleKind schedule;
    private final int spaceToDepth;
    private final Detector.Downsampling downsampling;
    private final int[] channels;
    private final int[] gridLayers;
    private final double confidencePrior;
    private final long seed;
    private final double scoreThreshold;
    private final double nmsIou;

    private DetectorTraining(Builder b) {
        this.gridSize = b.gridSize;
        this.boxes = b.boxes;
        this.imageSize = b.imageSize;
        this.maxObjects = b.maxObjects;
        this.noise = b.noise;
        this.trainScenes = b.trainScenes;
        this.trainSeed = b.trainSeed;
        this.testScenes = b.testScenes;
        this.testSeed = b.testSeed;
        this.evalScenes = b.evalScenes;
        this.freshScenes = b.freshScenes;
        this.epochs = b.epochs;
        this.timeBudgetSeconds = b.timeBudgetSeconds;
        this.batchSize = b.batchSize;
        this.optimizer = b.optimizer;
        this.learningRate = Double.isNaN(b.learningRate)
                ? (b.optimizer == OptimizerKind.ADAM ? ADAM_LEARNING_RATE : SGD_LEARNING_RATE)
                : b.learningRate;
        this.momentum = b.momentum;
        this.schedule = b.schedule;
        this.spaceToDepth = b.spaceToDepth;
        this.downsampling = b.downsampling;
        this.channels = b.channels.clone();
        this.gridLayers = b.gridLayers.clone();
        this.confidencePrior = b.confidencePrior;
        this.seed = b.seed;
        this.scoreThreshold = b.scoreThreshold;
        this.nmsIou = b.nmsIou;
    }

    /**
     * A builder with the tuned defaults (see {@code docs/detection.md}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with small settings for a run of seconds (the CLI's {@code --quick}, the tour):
     * 192 training scenes, 64 test scenes, 2 epochs, a narrower network (a space-to-depth block
     * of 4, 16 and 32 channels, a grid layer of 32). It learns little: its mAP is low.
     *
     * @return a new builder
     */
    public static Builder quickBuilder() {
        return new Builder().trainScenes(192).testScenes(64).evalScenes(32).epochs(2)
                .spaceToDepth(4).channels(16, 32).gridLayers(32);
    }

    /**
     * A builder holding this configuration.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.gridSize = gridSize;
        b.boxes = boxes;
        b.imageSize = imageSize;
        b.maxObjects = maxObjects;
        b.noise = noise;
        b.trainScenes = trainScenes;
        b.trainSeed = trainSeed;
        b.testScenes = testScenes;
        b.testSeed = testSeed;
        b.evalScenes = evalScenes;
        b.freshScenes = freshScenes;
        b.epochs = epochs;
        b.timeBudgetSeconds = timeBudgetSeconds;
        b.batchSize = batchSize;
        b.optimizer = optimizer;
        b.learningRate = learningRate;
        b.momentum = momentum;
        b.schedule = schedule;
        b.spaceToDepth = spaceToDepth;
        b.downsampling = downsampling;
        b.channels = channels.clone();
        b.gridLayers = gridLayers.clone();
        b.confidencePrior = confidencePrior;
        b.seed = seed;
        b.scoreThreshold = scoreThreshold;
        b.nmsIou = nmsIou;
        return b;
    }

    /**
     * The grid: {@code S × S} cells, {@code B} boxes, the generator's two classes.
     *
     * @return the grid
     */
    public YoloGrid grid() {
        return new YoloGrid(gridSize, boxes, SyntheticScenes.CLASSES);
    }

    /**
     * The detector this configuration trains, freshly initialised.
     *
     * @return a new detector
     */
    public Detector detector() {
        return Detector.builder(grid(), imageSize).spaceToDepth(spaceToDepth)
                .downsampling(downsampling).channels(channels).gridLayers(gridLayers)
                .confidencePrior(confidencePrior).seed(seed).build();
    }

    /**
     * The generator of the training scenes.
     *
     * @return the generator
     */
    public SyntheticScenes trainGenerator() {
        return new SyntheticScenes(imageSize, maxObjects, gridSize, noise, trainSeed);
    }

    /**
     * The generator of the held-out test scenes.
     *
     * @return the generator
     */
    public SyntheticScenes testGenerator() {
        return new SyntheticScenes(imageSize, maxObjects, gridSize, noise, testSeed);
    }

    /**
     * The optimizer, with its learning-rate schedule over {@link #plannedSteps()}.
     *
     * @return the optimizer
     */
    public Optimizer optimizer() {
        Schedule lr = schedule == ScheduleKind.CONSTANT ? Schedules.constant(learningRate)
                : Schedules.cosine(learningRate, 0.0, plannedSteps());
        return optimizer == OptimizerKind.ADAM ? Adam.builder().learningRate(lr).build()
                : Momentum.builder().learningRate(lr).momentum(momentum)
                        .form(Momentum.Form.HEAVY_BALL).build();
    }

    /**
     * The updates of all the epochs, {@code epochs · ⌈trainScenes / batchSize⌉}.
     *
     * @return the planned steps
     */
    public long plannedSteps() {
        return (long) epochs * ((trainScenes + batchSize - 1) / batchSize);
    }

    /**
     * Trains and evaluates.
     *
     * @return what the run did
     */
    public DetectionRun run() {
        return run(e -> { });
    }

    /**
     * Trains and evaluates, telling {@code progress} of each epoch as it ends.
     *
     * @param progress called with each epoch's record
     * @return what the run did
     * @throws IllegalArgumentException if {@code progress} is null
     */
    public DetectionRun run(Consumer<EpochRecord> progress) {
        if (progress == null) {
            throw new IllegalArgumentException("progress must not be null");
        }
        MemoryPeaks memory = new MemoryPeaks();
        Detector det = detector();
        SyntheticScenes trainGen = trainGenerator();
        List<Scene> test = testGenerator().scenes(0, testScenes);
        List<Scene> trainEval = trainGen.scenes(0, Math.min(evalScenes, trainScenes));
        List<Scene> testEval = test.subList(0, Math.min(evalScenes, testScenes));
        long started = System.nanoTime();
        double evalSeconds = 0;
        long budgetNanos = timeBudgetSeconds > 0 ? (long) (timeBudgetSeconds * 1e9)
                : Long.MAX_VALUE;
        List<Scene> train = trainGen.scenes(0, trainScenes);
        SameDiffObjective objective = det.objective(train);
        INDArray theta = objective.parameters();
        Optimizer opt = optimizer();
        OptimizerState state = opt.init(theta);
        List<EpochRecord> records = new ArrayList<>();
        long steps = 0;
        Divergence divergence = null;
        long[] evalNanos = {0};
        for (int e = 1; e <= epochs; e++) {
            if (freshScenes && e > 1) {
                train = trainGen.scenes((long) (e - 1) * trainScenes, trainScenes);
                objective = det.objective(train);
            }
            long spentBefore = System.nanoTime() - started - evalNanos[0];
            if (spentBefore >= budgetNanos) {
                break;
            }
            long evalSoFar = evalNanos[0];
            Trainer trainer = Trainer.builder(opt)
                    .batchPlan(BatchPlan.of(batchSize).withOrder(BatchOrder.SHUFFLED)
                            .withSeed(seed * 1_000_003L + e))
                    .epochs(1).fullLoss(false)
                    .cancelled(() -> System.nanoTime() - started - evalSoFar >= budgetNanos)
                    .build();
            TrainingResult r = trainer.run(objective, theta, state);
            long offset = steps;
            steps += r.steps();
            if (r.stop() == TrainingStop.DIVERGED) {
                Divergence d = r.divergence().orElseThrow();
                divergence = new Divergence(offset + d.step(), d.batch(), d.loss(), d.where());
                break;
            }
            double seconds = (System.nanoTime() - started - evalNanos[0]) / 1e9;
            long t0 = System.nanoTime();
            memory.sample();
            YoloLossTerms trainTerms = det.lossTerms(trainEval);
            YoloLossTerms testTerms = det.lossTerms(testEval);
            memory.sample();
            EpochRecord record = new EpochRecord(e, steps, seconds, trainTerms, testTerms);
            records.add(record);
            evalNanos[0] += System.nanoTime() - t0;
            progress.accept(record);
            if (r.stop() == TrainingStop.CANCELLED) {
                break;
            }
        }
        double trainingSeconds = (System.nanoTime() - started - evalNanos[0]) / 1e9;
        List<List<Detection>> found = det.detect(test, det.decoder(scoreThreshold, nmsIou));
        memory.sample();
        List<List<GroundTruthBox>> truths = new ArrayList<>(test.size());
        for (Scene s : test) {
            truths.add(s.objects());
        }
        AveragePrecision.Result ap = AveragePrecision.evaluate(truths, found,
                SyntheticScenes.CLASSES, 0.5);
        return new DetectionRun(this, records, ap, test, found, trainingSeconds, steps,
                memory.heap(), memory.physical(), memory.offHeap(), memory.workspaces(),
                Optional.ofNullable(divergence));
    }

    /** @return the grid size {@code S} */
    public int gridSize() {
        return gridSize;
    }

    /** @return the boxes per cell {@code B} */
    public int boxes() {
        return boxes;
    }

    /** @return the images' width and height in pixels */
    public int imageSize() {
        return imageSize;
    }

    /** @return the most objects per scene */
    public int maxObjects() {
        return maxObjects;
    }

    /** @return the background noise amplitude */
    public double noise() {
        return noise;
    }

    /** @return the training scenes per epoch */
    public int trainScenes() {
        return trainScenes;
    }

    /** @return the training scenes' seed */
    public long trainSeed() {
        return trainSeed;
    }

    /** @return the held-out test scenes */
    public int testScenes() {
        return testScenes;
    }

    /** @return the test scenes' seed */
    public long testSeed() {
        return testSeed;
    }

    /** @return the scenes of each subset the per-epoch terms are measured on */
    public int evalScenes() {
        return evalScenes;
    }

    /** @return whether each epoch draws new training scenes */
    public boolean freshScenes() {
        return freshScenes;
    }

    /** @return the epochs */
    public int epochs() {
        return epochs;
    }

    /** @return the training time budget in seconds, 0 for none */
    public double timeBudgetSeconds() {
        return timeBudgetSeconds;
    }

    /** @return the mini-batch size */
    public int batchSize() {
        return batchSize;
    }

    /** @return the optimizer */
    public OptimizerKind optimizerKind() {
        return optimizer;
    }

    /** @return the (initial) learning rate */
    public double learningRate() {
        return learningRate;
    }

    /** @return SGD's momentum coefficient */
    public double momentum() {
        return momentum;
    }

    /** @return the learning-rate schedule */
    public ScheduleKind schedule() {
        return schedule;
    }

    /** @return the space-to-depth block */
    public int spaceToDepth() {
        return spaceToDepth;
    }

    /** @return how blocks halve the resolution */
    public Detector.Downsampling downsampling() {
        return downsampling;
    }

    /** @return the blocks' channels, a copy */
    public int[] channels() {
        return channels.clone();
    }

    /** @return the grid layers' channels, a copy */
    public int[] gridLayers() {
        return gridLayers.clone();
    }

    /** @return the head's confidence prior */
    public double confidencePrior() {
        return confidencePrior;
    }

    /** @return the seed of the weights and the batch order */
    public long seed() {
        return seed;
    }

    /** @return the lowest score a detection keeps */
    public double scoreThreshold() {
        return scoreThreshold;
    }

    /** @return the non-maximum suppression overlap */
    public double nmsIou() {
        return nmsIou;
    }

    @Override
    public String toString() {
        return "DetectorTraining{S=" + gridSize + ", B=" + boxes + ", size=" + imageSize
                + ", maxObjects=" + maxObjects + ", noise=" + noise + ", train=" + trainScenes
                + (freshScenes ? " fresh" : "") + " (seed " + trainSeed + "), test=" + testScenes
                + " (seed " + testSeed + "), eval=" + evalScenes + ", epochs=" + epochs
                + ", budget=" + timeBudgetSeconds + " s, batch=" + batchSize + ", " + optimizer
                + " lr " + learningRate + (optimizer == OptimizerKind.SGD ? " momentum "
                + momentum : "") + " " + schedule + ", s2d=" + spaceToDepth + ", "
                + downsampling + " " + Arrays.toString(channels) + " grid "
                + Arrays.toString(gridLayers) + ", prior=" + confidencePrior + ", seed=" + seed
                + ", score>=" + scoreThreshold + ", nms=" + nmsIou + "}";
    }

    /** Builds a {@link DetectorTraining}; every setter validates its argument. */
    public static final class Builder {
        private int gridSize = 4;
        private int boxes = 2;
        private int imageSize = 64;
        private int maxObjects = 4;
        private double noise = 0.1;
        private int trainScenes = 4000;
        private long trainSeed = 1;
        private int testScenes = 500;
        private long testSeed = 2;
        private int evalScenes = 256;
        private boolean freshScenes = true;
        private int epochs = 16;
        private double timeBudgetSeconds;
        private int batchSize = 32;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private double learningRate = Double.NaN;
        private double momentum = 0.9;
        private ScheduleKind schedule = ScheduleKind.COSINE;
        private int spaceToDepth = 2;
        private Detector.Downsampling downsampling = Detector.Downsampling.STRIDED;
        private int[] channels = {32, 64, 64};
        private int[] gridLayers = {64};
        private double confidencePrior = 0.05;
        private long seed;
        private double scoreThreshold = 0.01;
        private double nmsIou = 0.5;

        private Builder() {}

        private static int range(String name, int v, int lo, int hi) {
            if (v < lo || v > hi) {
                throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi
                        + "], got " + v);
            }
            return v;
        }

        /**
         * The grid size {@code S} (default 4).
         *
         * @param s in {@code [1, 64]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder gridSize(int s) {
            this.gridSize = range("gridSize", s, 1, 64);
            return this;
        }

        /**
         * The boxes per cell {@code B} (default 2).
         *
         * @param b in {@code [1, 8]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder boxes(int b) {
            this.boxes = range("boxes", b, 1, 8);
            return this;
        }

        /**
         * The images' width and height (default 64); it must equal
         * {@code S · spaceToDepth · 2^blocks} when built.
         *
         * @param size in {@code [16, 1024]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder imageSize(int size) {
            this.imageSize = range("imageSize", size, 16, 1024);
            return this;
        }

        /**
         * The most objects per scene (default 4).
         *
         * @param n in {@code [0, 16]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxObjects(int n) {
            this.maxObjects = range("maxObjects", n, 0, 16);
            return this;
        }

        /**
         * The background noise amplitude (default 0.1).
         *
         * @param amplitude in {@code [0, 0.5]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder noise(double amplitude) {
            if (!(amplitude >= 0 && amplitude <= 0.5)) {
                throw new IllegalArgumentException("noise must be in [0, 0.5], got " + amplitude);
            }
            this.noise = amplitude;
            return this;
        }

        /**
         * The training scenes per epoch (default 4000).
         *
         * @param n in {@code [1, 1000000]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder trainScenes(int n) {
            this.trainScenes = range("trainScenes", n, 1, 1_000_000);
            return this;
        }

        /**
         * The training scenes' seed (default 1); it must differ from the test seed.
         *
         * @param s the seed
         * @return this builder
         */
        public Builder trainSeed(long s) {
            this.trainSeed = s;
            return this;
        }

        /**
         * The held-out test scenes (default 500).
         *
         * @param n in {@code [1, 1000000]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder testScenes(int n) {
            this.testScenes = range("testScenes", n, 1, 1_000_000);
            return this;
        }

        /**
         * The test scenes' seed (default 2); it must differ from the training seed.
         *
         * @param s the seed
         * @return this builder
         */
        public Builder testSeed(long s) {
            this.testSeed = s;
            return this;
        }

        /**
         * The scenes of each subset (training, test) on which the five terms are measured
         * after every epoch (default 256; fewer if a set is smaller).
         *
         * @param n in {@code [1, 100000]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder evalScenes(int n) {
            this.evalScenes = range("evalScenes", n, 1, 100_000);
            return this;
        }

        /**
         * Whether each epoch trains on new scenes (default true; false trains on the same
         * scenes every epoch).
         *
         * @param on true for fresh scenes
         * @return this builder
         */
        public Builder freshScenes(boolean on) {
            this.freshScenes = on;
            return this;
        }

        /**
         * The epochs (default 16).
         *
         * @param n in {@code [1, 100000]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder epochs(int n) {
            this.epochs = range("epochs", n, 1, 100_000);
            return this;
        }

        /**
         * A training time budget: training stops once it is spent (checked before each
         * update); 0 (the default) for none.
         *
         * @param seconds finite, {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder timeBudgetSeconds(double seconds) {
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("timeBudgetSeconds must be finite and >= 0, got "
                        + seconds);
            }
            this.timeBudgetSeconds = seconds;
            return this;
        }

        /**
         * The mini-batch size (default 32).
         *
         * @param n in {@code [1, 4096]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder batchSize(int n) {
            this.batchSize = range("batchSize", n, 1, 4096);
            return this;
        }

        /**
         * The optimizer (default ADAM).
         *
         * @param kind the optimizer
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder optimizer(OptimizerKind kind) {
            if (kind == null) {
                throw new IllegalArgumentException("optimizer must not be null");
            }
            this.optimizer = kind;
            return this;
        }

        /**
         * The (initial) learning rate (default {@value #ADAM_LEARNING_RATE} for Adam,
         * {@value #SGD_LEARNING_RATE} for SGD).
         *
         * @param lr finite, in {@code (0, 10]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder learningRate(double lr) {
            if (!(lr > 0 && lr <= 10)) {
                throw new IllegalArgumentException("learningRate must be in (0, 10], got " + lr);
            }
            this.learningRate = lr;
            return this;
        }

        /**
         * SGD's momentum coefficient μ (default 0.9).
         *
         * @param mu in {@code [0, 1)}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder momentum(double mu) {
            if (!(mu >= 0 && mu < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + mu);
            }
            this.momentum = mu;
            return this;
        }

        /**
         * The learning-rate schedule (default COSINE).
         *
         * @param kind the schedule
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder schedule(ScheduleKind kind) {
            if (kind == null) {
                throw new IllegalArgumentException("schedule must not be null");
            }
            this.schedule = kind;
            return this;
        }

        /**
         * The space-to-depth block of the detector's stem (default 2).
         *
         * @param b in {@code [1, 16]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder spaceToDepth(int b) {
            this.spaceToDepth = range("spaceToDepth", b, 1, 16);
            return this;
        }

        /**
         * How the detector's blocks halve the resolution (default STRIDED).
         *
         * @param mode the mode
         * @return this builder
         * @throws IllegalArgumentException if null
         */
        public Builder downsampling(Detector.Downsampling mode) {
            if (mode == null) {
                throw new IllegalArgumentException("downsampling must not be null");
            }
            this.downsampling = mode;
            return this;
        }

        /**
         * The detector's block channels (default 32, 64, 64).
         *
         * @param perBlock at least one, each in {@code [1, 4096]}
         * @return this builder
         * @throws IllegalArgumentException if empty or out of range
         */
        public Builder channels(int... perBlock) {
            if (perBlock == null || perBlock.length == 0) {
                throw new IllegalArgumentException("channels must hold at least one block, got "
                        + Arrays.toString(perBlock));
            }
            for (int c : perBlock) {
                range("channels", c, 1, 4096);
            }
            this.channels = perBlock.clone();
            return this;
        }

        /**
         * The detector's 3×3 layers at the grid's resolution (default 64).
         *
         * @param perLayer each in {@code [1, 4096]}; none for no such layer
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder gridLayers(int... perLayer) {
            if (perLayer == null) {
                throw new IllegalArgumentException("gridLayers must not be null");
            }
            for (int c : perLayer) {
                range("gridLayers", c, 1, 4096);
            }
            this.gridLayers = perLayer.clone();
            return this;
        }

        /**
         * The head's confidence prior (default 0.05).
         *
         * @param prior in {@code [1e-6, 1 − 1e-6]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
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
         * The seed of the initial weights and the batch order (default 0).
         *
         * @param s the seed
         * @return this builder
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * The lowest class-specific score a detection keeps (default 0.01: low, as the AP
         * integrates over every rank).
         *
         * @param threshold in {@code [0, 1)}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder scoreThreshold(double threshold) {
            if (!(threshold >= 0 && threshold < 1)) {
                throw new IllegalArgumentException("scoreThreshold must be in [0, 1), got "
                        + threshold);
            }
            this.scoreThreshold = threshold;
            return this;
        }

        /**
         * The non-maximum suppression overlap (default 0.5).
         *
         * @param iou in {@code (0, 1]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder nmsIou(double iou) {
            if (!(iou > 0 && iou <= 1)) {
                throw new IllegalArgumentException("nmsIou must be in (0, 1], got " + iou);
            }
            this.nmsIou = iou;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException if the seeds are equal (the test set would not be
         *     held out), the image size is not {@code S · spaceToDepth · 2^blocks}, or
         *     {@code maxObjects} exceeds the grid's cells
         */
        public DetectorTraining build() {
            if (trainSeed == testSeed) {
                throw new IllegalArgumentException("trainSeed and testSeed must differ (the test"
                        + " scenes must be held out), got " + trainSeed + " for both");
            }
            if ((long) gridSize * spaceToDepth << channels.length != imageSize) {
                throw new IllegalArgumentException("imageSize " + imageSize + " must be gridSize "
                        + gridSize + " × spaceToDepth " + spaceToDepth + " × 2^" + channels.length
                        + " (one halving per block of " + Arrays.toString(channels) + ")");
            }
            if (maxObjects > gridSize * gridSize) {
                throw new IllegalArgumentException("maxObjects " + maxObjects + " must be at most"
                        + " the " + gridSize * gridSize + " cells of the grid");
            }
            return new DetectorTraining(this);
        }
    }
}
