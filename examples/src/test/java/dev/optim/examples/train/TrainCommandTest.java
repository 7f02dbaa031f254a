package dev.optim.examples.train;

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

class TrainCommandTest {

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static final String[] SPIRALS = {"train", "--dataset", "spirals", "--points", "80",
        "--hidden", "8", "--activation", "tanh", "--optimizer", "adam", "--lr", "0.02",
        "--batch-size", "16", "--seed", "3", "--dtype", "float64"};

    private static String[] with(String[] base, String... more) {
        String[] a = new String[base.length + more.length];
        System.arraycopy(base, 0, a, 0, base.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    @Test
    void aDivergingRunNamesTheStepAndTheBatch() {
        Result r = run("train", "--dataset", "spirals", "--points", "80", "--hidden", "8",
                "--activation", "tanh", "--optimizer", "sgd", "--lr", "1e300", "--batch-size",
                "16", "--seed", "3", "--dtype", "float64", "--epochs", "5");
        assertEquals(dev.optim.examples.cli.ExitCodes.DIVERGED, r.code(), r.err());
        assertTrue(java.util.regex.Pattern.compile("diverged in epoch \\d+: non-finite batch loss "
                + "(NaN|-?Infinity) at step \\d+ on a batch of 16 examples \\[\\d+(, \\d+){7}, …\\]")
                .matcher(r.err()).find(), r.err());
    }

    @Test
    void trainsAndPrintsOneRowPerEpochAndAResumedRunEqualsAnUninterruptedOne(@TempDir Path dir) {
        Result straight = run(with(SPIRALS, "--epochs", "4"));
        assertEquals(0, straight.code(), straight.err());
        List<String> lines = straight.out().lines().toList();
        assertEquals("epoch,train_loss,validation_loss,train_accuracy,validation_accuracy,seconds",
                lines.get(0));
        assertEquals(5, lines.size());
        double first = Double.parseDouble(lines.get(1).split(",")[1]);
        double last = Double.parseDouble(lines.get(4).split(",")[1]);
        assertTrue(last < first, straight.out());

        Path state = dir.resolve("run.state");
        Result half = run(with(SPIRALS, "--epochs", "2", "--save", state.toString()));
        assertEquals(0, half.code(), half.err());
        Result rest = run(with(SPIRALS, "--epochs", "4", "--resume", state.toString()));
        assertEquals(0, rest.code(), rest.err());
        List<String> resumed = rest.out().lines().toList();
        assertEquals(3, resumed.size());
        // The losses and accuracies (all but the time) equal the uninterrupted run's.
        for (int i = 1; i <= 2; i++) {
            String a = lines.get(2 + i).substring(0, lines.get(2 + i).lastIndexOf(','));
            String b = resumed.get(i).substring(0, resumed.get(i).lastIndexOf(','));
            assertEquals(a, b);
        }
        Result other = run(with(SPIRALS, "--epochs", "4", "--validation-split", "0.3", "--resume",
                state.toString()));
        assertEquals(2, other.code());
        assertTrue(other.err().contains("saved by another run"), other.err());
    }

    @Test
    void badCsvRowsAndLabelsExitWithStatus2AndTheLine(@TempDir Path dir) throws IOException {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b,label\n1,2,0\n3,4,1\n5,1\n");
        Result r = run("train", "--data", ragged.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 4") && r.err().contains("2 fields"), r.err());

        Path text = dir.resolve("text.csv");
        Files.writeString(text, "1,2,0\n3,x,1\n");
        r = run("train", "--data", text.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 2, field 2") && r.err().contains("'x'"), r.err());

        Path label = dir.resolve("label.csv");
        Files.writeString(label, "1,2,0\n3,4,1\n5,6,2\n");
        r = run("train", "--data", label.toString(), "--classes", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 3") && r.err().contains("outside the 2 classes"), r.err());

        Path frac = dir.resolve("frac.csv");
        Files.writeString(frac, "1,2,0\n3,4,0.5\n");
        r = run("train", "--data", frac.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 2"), r.err());

        r = run("train", "--dataset", "spirals", "--batch-size", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--batch-size"), r.err());
        r = run("train");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--data"), r.err());
    }

    @Test
    void theDigitsShipWithTheExamples() {
        LabelledData d = Datasets.digits();
        assertEquals(1797, d.size());
        assertEquals(64, d.width());
        assertEquals(10, d.classes());
        LabelledData s = Datasets.spirals(10, 0, 1);
        assertEquals(0.0, s.features()[0][0], 0.0);
        assertEquals(1, s.labels()[1]);
    }
}
