package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainTest {

    @ParameterizedTest
    @ValueSource(strings = {"landscapes", "eval", "run", "regress", "surface", "race", "tour"})
    void everySubcommandHasHelp(String name) {
        Cli.Result r = Cli.run(name, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: optim " + name), r.out());
        assertTrue(r.out().contains("-h, --help"), r.out());
    }

    @Test
    void noSubcommandPrintsUsageAndFails() {
        Cli.Result r = Cli.run();
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("Usage: optim"), r.err());
        for (String name : new String[] {"landscapes", "eval", "run", "regress", "surface",
            "race", "tour"}) {
            assertTrue(r.err().contains(name), name);
        }
    }

    @Test
    void unknownSubcommandAndOptionAreOneLine() {
        Cli.Result sub = Cli.run("fly");
        assertEquals(ExitCodes.BAD_INPUT, sub.code());
        assertEquals(1, sub.errLines().size(), sub.err());
        assertTrue(sub.err().contains("fly"), sub.err());
        Cli.Result opt = Cli.run("landscapes", "--colour");
        assertEquals(ExitCodes.BAD_INPUT, opt.code());
        assertEquals(1, opt.errLines().size(), opt.err());
        assertTrue(opt.err().contains("--colour"), opt.err());
    }

    @Test
    void versionPrints() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("optim "), r.out());
    }
}
