package dev.optim.losses.yolo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticScenesTest {

    private static final SyntheticScenes SCENES = new SyntheticScenes(64, 4, 7, 0.1, 42);

    @Test
    void sceneDependsOnlyOnSeedAndIndex() {
        Scene a = SCENES.scene(17);
        SCENES.scene(3);
        Scene b = new SyntheticScenes(64, 4, 7, 0.1, 42).scene(17);
        assertArrayEquals(a.pixels(), b.pixels());
        assertEquals(a.objects(), b.objects());
        assertFalse(java.util.Arrays.equals(a.pixels(), SCENES.scene(18).pixels()));
        assertFalse(java.util.Arrays.equals(a.pixels(),
                new SyntheticScenes(64, 4, 7, 0.1, 43).scene(17).pixels()));
        assertEquals(SCENES.scene(5).objects(), SCENES.scenes(5, 2).get(0).objects());
    }

    @Test
    void objectsFollowTheRules() {
        int[] counts = new int[5];
        int[] classes = new int[2];
        YoloTargetEncoder encoder = new YoloTargetEncoder(new YoloGrid(7, 2, 2));
        for (Scene s : SCENES.scenes(0, 400)) {
            List<GroundTruthBox> objects = s.objects();
            counts[objects.size()]++;
            for (GroundTruthBox b : objects) {
                classes[b.classId()]++;
                double longer = Math.max(b.w(), b.h());
                assertTrue(longer >= 0.2 - 1e-12 && longer <= 0.6 + 1e-12, b.toString());
                if (b.classId() == SyntheticScenes.CAR) {
                    double r = b.w() / b.h();
                    assertTrue(r >= 1.6 - 1e-9 && r <= 3 + 1e-9, "car ratio " + r);
                } else {
                    double r = b.h() / b.w();
                    assertTrue(r >= 2 - 1e-9 && r <= 3.2 + 1e-9, "pedestrian ratio " + r);
                }
            }
            for (int i = 0; i < objects.size(); i++) {
                for (int j = 0; j < i; j++) {
                    assertTrue(SyntheticScenes.iou(objects.get(i), objects.get(j))
                            <= SyntheticScenes.MAX_OVERLAP);
                }
            }
            encoder.encode(List.of(objects)); // REJECT policy: distinct cells or it throws
            for (float v : s.pixels()) {
                assertTrue(v >= 0 && v <= 1);
            }
        }
        for (int k = 0; k <= 4; k++) {
            assertTrue(counts[k] > 40, "scenes with " + k + " objects: " + counts[k]);
        }
        double share = (double) classes[0] / (classes[0] + classes[1]);
        assertTrue(share > 0.4 && share < 0.6, "share of cars " + share);
    }

    @Test
    void objectsAreSolidOnANoisyBackground() {
        Scene one = null;
        for (int i = 0; one == null; i++) {
            Scene s = SCENES.scene(i);
            if (s.objects().size() == 1 && s.objects().get(0).classId() == SyntheticScenes.CAR) {
                one = s;
            }
        }
        GroundTruthBox car = one.objects().get(0);
        int n = one.size();
        // The body's centre: the lower 60% of the box.
        int y = (int) ((car.cy() + 0.2 * car.h()) * n);
        int x = (int) (car.cx() * n);
        for (int c = 0; c < 3; c++) {
            assertEquals(one.pixel(c, y, x), one.pixel(c, y, x + 1));
            assertEquals(one.pixel(c, y, x), one.pixel(c, y + 1, x));
        }
        // A background pixel far from the box varies from its neighbour (noise 0.1).
        int by = car.cy() > 0.5 ? 1 : n - 2;
        int differing = 0;
        for (int bx = 0; bx < n - 1; bx++) {
            if (one.pixel(0, by, bx) != one.pixel(0, by, bx + 1)) {
                differing++;
            }
        }
        assertTrue(differing > n / 2, "noisy background pixels: " + differing);
    }

    @Test
    void filesRoundTrip(@TempDir Path tmp) throws Exception {
        List<Scene> scenes = SCENES.scenes(0, 12);
        Path dir = tmp.resolve("scenes");
        SceneFiles.write(dir, scenes);
        List<Scene> back = SceneFiles.read(dir);
        assertEquals(12, back.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(scenes.get(i).objects(), back.get(i).objects());
            float[] a = scenes.get(i).pixels();
            float[] b = back.get(i).pixels();
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k], b[k], 0.5 / 255 + 1e-6);
            }
        }
        var e = assertThrows(IllegalArgumentException.class, () -> SceneFiles.write(dir, scenes));
        assertTrue(e.getMessage().contains("must not exist"), e.getMessage());
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary folder left behind");
        }
    }

    @Test
    void malformedLabelsAreRefusedWithTheLine(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        SceneFiles.write(dir, SCENES.scenes(0, 2));
        Path labels = dir.resolve(SceneFiles.LABELS);
        Files.writeString(labels, SceneFiles.HEADER + "\n0,1,0.5,0.5,0.2,0.4\n1,0,0.5\n");
        var e = assertThrows(IllegalArgumentException.class, () -> SceneFiles.read(dir));
        assertTrue(e.getMessage().contains("labels.csv:3: expected 6 fields"), e.getMessage());
        Files.writeString(labels, SceneFiles.HEADER + "\n0,1,0.95,0.5,0.2,0.4\n");
        e = assertThrows(IllegalArgumentException.class, () -> SceneFiles.read(dir));
        assertTrue(e.getMessage().contains("labels.csv:2: box must lie inside the image"),
                e.getMessage());
        Files.writeString(labels, SceneFiles.HEADER + "\n5,1,0.5,0.5,0.2,0.4\n");
        e = assertThrows(IllegalArgumentException.class, () -> SceneFiles.read(dir));
        assertTrue(e.getMessage().contains("image 5 is not among the 2 images"), e.getMessage());
        Files.writeString(labels, SceneFiles.HEADER + "\n0,x,0.5,0.5,0.2,0.4\n");
        e = assertThrows(IllegalArgumentException.class, () -> SceneFiles.read(dir));
        assertTrue(e.getMessage().contains("labels.csv:2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SceneFiles.read(tmp.resolve("none")));
    }

    @Test
    void refusesBadConfiguration() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SyntheticScenes(8, 4, 7, 0.1, 1));
        assertTrue(e.getMessage().contains("size must be in [16, 1024], got 8"));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticScenes(64, -1, 7, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticScenes(64, 5, 2, 0.1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new SyntheticScenes(64, 4, 7, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> SCENES.scene(-1));
    }
}
