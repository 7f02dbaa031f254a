package dev.optim.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.schedule.Schedules;
import dev.optim.examples.experiment.Race;
import dev.optim.examples.experiment.RacerSpec;
import dev.optim.examples.text.Numbers;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour's race (point 4) with racers of the catalogue instead of the article's four. */
class OptimizerRaceRacersTest {

    @TempDir
    Path dir;

    @Test
    void theTourRacesTheGivenOptimizersOnEveryLandscape() throws Exception {
        List<RacerSpec> specs = List.of(RacerSpec.parse("lion:lr=0.01,beta1=0.95"),
                RacerSpec.parse("lbfgs"));
        TourSettings settings = new TourSettings(dir, true, 320, 240, 19, specs);
        List<Finding> f = new OptimizerRace().run(new TourContext(settings));
        assertEquals(1, f.size());
        String text = f.get(0).result();
        assertTrue(text.contains("(lion:lr=0.01,beta1=0.95/lbfgs)"), text);
        assertEquals(8, f.get(0).pictures().size());
        for (String p : f.get(0).pictures()) {
            assertTrue(Files.size(dir.resolve(p)) > 1000, p);
        }
        // The numbers are those of the same racers run directly: decay off, then on (lion's rate
        // decayed, L-BFGS's not: it takes no schedule).
        Landscape l = Landscapes.byName("himmelblau");
        double[] start = {0, 0};
        List<Race.Entry> off = Race.runRacers(l, start, 100, OptimizerRace.racers(specs, 100,
                null));
        List<Race.Entry> on = Race.runRacers(l, start, 100, OptimizerRace.racers(specs, 100,
                lr -> Schedules.inverseTimeDecay(lr, 0.02)));
        String expected = "himmelblau " + distance(l, off.get(0)) + "/" + distance(l, off.get(1))
                + " | " + distance(l, on.get(0)) + "/" + distance(l, on.get(1)) + ";";
        assertTrue(text.contains(expected), expected + " not in " + text);
        assertEquals("lbfgs (no decay)", on.get(1).name());
        // L-BFGS reaches a minimum of himmelblau; lion at 0.01 for 100 steps does not
        assertTrue(Race.nearestMinimum(l, off.get(1).result().parameters()) < 1e-6);
        assertTrue(Race.nearestMinimum(l, off.get(0).result().parameters()) > 0.1);
    }

    private static String distance(Landscape l, Race.Entry e) {
        return e.diverged() ? "diverged" : Numbers.sig4(Race.nearestMinimum(l, e.result()
                .parameters()));
    }
}
