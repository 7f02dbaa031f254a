package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.examples.text.Numbers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, point 9: one rule for diverging runs in {@code run} and {@code race} (status 3, the
 * output still written), the same final point in both, and landscapes without a lower bound
 * reported as such, never as a plain "200 steps" or a NaN distance.
 */
class DivergenceRuleTest {

    @TempDir
    Path dir;

    private static String row(Cli.Result race, String optimizer) {
        return race.lines().stream().filter(l -> l.startsWith(optimizer + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(optimizer + " missing: " + race.out()));
    }

    @Test
    void aDivergedGdEndsAtTheSamePointInRunAndRaceAndBothExitThree() {
        Cli.Result race = Cli.run("race", "--landscape", "rosenbrock", "--start", "0,0",
                "--lr-sgd", "0.5", "--resolution", "10", "--png", dir.resolve("r.png").toString());
        assertEquals(ExitCodes.DIVERGED, race.code(), race.err());
        assertTrue(race.err().contains("GD diverged at step 2"), race.err());
        Cli.Result run = Cli.run("run", "--landscape", "rosenbrock", "--start", "0,0",
                "--optimizer", "sgd", "--lr", "0.5", "--steps", "200");
        assertEquals(ExitCodes.DIVERGED, run.code(), run.err());
        List<String> rows = run.lines();
        // Row k + 1 of the CSV is step k; the last finite one is step 1.
        double[] lastFinite = Cli.row(rows.get(2));
        assertEquals(1, (long) lastFinite[0]);
        String point = Numbers.point(new double[] {lastFinite[3], lastFinite[4]});
        assertTrue(run.err().contains("last finite point " + point + " with loss "
                + Numbers.brief(lastFinite[1]) + " at step 1"), run.err());
        String gd = row(race, "GD");
        assertTrue(gd.contains("diverged at step 2"), gd);
        assertTrue(gd.contains(point), gd + " vs run's " + point);
        assertTrue(gd.contains(Numbers.brief(lastFinite[1])), gd);
    }

    @Test
    void aRaceWithoutDivergenceExitsZero() {
        Cli.Result race = Cli.run("race", "--landscape", "himmelblau", "--steps", "20",
                "--resolution", "10", "--png", dir.resolve("h.png").toString());
        assertEquals(ExitCodes.OK, race.code(), race.err());
    }

    @Test
    void theSaddleIsUnboundedBelowInRunAndRaceAndHasNoNearestMinimum() {
        Cli.Result race = Cli.run("race", "--landscape", "saddle", "--start", "0.1,0.1",
                "--resolution", "10", "--png", dir.resolve("s.png").toString());
        assertEquals(ExitCodes.DIVERGED, race.code(), race.err());
        assertFalse(race.out().contains("NaN"), race.out());
        assertTrue(race.lines().get(0).contains("to nearest global minimum"), race.out());
        String momentum = row(race, "Momentum");
        assertTrue(momentum.contains("unbounded below at step 95"), momentum);
        assertTrue(momentum.contains("none known"), momentum);
        Cli.Result run = Cli.run("run", "--landscape", "saddle", "--start", "0.1,0.1",
                "--optimizer", "momentum", "--lr", "0.01", "--steps", "200");
        assertEquals(ExitCodes.DIVERGED, run.code(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("loss unbounded below"), run.err());
        List<String> rows = run.lines();
        double[] last = Cli.row(rows.get(rows.size() - 1));
        assertEquals(95, (long) last[0]);
        assertTrue(last[1] < -1e6, rows.get(rows.size() - 1));
        assertTrue(momentum.contains(Numbers.point(new double[] {last[3], last[4]})),
                momentum + " vs run's last row " + rows.get(rows.size() - 1));
    }

    @Test
    void theMonkeySaddleToo() {
        Cli.Result race = Cli.run("race", "--landscape", "monkey-saddle", "--start", "0.1,0.1",
                "--resolution", "10", "--png", dir.resolve("m.png").toString());
        assertEquals(ExitCodes.DIVERGED, race.code(), race.err());
        assertTrue(row(race, "Momentum").contains("unbounded below at step"), race.out());
        assertFalse(race.out().contains("NaN"), race.out());
    }
}
