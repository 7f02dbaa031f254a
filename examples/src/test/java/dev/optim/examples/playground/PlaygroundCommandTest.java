package dev.optim.examples.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.examples.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code optim playground}'s options: bad ones refused with status 2 before anything starts. */
class PlaygroundCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void portOutOfRangeIsBadInput() {
        String[] r = run("playground", "--port", "70000");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--port must be in [0, 65535], got 70000"), r[2]);
    }

    @Test
    void portThatIsNoNumberIsBadInput() {
        String[] r = run("playground", "--port", "http");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--port"), r[2]);
    }

    @Test
    void unknownBindAddressIsBadInput() {
        String[] r = run("playground", "--bind", "no-such-host.invalid");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--bind 'no-such-host.invalid' is not a known address"), r[2]);
    }

    @Test
    void helpNamesTheOptions() {
        String[] r = run("playground", "--help");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("--port") && r[1].contains("--bind"), r[1]);
    }
}
