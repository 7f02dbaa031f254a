package dev.optim.examples.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.examples.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void quickTrainsScoresAndWritesTheEpochTable(@TempDir Path dir) throws IOException {
        Result r = run("detect", "--quick", "--optimizer", "sgd", "--lr", "0.05", "--seed", "3",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("SGD lr 0.05 momentum 0.9"), r.out());
        assertTrue(r.out().matches("(?s).*mAP@0\\.5: [01]\\.\\d{4} on 64 held-out scenes.*"),
                r.out());
        assertTrue(r.out().contains("AP car: ") && r.out().contains("AP pedestrian: "), r.out());
        assertTrue(r.out().matches("(?s).*training: [\\d.]+ s, 12 steps, [\\d.]+ ms per step, 2"
                + " epochs.*"), r.out());
        assertTrue(r.out().contains("memory: peak heap "), r.out());
        assertTrue(r.out().contains("final test terms: xy "), r.out());
        assertTrue(r.err().contains("optim detect: epoch 2/2, 12 steps"), r.err());
        List<String> csv = Files.readAllLines(dir.resolve(DetectCommand.EPOCHS_CSV));
        assertEquals("epoch,steps,seconds,train_xy,train_wh,train_conf_obj,train_conf_noobj,"
                + "train_cls,train_total,test_xy,test_wh,test_conf_obj,test_conf_noobj,test_cls,"
                + "test_total", csv.get(0));
        assertEquals(3, csv.size());
        String[] last = csv.get(2).split(",");
        assertEquals("2", last[0]);
        assertEquals("12", last[1]);
        double sum = 0;
        for (int k = 9; k < 14; k++) {
            sum += Double.parseDouble(last[k]);
        }
        assertEquals(Double.parseDouble(last[14]), sum, 1e-4 * sum);
        for (String png : List.of(DetectionPictures.DETECTIONS, DetectionPictures.LOSS_TERMS,
                DetectionPictures.PR_CURVES)) {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(
                    dir.resolve(png).toFile());
            assertTrue(img != null && img.getWidth() > 100, png);
            assertTrue(r.out().contains("wrote " + dir.resolve(png)), r.out());
        }
        java.awt.image.BufferedImage grid = javax.imageio.ImageIO.read(
                dir.resolve(DetectionPictures.DETECTIONS).toFile());
        // 16 tiles of 64 px scaled ×4 in a 4 × 4 grid, as DetectionPictures lays them out.
        assertEquals(DetectionPictures.gridWidth(4, 64 * DetectionPictures.SCALE),
                grid.getWidth());
    }

    @Test
    void badValuesExitTwoWithOneLineNamingTheOptionAndTheValue() {
        String[][] cases = {
            {"--optimizer", "rmsprop", "--optimizer must be adam or sgd, got rmsprop"},
            {"--lr", "-1", "--lr: learningRate must be in (0, 10], got -1.0"},
            {"--lr", "NaN", "--lr: learningRate must be in (0, 10], got NaN"},
            {"--epochs", "0", "--epochs: epochs must be in [1, 100000], got 0"},
            {"--batch-size", "0", "--batch-size: batchSize must be in [1, 4096], got 0"},
            {"--momentum", "1", "--momentum: momentum must be in [0, 1), got 1.0"},
            {"--train-scenes", "-5", "--train-scenes: trainScenes must be in [1, 1000000], got -5"},
            {"--time-budget", "-2", "--time-budget: timeBudgetSeconds must be finite and >= 0,"
                + " got -2.0"},
            {"--epochs", "x", "'x'"},
        };
        for (String[] c : cases) {
            Result r = run("detect", "--quick", c[0], c[1]);
            assertEquals(2, r.code(), c[0] + " " + c[1] + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(c[2]), r.err());
            assertEquals("", r.out());
        }
    }
}
