package dev.optim.examples.cli;

import dev.optim.examples.text.Numbers;
import dev.optim.examples.text.TextTable;
import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import dev.optim.landscapes.Minimum;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code optim landscapes}: a table of every landscape: name, dimension, plotting domain, known
 * global minima and their value. Landscapes defined in any dimension are shown for 2 and marked
 * {@code n>=2}.
 */
@Command(name = "landscapes", mixinStandardHelpOptions = true,
        description = "Lists every landscape: name, dimension, domain, known minima, value.")
public final class LandscapesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "dimension", "domain", "minima", "value"});
        for (String name : Landscapes.names()) {
            Landscape l = Landscapes.byName(name);
            rows.add(new String[] {
                name,
                Landscapes.anyDimension(name) ? "n>=2" : Long.toString(l.dimension()),
                domain(l.domain()),
                minima(l.minima()),
                l.minima().isEmpty() ? "" : Numbers.brief(l.minima().get(0).value())
            });
        }
        spec.commandLine().getOut().print(TextTable.render(rows));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /**
     * The domain as {@code [lo, hi]} when all axes agree, else per axis.
     *
     * @param d the domain
     * @return the text
     */
    static String domain(Domain d) {
        boolean same = true;
        for (int i = 1; i < d.dimension(); i++) {
            same &= d.lo(i) == d.lo(0) && d.hi(i) == d.hi(0);
        }
        if (same) {
            return "[" + Numbers.brief(d.lo(0)) + ", " + Numbers.brief(d.hi(0)) + "]^"
                    + d.dimension();
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < d.dimension(); i++) {
            s.append(i == 0 ? "" : " x ").append('[').append(Numbers.brief(d.lo(i))).append(", ")
                    .append(Numbers.brief(d.hi(i))).append(']');
        }
        return s.toString();
    }

    /**
     * The minima's points, separated by {@code ;}.
     *
     * @param minima the minima
     * @return the text
     */
    static String minima(List<Minimum> minima) {
        StringBuilder s = new StringBuilder();
        for (Minimum m : minima) {
            s.append(s.length() == 0 ? "" : "; ").append(Numbers.point(m.point()));
        }
        return s.toString();
    }
}
