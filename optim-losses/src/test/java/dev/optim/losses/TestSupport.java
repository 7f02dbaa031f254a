package dev.optim.losses;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the tests of both packages. */
public final class TestSupport {

    private TestSupport() {}

    /** Asserts that {@code call} throws an IllegalArgumentException whose message holds {@code message}. */
    public static void assertMessage(Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(message),
                () -> "expected a message containing '" + message + "', got '" + e.getMessage() + "'");
    }
}
