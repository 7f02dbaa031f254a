package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, point 8: every input the command line refuses gives one line on standard error that
 * names the option and the value, status 2 for bad input and 1 for I/O, no stack trace, and no
 * work (so nothing can run out of memory or for ever).
 */
class BadInputMessagesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private void assertOneLine(int code, String mustContain, String... args) {
        Cli.Result r = Cli.run(args);
        String what = String.join(" ", args) + " -> " + r.err();
        assertEquals(code, r.code(), what);
        assertEquals(1, r.errLines().size(), what);
        assertTrue(r.err().contains(mustContain), "'" + mustContain + "' not in: " + what);
        assertFalse(r.err().contains("Exception"), what);
        assertFalse(r.err().contains("at dev."), what);
        assertFalse(r.err().contains("Error"), what);
        assertEquals("", r.out(), what);
    }

    @Test
    void dataThatDefinesNoLineIsBadInputNamingTheFile() throws Exception {
        Path one = write("onepoint.csv", "x,y\n1,2\n");
        Path same = write("samex.csv", "x,y\n1,2\n1,3\n1,4\n");
        assertOneLine(2, "--data " + one, "regress", "--data", one.toString(), "--format", "json");
        assertOneLine(2, "--data " + same, "regress", "--data", same.toString(), "--out",
                dir.resolve("fit.csv").toString());
        assertOneLine(2, "--data " + same, "surface", "--regression", "--data", same.toString());
        assertFalse(Files.exists(dir.resolve("fit.csv")));
    }

    @Test
    void filesThatAreNotCsvAreNamedForWhatTheyAre() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path binary = dir.resolve("binary.csv");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0xff, (byte) 0xfe});
        Path nul = dir.resolve("nul.csv");
        Files.write(nul, new byte[] {'x', ',', 'y', '\n', 0, 0, '\n'});
        Path empty = write("empty.csv", "");
        assertOneLine(2, "--data " + folder + ": is a folder", "regress", "--data", folder.toString());
        assertOneLine(2, "not a regular file", "regress", "--data", "/dev/null");
        assertOneLine(2, "--data " + binary + ": not UTF-8 text", "regress", "--data",
                binary.toString());
        assertOneLine(2, "--data " + nul + ": not UTF-8 text", "regress", "--data", nul.toString());
        assertOneLine(2, "--data " + empty + ": empty", "regress", "--data", empty.toString());
        assertOneLine(2, "no such file", "regress", "--data", dir.resolve("missing.csv").toString());
    }

    @Test
    void sizesThatWouldExhaustMemoryAreRefusedWithTheBound() {
        assertOneLine(2, "--points must be in [2, 1000000], got 2147483647", "regress",
                "--points", "2147483647");
        assertOneLine(2, "--steps 100000000 would record 100000001 rows, more than the 1000000",
                "run", "--landscape", "sphere", "--steps", "100000000");
        assertOneLine(2, "add --every 200", "run", "--landscape", "sphere", "--steps",
                "100000000");
        assertOneLine(2, "--steps must be in [0, 1000000000], got 10000000000", "run",
                "--landscape", "sphere", "--steps", "10000000000", "--every", "1000000");
        assertOneLine(2, "--steps 2000000 would record", "regress", "--points", "20",
                "--steps", "2000000");
        assertOneLine(2, "--steps must be in [0, 1000000]", "race", "--landscape", "booth",
                "--steps", "100000000");
        assertOneLine(2, "--every must be >= 1, got 0", "run", "--landscape", "sphere",
                "--every", "0");
    }

    @Test
    void epochsTimesBatchesIsCheckedForOverflowNamingBothOptions() {
        assertOneLine(2, "--epochs 9223372036854775807 x 300 batches of --batch-size 1 overflows",
                "regress", "--points", "300", "--batch-size", "1", "--epochs",
                "9223372036854775807");
        assertOneLine(2, "--epochs 9223372036854775807 x 1 batches of --batch-size 300",
                "regress", "--points", "300", "--epochs", "9223372036854775807");
    }

    @Test
    void rangesAndSchedulesThatOverflowNameTheOption() {
        assertOneLine(2, "--x-range -1e+308,1e+308", "surface", "--landscape", "rosenbrock",
                "--x-range", "-1e308,1e308");
        assertOneLine(2, "--y-range 1,1", "surface", "--landscape", "rosenbrock",
                "--y-range", "1,1.0000000000000002");
        assertOneLine(2, "--schedule exponential --gamma 2.0 with lr 0.1 overflows at step 1028",
                "run", "--landscape", "sphere", "--schedule", "exponential", "--gamma", "2",
                "--steps", "2000", "--lr", "0.1");
        assertOneLine(2, "--schedule step --step-size 1 --gamma 10.0 with lr 0.01 overflows at"
                + " step 311", "race", "--landscape", "booth", "--schedule", "step",
                "--step-size", "1", "--gamma", "10", "--steps", "400", "--png",
                dir.resolve("never.png").toString());
        assertFalse(Files.exists(dir.resolve("never.png")));
    }

    @Test
    void inputOutputFailuresNameThePathAndTheOptionWithStatusOne() throws Exception {
        Path file = write("afile", "not a folder");
        Path under = file.resolve("tour");
        assertOneLine(1, "--out " + under + ": cannot be created or written", "tour", "--out",
                under.toString(), "--quick");
        Path folder = Files.createDirectory(dir.resolve("taken"));
        assertOneLine(1, "--out " + folder, "run", "--landscape", "booth", "--steps", "2",
                "--out", folder.toString());
        assertOneLine(1, "--png " + under, "surface", "--landscape", "booth", "--resolution",
                "5", "--png", under.toString());
        assertOneLine(1, "--png " + under, "race", "--landscape", "booth", "--steps", "2",
                "--resolution", "5", "--png", under.toString());
    }

    @Test
    void anUnforeseenErrorIsStillOneLine() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Failures.error(new OutOfMemoryError("Java heap space"),
                new java.io.PrintWriter(err));
        assertEquals(ExitCodes.FAILURE, code);
        assertEquals(1, Arrays.stream(err.toString().split("\n")).filter(s -> !s.isBlank())
                .count(), err.toString());
        assertTrue(err.toString().startsWith("optim: failed: OutOfMemoryError: Java heap space"),
                err.toString());
    }
}
