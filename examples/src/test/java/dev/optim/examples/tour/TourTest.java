package dev.optim.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.examples.Main;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TourTest {

    @TempDir
    Path dir;

    @Test
    void quickTourWritesEveryPictureAndTheSummary() throws Exception {
        Path out = dir.resolve("tour");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(new String[] {"tour", "--out", out.toString(), "--quick",
            "--width", "320", "--height", "240"}, new PrintWriter(stdout), new PrintWriter(stderr));
        assertEquals(0, code, stderr.toString());

        List<String> expected = new ArrayList<>(List.of("1-regression-data.png",
                "2-regression-surface.png", "3-learning-rates.png", "5-house-prices.png",
                "6-yolo-loss.png", "7-optimizer-memory.png", "8-mlp-optimizers.png",
                "9-detector-loss-terms.png", "9-detector-pr-curves.png",
                "10-sharpness-interpolation.png", "10-sharpness-slice.png"));
        for (String l : List.of("himmelblau", "styblinski-tang", "rosenbrock",
                "goldstein-price")) {
            expected.add("4-race-" + l + ".png");
            expected.add("4-race-" + l + "-decay.png");
        }
        List<String> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .sorted().toList();
        }
        assertEquals(expected.stream().sorted().toList(), written);
        for (String name : expected) {
            BufferedImage img = ImageIO.read(out.resolve(name).toFile());
            assertNotNull(img, name + " does not decode as an image");
            assertEquals(320, img.getWidth(), name);
            assertEquals(240, img.getHeight(), name);
        }

        String summary = Files.readString(out.resolve(Tour.SUMMARY));
        assertTrue(summary.contains("| # | point of the article | what the run shows | pictures |"),
                summary);
        for (int point = 1; point <= 10; point++) {
            assertTrue(summary.contains("\n| " + point + " | "), "point " + point + ":\n" + summary);
        }
        for (String name : expected) {
            assertTrue(summary.contains(name), name);
        }
        assertTrue(summary.contains("diverged at step"), summary);
        assertTrue(summary.contains("Adam 2 (8/16)"), summary);
        // Data on standard output (the summary, nothing else), messages on standard error.
        assertEquals(summary, stdout.toString());
        assertTrue(stderr.toString().contains("optim tour: wrote 19 pictures"), stderr.toString());
    }
}
