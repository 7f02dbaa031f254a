package dev.optim.examples.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.examples.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharpnessCommandTest {

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aNonPositiveEpsilonIsBadInput(@TempDir Path dir) {
        for (String eps : new String[] {"0", "-1e-3"}) {
            Result r = run("sharpness", "--quick", "--epsilon", eps, "--out", dir.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains("--epsilon") && r.err().contains(
                    String.valueOf(Double.parseDouble(eps))), r.err());
        }
    }

    @Test
    void anEigenvalueCountAboveTheDimensionIsBadInput(@TempDir Path dir) {
        // Quick digits MLP: 64·16 + 16 + 16·10 + 10 = 1210 parameters.
        Result r = run("sharpness", "--quick", "--eigenvalues", "1211", "--out", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--eigenvalues must be in [1, 1210]")
                && r.err().contains("1211"), r.err());
        r = run("sharpness", "--quick", "--eigenvalues", "11", "--out", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--lanczos-iterations 10") && r.err().contains("11"),
                r.err());
    }

    @Test
    void batchesOutOfOrderAreBadInput(@TempDir Path dir) {
        Result r = run("sharpness", "--quick", "--small-batch", "64", "--large-batch", "64",
                "--out", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("1 <= small < large <= 1258 (the training part), got 64 and"
                + " 64"), r.err());
        r = run("sharpness", "--quick", "--target-loss", "0", "--out", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--target-loss must be finite and > 0, got 0.0"), r.err());
    }

    @Test
    void aDirectionOfTheWrongLengthIsBadInput(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("d.txt");
        Files.writeString(d, "1,2,3\n4\n");
        Result r = run("sharpness", "--quick", "--direction", d.toString(), "--out",
                dir.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--direction must hold one value per parameter, 1210, got 4"),
                r.err());
    }

    @Test
    void aQuickRunOnTheSpiralsWritesTheTableAndThePictures(@TempDir Path dir) throws Exception {
        Result r = run("sharpness", "--quick", "--dataset", "spirals", "--skip-schedules",
                "--grid", "3", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("eps_sharpness_full") && r.out().contains("top_eigenvalue"),
                r.out());
        for (String f : new String[] {"sharpness.csv", "table.txt", "interpolation.png",
            "interpolation.csv",
            "slice.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(dir.resolve("sharpness.csv"));
        assertEquals(1 + 2 + 4, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("1,32,"), csv.get(1));
        List<String> line = Files.readAllLines(dir.resolve("interpolation.csv"));
        assertEquals("alpha,train_loss,test_loss", line.get(0));
        assertEquals(1 + 9, line.size());
        // α = 0 is the small-batch solution: its train loss is the table's.
        String sbLoss = csv.get(1).split(",")[2];
        assertEquals(Double.parseDouble(sbLoss), Double.parseDouble(line.get(3).split(",")[1]),
                1e-3 * Double.parseDouble(sbLoss));
    }
}
