package dev.optim.examples;

import dev.optim.examples.cli.EvalCommand;
import dev.optim.examples.cli.ExitCodes;
import dev.optim.examples.cli.Failures;
import dev.optim.examples.cli.LandscapesCommand;
import dev.optim.examples.cli.RaceCommand;
import dev.optim.examples.cli.RegressCommand;
import dev.optim.examples.cli.RunCommand;
import dev.optim.examples.cli.SurfaceCommand;
import dev.optim.examples.cli.TourCommand;
import dev.optim.examples.playground.PlaygroundCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code optim} command line: {@code java -jar examples/target/optim.jar SUBCOMMAND ...}, or
 * {@code ./optim SUBCOMMAND ...} from the repository root.
 *
 * <p>Exit status: 0 on success, 2 on bad input (with a one-line message on standard error that
 * names the option and the value), 3 when a descent diverged, 1 on any other failure (an I/O
 * error names the path and the option). Data go to standard output (or the file of
 * {@code --out}), messages to standard error. {@link Failures} maps exceptions to these
 * statuses for every subcommand.
 *
 * <pre>
 * optim landscapes
 * optim eval --landscape rosenbrock --at 0,0
 * optim run --landscape himmelblau --optimizer adam --lr 0.1 --steps 200 --start 0,0
 * optim regress --points 300 --seed 1 --batch-size 24 --epochs 5
 * optim surface --landscape rosenbrock --out rosenbrock.csv --png rosenbrock.png
 * optim race --landscape himmelblau --start 0,0
 * optim tour --out out/tour
 * optim playground --port 8750
 * </pre>
 */
@Command(name = "optim", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Gradient-based optimization with Optim: landscapes, runs, pictures, and a"
                + " tour of the article \"Optimizing neural networks\".",
        subcommands = {
            LandscapesCommand.class, EvalCommand.class, RunCommand.class, RegressCommand.class,
            SurfaceCommand.class, RaceCommand.class, TourCommand.class, PlaygroundCommand.class,
            dev.optim.examples.search.SearchCommand.class,
            dev.optim.examples.train.TrainCommand.class,
            dev.optim.examples.detect.DetectCommand.class,
            dev.optim.examples.sharpness.SharpnessCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line as {@link #main} does, on the given process streams: the commands'
     * data go to {@code stdout} through their own writer, and while they run the JVM's
     * {@code System.out} is {@code stderr}, so that what a library prints there (SameDiff
     * writes "Added differentiated op …" to {@code System.out} when it builds a gradient)
     * stays out of the data. {@code System.out} is restored afterwards.
     *
     * @param args the arguments
     * @param stdout where the data go
     * @param stderr where messages, and anything else written to {@code System.out}, go
     * @return the exit status
     */
    static int run(String[] args, java.io.PrintStream stdout, java.io.PrintStream stderr) {
        java.io.PrintStream previous = System.out;
        System.setOut(stderr);
        try {
            return execute(args,
                    new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8),
                            true),
                    new PrintWriter(new java.io.OutputStreamWriter(stderr, StandardCharsets.UTF_8),
                            true));
        } finally {
            System.setOut(previous);
        }
    }

    /**
     * Runs the command line in this process, writing to the given streams: the form tests use.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code;
        try {
            code = cl.execute(args);
        } catch (Error e) {
            code = Failures.error(e, err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The configured command line: one-line messages and exit status 2 for bad input.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // Every subcommand's failures become one line and an exit status in Failures.
        Failures.install(cl);
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        return cl;
    }

    /** With no subcommand: the usage on standard error, and status 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"optim " + (v == null ? "(development build)" : v)};
        }
    }
}
