package dev.optim.losses.yolo;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Scenes on disk: one PNG per image ({@code 00000.png}, {@code 00001.png}, …, 8 bits per
 * channel) and one {@code labels.csv} with a header and a row per object,
 * {@code image,class,cx,cy,w,h}, in image-relative units written with
 * {@link Double#toString(double)} so that the boxes read back exactly. Pixels read back
 * quantised to {@code round(255·v)/255}.
 *
 * <p>{@link #write} writes into a fresh temporary folder beside the target and renames it into
 * place, so that a failed write leaves no half-written data set.
 */
public final class SceneFiles {

    /** The labels file's name. */
    public static final String LABELS = "labels.csv";
    /** The labels file's header. */
    public static final String HEADER = "image,class,cx,cy,w,h";

    private SceneFiles() {}

    /**
     * Writes scenes into the folder {@code dir}, which must not exist yet.
     *
     * @param dir the folder to create
     * @param scenes the scenes, all with 3 channels
     * @throws IllegalArgumentException if an argument is null, {@code dir} exists, or a scene has
     *     another number of channels than 3
     * @throws UncheckedIOException if writing fails (nothing is left at {@code dir})
     */
    public static void write(Path dir, List<Scene> scenes) {
        if (dir == null || scenes == null || scenes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("dir and scenes must not be null");
        }
        if (Files.exists(dir)) {
            throw new IllegalArgumentException("dir must not exist yet, got " + dir);
        }
        for (int i = 0; i < scenes.size(); i++) {
            if (scenes.get(i).channels() != 3) {
                throw new IllegalArgumentException("scene " + i + " must have 3 channels, got "
                        + scenes.get(i).channels());
            }
        }
        Path parent = dir.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".");
            try (BufferedWriter out = Files.newBufferedWriter(tmp.resolve(LABELS),
                    StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.newLine();
                for (int i = 0; i < scenes.size(); i++) {
                    Scene s = scenes.get(i);
                    ImageIO.write(toImage(s), "png", tmp.resolve(name(i)).toFile());
                    for (GroundTruthBox b : s.objects()) {
                        out.write(i + "," + b.classId() + "," + b.cx() + "," + b.cy() + ","
                                + b.w() + "," + b.h());
                        out.newLine();
                    }
                }
            }
            Files.move(tmp, dir);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scenes to " + dir + ": " + e.getMessage(),
                    e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Reads scenes written by {@link #write}.
     *
     * @param dir the folder
     * @return the scenes, in image order
     * @throws IllegalArgumentException if the folder or a file is missing or malformed (a
     *     message with the file and the line), or images differ in size
     * @throws UncheckedIOException if reading fails
     */
    public static List<Scene> read(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("dir must not be null");
        }
        Path labels = dir.resolve(LABELS);
        if (!Files.isRegularFile(labels)) {
            throw new IllegalArgumentException("no " + LABELS + " in " + dir);
        }
        try {
            List<float[]> images = new ArrayList<>();
            int size = -1;
            for (int i = 0; Files.isRegularFile(dir.resolve(name(i))); i++) {
                BufferedImage img = ImageIO.read(dir.resolve(name(i)).toFile());
                if (img == null) {
                    throw new IllegalArgumentException(dir.resolve(name(i)) + " is not an image");
                }
                if (img.getWidth() != img.getHeight() || size >= 0 && img.getWidth() != size) {
                    throw new IllegalArgumentException(dir.resolve(name(i)) + " is "
                            + img.getWidth() + "×" + img.getHeight() + ", expected square"
                            + (size >= 0 ? " " + size + "×" + size : ""));
                }
                size = img.getWidth();
                images.add(fromImage(img));
            }
            List<List<GroundTruthBox>> boxes = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                boxes.add(new ArrayList<>());
            }
            List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
                throw new IllegalArgumentException(labels + ":1: the header must be " + HEADER);
            }
            for (int n = 1; n < lines.size(); n++) {
                String line = lines.get(n).trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 6) {
                    throw new IllegalArgumentException(labels + ":" + (n + 1) + ": expected 6 "
                            + "fields (" + HEADER + "), got " + f.length);
                }
                try {
                    int image = Integer.parseInt(f[0].trim());
                    if (image < 0 || image >= images.size()) {
                        throw new IllegalArgumentException("image " + image + " is not among the "
                                + images.size() + " images");
                    }
                    boxes.get(image).add(new GroundTruthBox(Integer.parseInt(f[1].trim()),
                            Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]), Double.parseDouble(f[5])));
                } catch (IllegalArgumentException e) { // NumberFormatException included
                    throw new IllegalArgumentException(labels + ":" + (n + 1) + ": "
                            + e.getMessage(), e);
                }
            }
            List<Scene> scenes = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                scenes.add(new Scene(size, 3, images.get(i), boxes.get(i)));
            }
            return scenes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenes from " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A scene as an 8-bit RGB image.
     *
     * @param scene a 3-channel scene
     * @return the image
     * @throws IllegalArgumentException if the scene is null or has not 3 channels
     */
    public static BufferedImage toImage(Scene scene) {
        if (scene == null || scene.channels() != 3) {
            throw new IllegalArgumentException("scene must have 3 channels");
        }
        int n = scene.size();
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int r = Math.round(255 * scene.pixel(0, y, x));
                int g = Math.round(255 * scene.pixel(1, y, x));
                int b = Math.round(255 * scene.pixel(2, y, x));
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    private static float[] fromImage(BufferedImage img) {
        int n = img.getWidth();
        float[] px = new float[3 * n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int rgb = img.getRGB(x, y);
                px[(0 * n + y) * n + x] = ((rgb >> 16) & 0xff) / 255f;
                px[(1 * n + y) * n + x] = ((rgb >> 8) & 0xff) / 255f;
                px[(2 * n + y) * n + x] = (rgb & 0xff) / 255f;
            }
        }
        return px;
    }

    private static String name(int i) {
        return String.format("%05d.png", i);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: the folder is hidden and temporary
        }
    }
}
