package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import dev.optim.landscapes.regression.Line;
import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionProblem;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurfaceAndRaceCommandTest {

    @TempDir
    Path dir;

    @Test
    void surfaceOfALandscapeIsACsvGridAndAPicture() throws Exception {
        Path csv = dir.resolve("h.csv");
        Cli.Result r = Cli.run("surface", "--landscape", "himmelblau", "--resolution", "7",
                "--out", csv.toString(), "--width", "300", "--height", "200");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x,y,loss", lines.get(0));
        assertEquals(1 + 49, lines.size());
        Landscape l = Landscapes.byName("himmelblau");
        for (String line : lines.subList(1, lines.size())) {
            double[] v = Cli.row(line);
            assertTrue(v[0] >= -5 && v[0] <= 5 && v[1] >= -5 && v[1] <= 5);
            assertEquals(l.value(new double[] {v[0], v[1]}), v[2], 1e-12 * Math.max(1, v[2]));
        }
        assertPng(dir.resolve("h.png"), 300, 200);
    }

    @Test
    void surfaceOfTheRegressionCoversTheArticlesAxes() throws Exception {
        Path png = dir.resolve("reg.png");
        Cli.Result r = Cli.run("surface", "--regression", "--points", "40", "--seed", "5",
                "--resolution", "5", "--png", png.toString(), "--width", "320", "--height",
                "240");
        assertEquals(0, r.code(), r.err());
        // With --png and no --out, only the picture is written: no CSV floods the terminal.
        assertEquals("", r.out());
        assertPng(png, 320, 240);
        Cli.Result csv = Cli.run("surface", "--regression", "--points", "40", "--seed", "5",
                "--resolution", "5");
        assertEquals(0, csv.code(), csv.err());
        assertEquals("", csv.err());
        r = csv;
        assertEquals("x,y,loss", r.lines().get(0));
        assertEquals(26, r.lines().size());
        RegressionData d = RegressionProblem.builder().points(40).seed(5).build().generate();
        double[] corner = Cli.row(r.lines().get(1));
        assertEquals(-5, corner[0]);
        assertEquals(-5, corner[1]);
        assertEquals(d.loss(new Line(-5, -5)), corner[2], 1e-12 * corner[2]);
    }

    @Test
    void surfaceRefusesBadInput() {
        String[][] cases = {
            {"exactly one of", "surface"},
            {"exactly one of", "surface", "--landscape", "booth", "--regression"},
            {"--x-range takes LO,HI", "surface", "--landscape", "booth", "--x-range", "3,1"},
            {"--resolution must be in [2, 2000]", "surface", "--landscape", "booth",
                "--resolution", "1"},
            {"apply to --regression only", "surface", "--landscape", "booth", "--points", "5"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            Cli.Result r = Cli.run(args);
            assertEquals(ExitCodes.BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains(c[0]), c[0] + " not in: " + r.err());
        }
    }

    @Test
    void raceRunsTheFourOptimizersAndDrawsThem() throws Exception {
        Path png = dir.resolve("race.png");
        Cli.Result r = Cli.run("race", "--landscape", "himmelblau", "--start", "0,0", "--steps",
                "30", "--lr-sgd", "0.01", "--lr-adam", "0.2", "--png", png.toString(),
                "--resolution", "20", "--width", "400", "--height", "300");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertTrue(lines.get(0).startsWith("optimizer"), lines.get(0));
        assertTrue(lines.get(2).startsWith("GD "), lines.get(2));
        assertTrue(lines.get(3).startsWith("Momentum "), lines.get(3));
        assertTrue(lines.get(4).startsWith("RMSprop "), lines.get(4));
        assertTrue(lines.get(5).startsWith("Adam "), lines.get(5));
        assertTrue(lines.get(5).contains("0.2") && lines.get(5).contains("30 steps"), lines.get(5));
        assertPng(png, 400, 300);
    }

    @Test
    void raceMarksADivergingRunnerAndRefusesBadStarts() {
        Cli.Result r = Cli.run("race", "--landscape", "himmelblau", "--steps", "30", "--lr-sgd",
                "1", "--png", dir.resolve("d.png").toString(), "--resolution", "10");
        assertEquals(ExitCodes.DIVERGED, r.code(), r.err());
        assertTrue(r.lines().get(2).contains("diverged at step"), r.lines().get(2));
        Cli.Result bad = Cli.run("race", "--landscape", "rosenbrock", "--start", "0,0,0");
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("--start has 3 coordinates"), bad.err());
    }

    static void assertPng(Path file, int width, int height) throws Exception {
        assertTrue(Files.isRegularFile(file), file + " missing");
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file + " is not a PNG");
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
    }
}
