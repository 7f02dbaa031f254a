package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/data/points.csv}, the file the docs' {@code regress --data} example reads, is
 * what the project's own generator makes: 50 points with seed 7, ground truth drawn as the
 * article's (slope −0.8814, intercept −3.866), one {@code x,y} row per point with
 * {@link Double#toString} numbers. To regenerate it, write that text from
 * {@code RegressionProblem.builder().points(50).seed(7).build().generate()}.
 */
class ExampleDataTest {

    static final Path FILE = Path.of("data/points.csv");

    @Test
    void theShippedCsvIsTheGeneratorsOutput() throws Exception {
        RegressionData d = RegressionProblem.builder().points(50).seed(7).build().generate();
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < d.size(); i++) {
            s.append(d.xs()[i]).append(',').append(d.ys()[i]).append('\n');
        }
        assertEquals(s.toString(), Files.readString(FILE));
    }

    @Test
    void theDocsExampleRunsOnIt() {
        Cli.Result r = Cli.run("regress", "--data", FILE.toString(), "--optimizer", "rmsprop",
                "--lr", "0.05", "--steps", "500");
        assertEquals(0, r.code(), r.err());
        assertEquals(502, r.lines().size());
    }
}
