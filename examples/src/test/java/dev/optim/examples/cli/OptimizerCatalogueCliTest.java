package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Optimizer;
import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Lookahead;
import dev.optim.core.optimizer.OnPlateau;
import dev.optim.core.optimizer.Optimizers;
import dev.optim.core.optimizer.ScheduleFreeAdamW;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.optimizer.Swats;
import dev.optim.core.schedule.ReduceOnPlateau;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code run} with the catalogue's optimizers and wrappers, and their bad values. */
class OptimizerCatalogueCliTest {

    private static void sameAsDirect(Optimizer direct, String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        Landscape l = Landscapes.byName("rosenbrock");
        DescentResult d = Descent.builder(direct).maxSteps(30).build().run(l, new double[] {-1.5, 2});
        double[] last = Cli.row(lines.get(31));
        assertEquals(30, last[0]);
        assertArrayEquals(d.parameters(), new double[] {last[3], last[4]}, 0.0);
    }

    @Test
    void swatsAndScheduleFreeRunByName() {
        sameAsDirect(Swats.builder().learningRate(0.05).beta2(0.99).switchTolerance(1e-5).build(),
                "run", "--landscape", "rosenbrock", "--optimizer", "swats", "--lr", "0.05",
                "--beta2", "0.99", "--switch-tolerance", "1e-5", "--steps", "30",
                "--start", "-1.5,2");
        sameAsDirect(ScheduleFreeAdamW.builder().learningRate(0.02).warmupSteps(5).r(1)
                        .weightLrPower(1).weightDecay(0.01).build(),
                "run", "--landscape", "rosenbrock", "--optimizer", "schedule-free-adamw",
                "--lr", "0.02", "--warmup-steps", "5", "--r", "1", "--weight-lr-power", "1",
                "--weight-decay", "0.01", "--steps", "30", "--start", "-1.5,2");
    }

    @Test
    void lookaheadAndPlateauWrapAnyOptimizer() {
        sameAsDirect(Lookahead.builder(Adam.builder().learningRate(0.05).build()).k(4).alpha(0.6)
                        .build(),
                "run", "--landscape", "rosenbrock", "--optimizer", "adam", "--lr", "0.05",
                "--lookahead", "4", "--lookahead-alpha", "0.6", "--steps", "30",
                "--start", "-1.5,2");
        sameAsDirect(OnPlateau.wrap(Sgd.of(0.002),
                        ReduceOnPlateau.builder().factor(0.5).patience(2).build()),
                "run", "--landscape", "rosenbrock", "--optimizer", "sgd", "--lr", "0.002",
                "--plateau-factor", "0.5", "--plateau-patience", "2", "--steps", "30",
                "--start", "-1.5,2");
    }

    /** The library's registry names every other optimizer; {@code --hp} its hyperparameters. */
    @Test
    void catalogueNamesRunWithHyperparameters() {
        sameAsDirect(Optimizers.create("adagrad", Map.of("lr", "0.3", "lrDecay", "0.01")),
                "run", "--landscape", "rosenbrock", "--optimizer", "adagrad", "--lr", "0.3",
                "--hp", "lrDecay=0.01", "--steps", "30", "--start", "-1.5,2");
        sameAsDirect(Optimizers.create("lion", Map.of("beta1", "0.95")),
                "run", "--landscape", "rosenbrock", "--optimizer", "lion", "--hp", "beta1=0.95",
                "--steps", "30", "--start", "-1.5,2");
        sameAsDirect(Optimizers.create("adam", Map.of("lr", "0.05", "amsgrad", "true")),
                "run", "--landscape", "rosenbrock", "--optimizer", "adam", "--lr", "0.05",
                "--hp", "amsgrad=true", "--steps", "30", "--start", "-1.5,2");
        sameAsDirect(Lookahead.builder(Optimizers.create("nadam", Map.of("lr", "0.02"))).k(3)
                        .build(),
                "run", "--landscape", "rosenbrock", "--optimizer", "nadam", "--lr", "0.02",
                "--lookahead", "3", "--steps", "30", "--start", "-1.5,2");
    }

    @Test
    void badNamesAndValuesExitTwoWithOneLine() {
        String[][] bad = {
            {"--optimizer", "lion2"},
            {"--optimizer", "swats", "--switch-tolerance", "0"},
            {"--optimizer", "schedule-free-adamw", "--warmup-steps", "-3"},
            {"--optimizer", "schedule-free-adamw", "--r", "-1"},
            {"--optimizer", "schedule-free-adamw", "--beta1", "1.5"},
            {"--optimizer", "adam", "--warmup-steps", "3"},
            {"--optimizer", "sgd", "--switch-tolerance", "1e-3"},
            {"--optimizer", "adam", "--lookahead", "0"},
            {"--optimizer", "adam", "--lookahead", "5", "--lookahead-alpha", "1.5"},
            {"--optimizer", "adam", "--lookahead-alpha", "0.5"},
            {"--optimizer", "adam", "--plateau-factor", "1"},
            {"--optimizer", "adam", "--plateau-factor", "0.5", "--plateau-patience", "-1"},
            {"--optimizer", "swats", "--plateau-factor", "0.5"},
            {"--optimizer", "adam", "--plateau-patience", "3"},
            {"--optimizer", "adagrad", "--hp", "beta7=0.5"},
            {"--optimizer", "adagrad", "--hp", "lrDecay=-1"},
            {"--optimizer", "lion", "--hp", "beta1=abc"},
            {"--optimizer", "radam", "--beta1", "0.5"},
            {"--optimizer", "adamax", "--schedule", "inverse-time", "--decay", "0.1"},
            {"--optimizer", "adamw", "--hp", "lr=0.1"},
            {"--optimizer", "adadelta", "--lr", "-1"},
        };
        for (String[] b : bad) {
            String[] args = new String[b.length + 6];
            args[0] = "run";
            args[1] = "--landscape";
            args[2] = "rosenbrock";
            args[3] = "--steps";
            args[4] = "5";
            args[5] = "--start=-1.5,2";
            System.arraycopy(b, 0, args, 6, b.length);
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.code(), String.join(" ", b) + ": " + r.err());
            assertEquals(1, r.errLines().size(), String.join(" ", b) + ": " + r.err());
            assertTrue(r.out().isEmpty(), r.out());
        }
    }
}
