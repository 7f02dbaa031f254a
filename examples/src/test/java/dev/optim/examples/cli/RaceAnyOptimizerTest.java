package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.optimizer.Lbfgs;
import dev.optim.core.optimizer.LbfgsResult;
import dev.optim.core.optimizer.Lookahead;
import dev.optim.core.optimizer.Optimizers;
import dev.optim.core.optimizer.Swats;
import dev.optim.core.schedule.Schedules;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, surfaces: {@code race --racer NAME[:K=V,...]} races any catalogue optimizer with its
 * hyperparameters, L-BFGS included; {@code run --optimizer lbfgs}; bad names and values exit 2
 * with one line naming the option and the value.
 */
class RaceAnyOptimizerTest {

    @TempDir
    Path dir;

    /** The table row of {@code label}, split on two or more spaces. */
    private static String[] row(Cli.Result r, String label) {
        for (String line : r.lines()) {
            if (line.startsWith(label + " ")) {
                return line.trim().split("\\s{2,}");
            }
        }
        throw new AssertionError(label + " not in " + r.out());
    }

    private static double[] point(String text) {
        String t = text.replace("(", "").replace(")", "");
        String[] p = t.split(",\\s*");
        return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
    }

    @Test
    void racersAreAnyCatalogueOptimizersWithTheirHyperparameters() throws Exception {
        Path png = dir.resolve("race.png");
        Cli.Result r = Cli.run("race", "--landscape", "rosenbrock", "--start", "-1.5,2",
                "--steps", "40", "--racer", "lion:lr=0.01,beta1=0.95", "--racer",
                "adam:lr=0.05,lookahead=4", "--racer", "swats:lr=0.02,beta2=0.99", "--racer",
                "lbfgs", "--png", png.toString(), "--resolution", "30");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 1000);
        Landscape l = Landscapes.byName("rosenbrock");
        double[] x0 = {-1.5, 2};
        // Each first-order racer ends where the library's own descent of the same optimizer ends.
        Map<String, dev.optim.core.Optimizer> direct = Map.of(
                "lion:lr=0.01,beta1=0.95", Optimizers.create("lion",
                        Map.of("lr", "0.01", "beta1", "0.95")),
                "adam:lr=0.05,lookahead=4", Lookahead.builder(Optimizers.create("adam",
                        Map.of("lr", "0.05"))).k(4).build(),
                "swats:lr=0.02,beta2=0.99", Swats.builder().learningRate(0.02).beta2(0.99)
                        .build());
        for (Map.Entry<String, dev.optim.core.Optimizer> e : direct.entrySet()) {
            DescentResult d = Descent.builder(e.getValue()).maxSteps(40).build().run(l, x0);
            String[] cells = row(r, e.getKey());
            assertEquals("40 steps", cells[2], String.join("|", cells));
            assertArrayEquals(d.parameters(), point(cells[4]), 1e-3 * (1 + Math.abs(
                    d.parameters()[0])), e.getKey());
        }
        // L-BFGS with the strong-Wolfe search reaches Rosenbrock's minimum (1, 1) in 40 iterations,
        // as the library's own minimize does.
        LbfgsResult own = Lbfgs.builder().lineSearch(Lbfgs.LineSearch.STRONG_WOLFE)
                .maxIterations(40).build().minimize(l, x0);
        double[] p = point(row(r, "lbfgs")[4]);
        assertArrayEquals(new double[] {1, 1}, p, 1e-3);
        assertArrayEquals(own.point(), p, 1e-3);
    }

    @Test
    void theScheduleAppliesToEveryRacer() {
        Cli.Result r = Cli.run("race", "--landscape", "himmelblau", "--steps", "30", "--racer",
                "nadam:lr=0.1", "--schedule", "inverse-time", "--decay", "0.5", "--png",
                dir.resolve("d.png").toString(), "--resolution", "20");
        assertEquals(0, r.code(), r.err());
        Landscape l = Landscapes.byName("himmelblau");
        DescentResult d = Descent.builder(Optimizers.create("nadam", Map.of()).toBuilder()
                .learningRate(Schedules.inverseTimeDecay(0.1, 0.5)).build()).maxSteps(30).build()
                .run(l, new double[] {0, 0});
        assertArrayEquals(d.parameters(), point(row(r, "nadam:lr=0.1")[4]), 1e-3);
    }

    @Test
    void theDefaultRaceIsStillTheArticlesFour() {
        Cli.Result r = Cli.run("race", "--landscape", "himmelblau", "--steps", "10", "--png",
                dir.resolve("f.png").toString(), "--resolution", "20", "--lr-adam", "0.2");
        assertEquals(0, r.code(), r.err());
        for (String name : List.of("GD", "Momentum", "RMSprop", "Adam")) {
            row(r, name);
        }
        assertEquals("0.2", row(r, "Adam")[1]);
        assertEquals("0.05", row(r, "RMSprop")[1]);
    }

    @Test
    void runTakesLbfgsWithItsOptions() {
        Cli.Result r = Cli.run("run", "--landscape", "rosenbrock", "--start", "-1.5,2",
                "--optimizer", "lbfgs", "--steps", "100", "--hp", "historySize=5",
                "--hp", "toleranceGrad=1e-10");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals("step,loss,lr,x0,x1", lines.get(0));
        double[] last = Cli.row(lines.get(lines.size() - 1));
        LbfgsResult own = Lbfgs.builder().lineSearch(Lbfgs.LineSearch.STRONG_WOLFE)
                .historySize(5).toleranceGrad(1e-10).maxIterations(100).build()
                .minimize(Landscapes.byName("rosenbrock"),
                        new double[] {-1.5, 2});
        assertArrayEquals(own.point(), new double[] {last[3], last[4]}, 0.0,
                own + " vs " + lines.get(lines.size() - 1));
        // a row per iteration that moved (the last one may find no descent direction)
        assertTrue(last[0] >= own.iterations() - 1 && last[0] <= own.iterations(), own.toString());
        assertTrue(last[1] < 1e-9, "final loss " + last[1]);
        assertTrue(lines.size() < 102, "stopped by its tolerance: " + lines.size());
        // PyTorch's fixed step, by name
        Cli.Result fixed = Cli.run("run", "--landscape", "rosenbrock", "--start", "-1.5,2",
                "--optimizer", "lbfgs", "--lr", "0.01", "--steps", "5", "--hp", "lineSearch=none",
                "--format", "json");
        assertEquals(0, fixed.code(), fixed.err());
        assertTrue(fixed.out().contains("NONE") || fixed.out().contains("none"), fixed.out());
    }

    @Test
    void swatsAndScheduleFreeTakeHpToo() {
        Cli.Result a = Cli.run("run", "--landscape", "rosenbrock", "--optimizer", "swats",
                "--hp", "beta2=0.99", "--steps", "20");
        Cli.Result b = Cli.run("run", "--landscape", "rosenbrock", "--optimizer", "swats",
                "--beta2", "0.99", "--steps", "20");
        assertEquals(0, a.code(), a.err());
        assertEquals(b.out(), a.out());
        Cli.Result c = Cli.run("run", "--landscape", "rosenbrock", "--optimizer",
                "schedule-free-adamw", "--hp", "warmupSteps=3", "--steps", "20");
        Cli.Result d = Cli.run("run", "--landscape", "rosenbrock", "--optimizer",
                "schedule-free-adamw", "--warmup-steps", "3", "--steps", "20");
        assertEquals(0, c.code(), c.err());
        assertEquals(d.out(), c.out());
    }

    @Test
    void surfaceDrawsTheRacersPaths() throws Exception {
        Path plain = dir.resolve("plain.png");
        Path with = dir.resolve("with.png");
        assertEquals(0, Cli.run("surface", "--landscape", "himmelblau", "--png", plain.toString(),
                "--resolution", "30").code());
        Cli.Result r = Cli.run("surface", "--landscape", "himmelblau", "--png", with.toString(),
                "--resolution", "30", "--racer", "adamax:lr=0.1", "--racer", "lbfgs", "--start",
                "1,1", "--steps", "50");
        assertEquals(0, r.code(), r.err());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(plain), Files.readAllBytes(with)));
        Cli.Result d = Cli.run("surface", "--landscape", "himmelblau", "--png",
                dir.resolve("d.png").toString(), "--resolution", "20", "--racer", "sgd:lr=10");
        assertEquals(3, d.code(), d.err());
        assertTrue(d.err().contains("sgd:lr=10 diverged at step"), d.err());
        assertTrue(Files.exists(dir.resolve("d.png")));
        assertOneLine("--racer applies to --landscape only", "surface", "--regression",
                "--racer", "adam");
        assertOneLine("--steps applies with --racer only", "surface", "--landscape",
                "himmelblau", "--steps", "5");
        assertOneLine("--racer nosuch", "surface", "--landscape", "himmelblau", "--racer",
                "nosuch");
    }

    private void assertOneLine(String mustContain, String... args) {
        Cli.Result r = Cli.run(args);
        String what = String.join(" ", args) + " -> " + r.err();
        assertEquals(2, r.code(), what);
        assertEquals(1, r.errLines().size(), what);
        assertTrue(r.err().contains(mustContain), "'" + mustContain + "' not in: " + what);
        assertFalse(r.err().contains("Exception"), what);
        assertEquals("", r.out(), what);
    }

    @Test
    void badRacersExitTwoWithOneLineNamingTheOptionAndValue() {
        String png = dir.resolve("bad.png").toString();
        String[][] bad = {
            {"--racer nosuch", "--racer", "nosuch"},
            {"--racer adam:beta1=1.5: beta1", "--racer", "adam:beta1=1.5"},
            {"--racer adam:beta1: hyperparameter must be KEY=VALUE", "--racer", "adam:beta1"},
            {"--racer lion:beta7=0.5: unknown hyperparameter 'beta7'", "--racer",
                "lion:beta7=0.5"},
            {"lr must be finite and >= 0, got -1", "--racer", "sgd:lr=-1"},
            {"--racer adam: it is given twice", "--racer", "adam", "--racer", "adam"},
            {"--lr-adam 0.3 applies to the default racers", "--racer", "adam", "--lr-adam",
                "0.3"},
            {"--beta1 applies to the default racers", "--racer", "adam", "--beta1", "0.5"},
            {"lbfgs takes no learning-rate schedule", "--racer", "lbfgs", "--schedule",
                "inverse-time", "--decay", "0.1"},
            {"historySize must be >= 1, got 0", "--racer", "lbfgs:historySize=0"},
            {"lineSearch must be strong-wolfe or none, got 'wolfe'", "--racer",
                "lbfgs:lineSearch=wolfe"},
            {"--racer lbfgs:lookahead=3: unknown hyperparameter 'lookahead'", "--racer",
                "lbfgs:lookahead=3"},
            {"lookahead", "--racer", "adam:lookahead=0"},
            {"--lr-sgd must be finite and >= 0, got -0.1", "--lr-sgd", "-0.1"},
        };
        for (String[] b : bad) {
            String[] args = new String[b.length - 1 + 5];
            args[0] = "race";
            args[1] = "--landscape";
            args[2] = "himmelblau";
            args[3] = "--png";
            args[4] = png;
            System.arraycopy(b, 1, args, 5, b.length - 1);
            assertOneLine(b[0], args);
        }
        assertFalse(Files.exists(dir.resolve("bad.png")));
        assertOneLine("--hp: historySize must be >= 1, got 0", "run", "--landscape",
                "rosenbrock", "--optimizer", "lbfgs", "--hp", "historySize=0");
        assertOneLine("--hp: maxEvaluations must be an integer, got 'x'", "run", "--landscape",
                "rosenbrock", "--optimizer", "lbfgs", "--hp", "maxEvaluations=x");
        assertOneLine("--lookahead 3 applies to first-order optimizers, not lbfgs", "run",
                "--landscape", "rosenbrock", "--optimizer", "lbfgs", "--lookahead", "3");
        assertOneLine("lbfgs needs the objective", "regress", "--optimizer", "lbfgs");
        assertOneLine("--racer lion:beta1=2", "tour", "--out", dir.resolve("t").toString(),
                "--racer", "lion:beta1=2");
        assertFalse(Files.exists(dir.resolve("t")));
    }
}
