package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.landscapes.regression.Line;
import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressCommandTest {

    @TempDir
    Path dir;

    @Test
    void fullBatchFitReachesTheLeastSquaresLine() {
        Cli.Result r = Cli.run("regress", "--points", "50", "--seed", "3", "--lr", "0.05",
                "--steps", "3000", "--init", "0.5,-0.5");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals("step,loss,lr,slope,intercept", lines.get(0));
        assertEquals(3002, lines.size());
        RegressionData d = RegressionProblem.builder().points(50).seed(3).build().generate();
        Line ls = d.leastSquares();
        double[] last = Cli.row(lines.get(3001));
        assertEquals(ls.slope(), last[3], 1e-8);
        assertEquals(ls.intercept(), last[4], 1e-8);
        assertEquals(d.loss(ls), last[1], 1e-10 * d.loss(ls));
        double[] first = Cli.row(lines.get(1));
        assertEquals(0.5, first[3]);
        assertEquals(-0.5, first[4]);
        // The loss column is the MSE over the whole data set at the row's line.
        assertEquals(d.loss(new Line(first[3], first[4])), first[1], 1e-12 * first[1]);
    }

    @Test
    void miniBatchEpochsFromAFileAndTheLossIsOverTheWholeSet() throws Exception {
        Path csv = dir.resolve("points.csv");
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < 10; i++) {
            s.append(i).append(',').append(2 * i + 1 + (i % 2 == 0 ? 0.5 : -0.5)).append('\n');
        }
        Files.writeString(csv, s);
        Cli.Result r = Cli.run("regress", "--data", csv.toString(), "--batch-size", "3",
                "--epochs", "2", "--lr", "0.001", "--init", "0,0", "--shuffle");
        assertEquals(0, r.code(), r.err());
        // 2 epochs of ceil(10/3) = 4 batches: 8 updates, 9 rows.
        assertEquals(10, r.lines().size());
        RegressionData d = RegressionData.fromCsv(csv);
        for (int k = 1; k < 10; k++) {
            double[] row = Cli.row(r.lines().get(k));
            assertEquals(d.loss(new Line(row[3], row[4])), row[1], 1e-12 * row[1]);
        }
    }

    @Test
    void outFileGetsTheTableAndASummaryIsPrinted() throws Exception {
        Path out = dir.resolve("fit.csv");
        Cli.Result r = Cli.run("regress", "--points", "20", "--truth", "1.5,-2", "--noise", "0",
                "--steps", "10", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("least squares slope 1.5 intercept -2"), r.err());
        assertEquals(12, Files.readAllLines(out).size());
    }

    @Test
    void badInputIsOneLineAndStatusTwo() throws Exception {
        Path malformed = dir.resolve("bad.csv");
        Files.writeString(malformed, "x,y\n1,2\n3,oops\n");
        Path headless = dir.resolve("headless.csv");
        Files.writeString(headless, "1,2\n3,4\n");
        String[][] cases = {
            {"no such file", "regress", "--data", dir.resolve("missing.csv").toString()},
            {"'oops' is not a number", "regress", "--data", malformed.toString()},
            {"x and y", "regress", "--data", headless.toString()},
            {"--points applies to generated data", "regress", "--data", malformed.toString(),
                "--points", "5"},
            {"--epochs and --steps", "regress", "--epochs", "2", "--steps", "3"},
            {"--batch-size 400 exceeds", "regress", "--batch-size", "400"},
            {"--batch-size must be >= 1", "regress", "--batch-size", "0"},
            {"--init takes SLOPE,INTERCEPT", "regress", "--init", "1,2,3"},
            {"'1;2'", "regress", "--truth", "1;2"},
            {"--noise must be finite and >= 0", "regress", "--noise", "-1"},
            {"--points must be in [2, 1000000], got 1", "regress", "--points", "1"},
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
    void divergingFitExitsThree() {
        Cli.Result r = Cli.run("regress", "--points", "30", "--lr", "2", "--steps", "100");
        assertEquals(ExitCodes.DIVERGED, r.code());
        assertTrue(r.err().contains("diverged at step"), r.err());
        assertTrue(r.lines().size() < 102);
    }
}
