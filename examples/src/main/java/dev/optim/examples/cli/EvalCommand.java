package dev.optim.examples.cli;

import dev.optim.landscapes.Landscape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optim eval --landscape NAME --at X0,X1[,...]}: the value and the gradient at one point,
 * as CSV with the header {@code loss,g0,g1,...} and one row. Numbers round-trip a double.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Prints the value and the gradient of a landscape at a point, as CSV"
                + " (header loss,g0,g1,...).")
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--landscape", required = true, paramLabel = "NAME",
            description = "The landscape (see 'optim landscapes').")
    String landscape;

    @Option(names = "--at", required = true, paramLabel = "X0,X1[,...]",
            converter = PointConverter.class,
            description = "The point, one coordinate per dimension.")
    Coordinates at;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the CSV to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        double[] x = at.values();
        Landscape l = LandscapeResolver.forPoint(landscape, "--at", x);
        double[] g = new double[x.length];
        double f = l.evaluate(x, g);
        StringBuilder s = new StringBuilder("loss");
        for (int i = 0; i < g.length; i++) {
            s.append(",g").append(i);
        }
        s.append('\n').append(f);
        for (double v : g) {
            s.append(',').append(v);
        }
        s.append('\n');
        if (out == null) {
            spec.commandLine().getOut().print(s);
            spec.commandLine().getOut().flush();
        } else {
            OutputOptions.write(out, s.toString());
        }
        return ExitCodes.OK;
    }
}
