package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.schedule.Schedules;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void trajectoryHasNPlusOneRowsAndEndsWhereADirectDescentEnds() {
        Cli.Result r = Cli.run("run", "--landscape", "rosenbrock", "--optimizer", "adam",
                "--lr", "0.05", "--beta1", "0.8", "--steps", "40", "--start", "-1.5,2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals("step,loss,lr,x0,x1", lines.get(0));
        assertEquals(41 + 1, lines.size());
        Landscape l = Landscapes.byName("rosenbrock");
        DescentResult direct = Descent.builder(Adam.builder().learningRate(0.05).beta1(0.8).build())
                .maxSteps(40).build().run(l, new double[] {-1.5, 2});
        double[] last = Cli.row(lines.get(41));
        assertEquals(40, last[0]);
        assertEquals(direct.loss(), last[1]);
        assertEquals(0.05, last[2]);
        assertArrayEquals(direct.parameters(), new double[] {last[3], last[4]});
        for (int k = 0; k <= 40; k++) {
            double[] row = Cli.row(lines.get(k + 1));
            assertEquals(k, row[0]);
            // The loss column is the landscape's value at the row's parameters.
            assertEquals(l.value(new double[] {row[3], row[4]}), row[1]);
        }
    }

    @Test
    void outputIsTheLibrarysTrajectoryCsvAndRoundTrips() {
        Cli.Result r = Cli.run("run", "--landscape", "himmelblau", "--optimizer", "rmsprop",
                "--lr", "0.03", "--rho", "0.95", "--eps", "1e-6", "--steps", "25",
                "--start", "0.1,-0.2", "--schedule", "inverse-time", "--decay", "0.1");
        assertEquals(0, r.code(), r.err());
        DescentResult direct = Descent.builder(RmsProp.builder()
                        .learningRate(Schedules.inverseTimeDecay(0.03, 0.1)).rho(0.95)
                        .epsilon(1e-6).build())
                .maxSteps(25).build().run(Landscapes.byName("himmelblau"), new double[] {0.1, -0.2});
        StringWriter expected = new StringWriter();
        direct.trajectory().writeCsv(expected);
        assertEquals(expected.toString(), r.out());
        // The lr column is the schedule at k: 0.03 / (1 + 0.1 k).
        double[] row10 = Cli.row(r.lines().get(11));
        assertEquals(0.03 / (1 + 0.1 * 10), row10[2], 1e-18);
    }

    @Test
    void float32RunsInSinglePrecision() {
        Cli.Result r = Cli.run("run", "--landscape", "sphere", "--start", "1,2,3",
                "--optimizer", "momentum", "--momentum-form", "nesterov", "--momentum", "0.5",
                "--lr", "0.1", "--steps", "10", "--dtype", "float32");
        assertEquals(0, r.code(), r.err());
        assertEquals("step,loss,lr,x0,x1,x2", r.lines().get(0));
        assertEquals(12, r.lines().size());
        DescentResult direct = Descent.builder(Momentum.builder().learningRate(0.1).momentum(0.5)
                        .form(Momentum.Form.NESTEROV).build()).maxSteps(10).build()
                .run(Landscapes.byName("sphere", 3),
                        Nd4j.createFromArray(1.0, 2.0, 3.0).castTo(DataType.FLOAT));
        double[] last = Cli.row(r.lines().get(11));
        double[] p = direct.parameters();
        for (int i = 0; i < 3; i++) {
            assertEquals(p[i], last[3 + i]);
            assertEquals((float) last[3 + i], last[3 + i], 0.0, "a float32 value");
        }
    }

    @Test
    void divergenceStopsAtItsStepSaysSoAndExitsThree() {
        Cli.Result r = Cli.run("run", "--landscape", "himmelblau", "--lr", "1", "--steps", "50");
        assertEquals(ExitCodes.DIVERGED, r.code());
        DescentResult direct = Descent.builder(dev.optim.core.optimizer.Sgd.of(1)).maxSteps(50)
                .build().run(Landscapes.byName("himmelblau"), new double[2]);
        long k = direct.divergedAtStep();
        assertTrue(k > 0 && k < 50, "diverged at " + k);
        assertEquals(k + 2, r.lines().size());
        assertEquals(k, (long) Cli.row(r.lines().get((int) k + 1))[0]);
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("diverged at step " + k), r.err());
    }

    @Test
    void jsonAndOutFile() throws Exception {
        Path out = dir.resolve("sub/run.json");
        Cli.Result r = Cli.run("run", "--landscape", "booth", "--steps", "3", "--format", "json",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("optim run: wrote 4 rows to "), r.err());
        String json = Files.readString(out);
        assertTrue(json.startsWith("{\"landscape\":\"booth\""), json);
        assertTrue(json.contains("\"columns\":[\"step\",\"loss\",\"lr\",\"x0\",\"x1\"]"), json);
        assertTrue(json.contains("\"rows\":[[0,74.0,0.01,0.0,0.0],[1,"), json);
        assertTrue(json.contains("\"reason\":\"MAX_STEPS\""), json);
        assertEquals(4, json.split("\\],\\[").length);
    }

    @Test
    void badInputIsOneLineAndStatusTwo() {
        String[][] cases = {
            {"'adagrad2'", "run", "--landscape", "himmelblau", "--optimizer", "adagrad2"},
            {"'fast'", "run", "--landscape", "himmelblau", "--lr", "fast"},
            {"--lr must be finite", "run", "--landscape", "himmelblau", "--lr", "-0.1"},
            {"--rho 0.5 applies to --optimizer rmsprop", "run", "--landscape", "himmelblau",
                "--optimizer", "adam", "--rho", "0.5"},
            {"--beta1 must be in [0, 1)", "run", "--landscape", "himmelblau", "--optimizer",
                "adam", "--beta1", "1.2"},
            {"'sideways'", "run", "--landscape", "himmelblau", "--optimizer", "momentum",
                "--momentum-form", "sideways"},
            {"needs --decay", "run", "--landscape", "himmelblau", "--schedule", "inverse-time"},
            {"--gamma 0.5 applies to --schedule step or exponential", "run", "--landscape",
                "himmelblau", "--gamma", "0.5"},
            {"'linear'", "run", "--landscape", "himmelblau", "--schedule", "linear"},
            {"--steps must be in [0, 1000000000], got -1", "run", "--landscape", "himmelblau", "--steps", "-1"},
            {"'10.5'", "run", "--landscape", "himmelblau", "--steps", "10.5"},
            {"3 coordinates", "run", "--landscape", "beale", "--start", "1,2,3"},
            {"'float16'", "run", "--landscape", "beale", "--dtype", "float16"},
            {"'xml'", "run", "--landscape", "beale", "--format", "xml"},
            {"'mountains'", "run", "--landscape", "mountains"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            Cli.Result r = Cli.run(args);
            assertEquals(ExitCodes.BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains(c[0]), c[0] + " not in: " + r.err());
            assertEquals("", r.out(), String.join(" ", args));
        }
    }
}
