package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheValueAndGradientOfTheLandscape() {
        double[] at = {0.3, -1.7};
        Cli.Result r = Cli.run("eval", "--landscape", "goldstein-price", "--at", "0.3,-1.7");
        assertEquals(0, r.code(), r.err());
        assertEquals("loss,g0,g1", r.lines().get(0));
        assertEquals(2, r.lines().size());
        Landscape l = Landscapes.byName("goldstein-price");
        double[] g = new double[2];
        double f = l.evaluate(at, g);
        assertArrayEquals(new double[] {f, g[0], g[1]}, Cli.row(r.lines().get(1)));
    }

    @Test
    void anyDimensionLandscapesTakeTheirDimensionFromThePoint() throws Exception {
        Path out = dir.resolve("e.csv");
        Cli.Result r = Cli.run("eval", "--landscape", "rosenbrock", "--at", "0,0.5,-1,2",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = Files.readString(out).split("\n");
        assertEquals("loss,g0,g1,g2,g3", lines[0]);
        double[] g = new double[4];
        double f = Landscapes.byName("rosenbrock", 4).evaluate(new double[] {0, 0.5, -1, 2}, g);
        assertArrayEquals(new double[] {f, g[0], g[1], g[2], g[3]}, Cli.row(lines[1]));
    }

    @Test
    void badInputIsOneLineAndStatusTwo() {
        String[][] cases = {
            {"--landscape 'nowhere'", "eval", "--landscape", "nowhere", "--at", "0,0"},
            {"'0,zero'", "eval", "--landscape", "himmelblau", "--at", "0,zero"},
            {"3 coordinates", "eval", "--landscape", "himmelblau", "--at", "0,0,0"},
            {"1 coordinate", "eval", "--landscape", "sphere", "--at", "1"},
            {"'--at", "eval", "--landscape", "himmelblau"},
            {"finite", "eval", "--landscape", "himmelblau", "--at", "0,NaN"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            Cli.Result r = Cli.run(args);
            assertEquals(ExitCodes.BAD_INPUT, r.code(), String.join(" ", args));
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains(c[0]), c[0] + " not in: " + r.err());
            assertTrue(r.err().startsWith("optim eval: "), r.err());
            assertEquals("", r.out());
        }
    }
}
