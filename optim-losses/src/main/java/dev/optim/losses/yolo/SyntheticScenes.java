package dev.optim.losses.yolo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic street scenes for training a detector without a download, standing in for the
 * article's cars and pedestrians: two classes of objects on a noisy background.
 *
 * <ul>
 *   <li>class {@value #CAR}, a <b>car</b>: a wide box (width/height in {@code [1.6, 3]}), drawn as
 *       a body with a lighter cabin on top and two dark wheels at its bottom corners;
 *   <li>class {@value #PEDESTRIAN}, a <b>pedestrian</b>: a tall box (height/width in
 *       {@code [2, 3.2]}), drawn as a body and a round head.
 * </ul>
 *
 * <p>Each scene holds 0 to {@code maxObjects} objects (uniformly many), of random class, size
 * (the longer side {@code 0.2}–{@code 0.6} of the image), position (inside the image), colour,
 * drawn in order so that later objects occlude earlier ones; two objects overlap by an IoU of at
 * most {@value #MAX_OVERLAP}, and where a grid size {@code S} is given no two centres share a
 * cell of the {@code S × S} grid (YOLO's one object per cell). The background is a random
 * vertical gradient plus uniform pixel noise of amplitude {@code noise}. Ground truth is each
 * object's full box, occluded or not (as in PASCAL VOC).
 *
 * <p>Scene {@code i} depends only on the configuration, the seed and {@code i} (its own
 * {@link SplittableRandom} seeded from a 64-bit mix of both), so a data set is reproducible in
 * parts and in any order. Immutable and thread-safe.
 *
 * <pre>{@code
 * SyntheticScenes scenes = new SyntheticScenes(64, 4, 7, 0.1, 42);
 * Scene s = scenes.scene(0);
 * }</pre>
 *
 * @param size the image's width and height in pixels, in {@code [16, 1024]}
 * @param maxObjects the largest number of objects per scene, in {@code [0, 16]}
 * @param gridSize the YOLO grid whose cells hold at most one centre each, in {@code [1, 64]},
 *     or 0 for no such rule
 * @param noise the amplitude of the background's pixel noise, in {@code [0, 0.5]}
 * @param seed the seed of the data set
 */
public record SyntheticScenes(int size, int maxObjects, int gridSize, double noise, long seed) {

    /** The class index of cars. */
    public static final int CAR = 0;
    /** The class index of pedestrians. */
    public static final int PEDESTRIAN = 1;
    /** The number of classes. */
    public static final int CLASSES = 2;
    /** The largest IoU between two objects of a scene. */
    public static final double MAX_OVERLAP = 0.3;

    private static final int CHANNELS = 3;
    private static final int PLACEMENT_TRIES = 50;

    /**
     * Validates the configuration.
     *
     * @param size the width and height, in {@code [16, 1024]}
     * @param maxObjects the most objects, in {@code [0, 16]}
     * @param gridSize the grid, in {@code [1, 64]}, or 0
     * @param noise the noise amplitude, in {@code [0, 0.5]}
     * @param seed the seed
     * @throws IllegalArgumentException if a value is out of its range
     */
    public SyntheticScenes {
        if (size < 16 || size > 1024) {
            throw new IllegalArgumentException("size must be in [16, 1024], got " + size);
        }
        if (maxObjects < 0 || maxObjects > 16) {
            throw new IllegalArgumentException("maxObjects must be in [0, 16], got " + maxObjects);
        }
        if (gridSize < 0 || gridSize > 64) {
            throw new IllegalArgumentException("gridSize must be in [1, 64] or 0 for none, got "
                    + gridSize);
        }
        if (gridSize > 0 && maxObjects > gridSize * gridSize) {
            throw new IllegalArgumentException("maxObjects " + maxObjects + " cannot have distinct"
                    + " cells in a " + gridSize + "×" + gridSize + " grid");
        }
        if (!(noise >= 0 && noise <= 0.5)) {
            throw new IllegalArgumentException("noise must be in [0, 0.5], got " + noise);
        }
    }

    /**
     * Scene {@code index}.
     *
     * @param index the scene's index, {@code ≥ 0}
     * @return the scene
     * @throws IllegalArgumentException if {@code index < 0}
     */
    public Scene scene(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        float[] px = new float[CHANNELS * size * size];
        background(px, random);
        int count = random.nextInt(maxObjects + 1);
        List<GroundTruthBox> boxes = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            GroundTruthBox box = place(boxes, random);
            if (box == null) {
                break; // no room left under the overlap and cell rules
            }
            boxes.add(box);
            float[] colour = {(float) random.nextDouble(), (float) random.nextDouble(),
                (float) random.nextDouble()};
            if (box.classId() == CAR) {
                drawCar(px, box, colour);
            } else {
                drawPedestrian(px, box, colour);
            }
        }
        return new Scene(size, CHANNELS, px, boxes);
    }

    /**
     * Scenes {@code from} to {@code from + count − 1}.
     *
     * @param from the first index, {@code ≥ 0}
     * @param count how many, {@code ≥ 0}
     * @return the scenes, in index order
     * @throws IllegalArgumentException if an argument is negative
     */
    public List<Scene> scenes(long from, int count) {
        if (from < 0 || count < 0) {
            throw new IllegalArgumentException("from and count must be >= 0, got from=" + from
                    + ", count=" + count);
        }
        List<Scene> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(scene(from + i));
        }
        return out;
    }

    private GroundTruthBox place(List<GroundTruthBox> placed, SplittableRandom random) {
        for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
            int cls = random.nextInt(CLASSES);
            double longer = 0.2 + 0.4 * random.nextDouble();
            double ratio = cls == CAR ? 1.6 + 1.4 * random.nextDouble()
                    : 2.0 + 1.2 * random.nextDouble();
            double w = cls == CAR ? longer : longer / ratio;
            double h = cls == CAR ? longer / ratio : longer;
            double cx = w / 2 + (1 - w) * random.nextDouble();
            double cy = h / 2 + (1 - h) * random.nextDouble();
            GroundTruthBox box = new GroundTruthBox(cls, cx, cy, w, h);
            boolean fits = true;
            for (GroundTruthBox other : placed) {
                if (iou(box, other) > MAX_OVERLAP || gridSize > 0 && sameCell(box, other)) {
                    fits = false;
                    break;
                }
            }
            if (fits) {
                return box;
            }
        }
        return null;
    }

    private boolean sameCell(GroundTruthBox a, GroundTruthBox b) {
        return cell(a.cx()) == cell(b.cx()) && cell(a.cy()) == cell(b.cy());
    }

    private int cell(double v) {
        return Math.min((int) (v * gridSize), gridSize - 1);
    }

    static double iou(GroundTruthBox a, GroundTruthBox b) {
        return new Detection(a.classId(), 0, a.cx(), a.cy(), a.w(), a.h()).iou(b);
    }

    private void background(float[] px, SplittableRandom random) {
        float[] top = new float[CHANNELS];
        float[] bottom = new float[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            top[c] = (float) (0.2 + 0.6 * random.nextDouble());
            bottom[c] = (float) (0.2 + 0.6 * random.nextDouble());
        }
        for (int c = 0; c < CHANNELS; c++) {
            for (int y = 0; y < size; y++) {
                float t = (float) y / (size - 1);
                float base = top[c] + (bottom[c] - top[c]) * t;
                for (int x = 0; x < size; x++) {
                    float v = base + (float) (noise * (2 * random.nextDouble() - 1));
                    px[(c * size + y) * size + x] = clamp(v);
                }
            }
        }
    }

    private void drawCar(float[] px, GroundTruthBox b, float[] colour) {
        double x0 = b.cx() - b.w() / 2;
        double y0 = b.cy() - b.h() / 2;
        // The body: the lower 60% of the box; the cabin: the upper 40%, inset, lighter.
        fillRect(px, x0, y0 + 0.4 * b.h(), b.w(), 0.6 * b.h(), colour);
        float[] light = {lighter(colour[0]), lighter(colour[1]), lighter(colour[2])};
        fillRect(px, x0 + 0.2 * b.w(), y0, 0.6 * b.w(), 0.4 * b.h(), light);
        double r = 0.18 * b.h();
        float[] dark = {0.05f, 0.05f, 0.05f};
        fillDisc(px, x0 + 0.22 * b.w(), y0 + b.h() - r, r, dark);
        fillDisc(px, x0 + 0.78 * b.w(), y0 + b.h() - r, r, dark);
    }

    private void drawPedestrian(float[] px, GroundTruthBox b, float[] colour) {
        double x0 = b.cx() - b.w() / 2;
        double y0 = b.cy() - b.h() / 2;
        double r = Math.min(b.w() / 2, 0.15 * b.h());
        fillDisc(px, b.cx(), y0 + r, r, colour);
        fillRect(px, x0, y0 + 2 * r, b.w(), b.h() - 2 * r, colour);
    }

    private void fillRect(float[] px, double x, double y, double w, double h, float[] colour) {
        int xa = (int) Math.floor(x * size);
        int xb = (int) Math.ceil((x + w) * size);
        int ya = (int) Math.floor(y * size);
        int yb = (int) Math.ceil((y + h) * size);
        for (int yy = Math.max(0, ya); yy < Math.min(size, yb); yy++) {
            for (int xx = Math.max(0, xa); xx < Math.min(size, xb); xx++) {
                set(px, yy, xx, colour);
            }
        }
    }

    private void fillDisc(float[] px, double cx, double cy, double r, float[] colour) {
        double rr = r * size;
        double ccx = cx * size;
        double ccy = cy * size;
        for (int yy = Math.max(0, (int) (ccy - rr)); yy < Math.min(size, (int) (ccy + rr) + 1); yy++) {
            for (int xx = Math.max(0, (int) (ccx - rr)); xx < Math.min(size, (int) (ccx + rr) + 1);
                    xx++) {
                double dx = xx + 0.5 - ccx;
                double dy = yy + 0.5 - ccy;
                if (dx * dx + dy * dy <= rr * rr) {
                    set(px, yy, xx, colour);
                }
            }
        }
    }

    private void set(float[] px, int y, int x, float[] colour) {
        for (int c = 0; c < CHANNELS; c++) {
            px[(c * size + y) * size + x] = colour[c];
        }
    }

    private static float lighter(float v) {
        return v + (1 - v) * 0.5f;
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    /** A 64-bit mix of the seed and the index (the finaliser of SplitMix64). */
    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
