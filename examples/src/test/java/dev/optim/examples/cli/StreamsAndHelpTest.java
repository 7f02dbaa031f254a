package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.examples.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 10, point 10: data on standard output, messages on standard error, for every
 * subcommand ({@code tour}: {@code TourTest}); and every option a subcommand's help names exists.
 */
class StreamsAndHelpTest {

    @TempDir
    Path dir;

    @Test
    void dataGoToStandardOutputAndNothingElseDoes() {
        String[][] dataOnly = {
            {"landscapes"},
            {"eval", "--landscape", "booth", "--at", "1,2"},
            {"run", "--landscape", "booth", "--steps", "3"},
            {"regress", "--points", "10", "--steps", "3"},
            {"surface", "--landscape", "booth", "--resolution", "3"},
        };
        for (String[] args : dataOnly) {
            Cli.Result r = Cli.run(args);
            String what = String.join(" ", args);
            assertEquals(0, r.code(), what + ": " + r.err());
            assertFalse(r.out().isBlank(), what);
            assertEquals("", r.err(), what);
        }
    }

    @Test
    void messagesGoToStandardErrorWhenTheDataGoToAFile() throws Exception {
        String[][] toFiles = {
            {"run", "--landscape", "booth", "--steps", "3", "--out", "run.csv"},
            {"regress", "--points", "10", "--steps", "3", "--out", "fit.csv"},
            {"surface", "--landscape", "booth", "--resolution", "3", "--out", "s.csv"},
            {"surface", "--landscape", "booth", "--resolution", "3", "--png", "s2.png"},
            {"surface", "--regression", "--points", "10", "--resolution", "3", "--png",
                "loss.png"},
        };
        for (String[] args : toFiles) {
            String[] a = args.clone();
            a[a.length - 1] = dir.resolve(a[a.length - 1]).toString();
            Cli.Result r = Cli.run(a);
            String what = String.join(" ", a);
            assertEquals(0, r.code(), what + ": " + r.err());
            assertEquals("", r.out(), what);
            assertEquals(1, r.errLines().size(), what + ": " + r.err());
            assertTrue(r.err().startsWith("optim " + args[0] + ": "), r.err());
            assertTrue(Files.isRegularFile(Path.of(a[a.length - 1])), what);
        }
        // A surface with --out gets its picture beside the CSV.
        assertTrue(Files.isRegularFile(dir.resolve("s.png")));
    }

    @Test
    void theRacePrintsItsTableOnStandardOutputAndThePictureOnStandardError() {
        Path png = dir.resolve("race.png");
        Cli.Result r = Cli.run("race", "--landscape", "himmelblau", "--steps", "10",
                "--resolution", "10", "--width", "300", "--height", "200", "--png",
                png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(6, r.lines().size(), r.out());
        assertFalse(r.out().contains("picture"), r.out());
        assertEquals("optim race: picture: " + png, r.err().strip());
    }

    @Test
    void everyOptionNamedInAHelpIsAnOptionOfThatCommand() {
        CommandLine main = Main.commandLine();
        Pattern option = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
        int checked = 0;
        for (Map.Entry<String, CommandLine> e : main.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            Cli.Result help = Cli.run(e.getKey(), "--help");
            assertEquals(0, help.code(), e.getKey());
            Matcher m = option.matcher(help.out());
            while (m.find()) {
                assertNotNull(e.getValue().getCommandSpec().findOption(m.group()),
                        "optim " + e.getKey() + " --help names " + m.group()
                                + ", which it does not accept");
                checked++;
            }
        }
        assertTrue(checked > 50, "only " + checked + " option names found");
    }
}
