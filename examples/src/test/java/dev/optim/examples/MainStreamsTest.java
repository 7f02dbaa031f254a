package dev.optim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The process entry point keeps the data on standard output clean: what a library prints to
 * {@code System.out} while a command runs (SameDiff's "Added differentiated op …" lines when it
 * builds a gradient) goes to standard error, and {@code System.out} is restored afterwards.
 */
class MainStreamsTest {

    @Test
    void whatALibraryPrintsGoesToStandardError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.out;
        int code = Main.run(new String[] {"train", "--dataset", "spirals", "--epochs", "1",
            "--batch-size", "64"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, stderr);
        assertSame(before, System.out);
        assertFalse(stdout.contains("Added differentiated op"), stdout);
        assertTrue(stderr.contains("Added differentiated op"), stderr);
        assertTrue(stdout.startsWith("epoch,"), stdout);
    }
}
