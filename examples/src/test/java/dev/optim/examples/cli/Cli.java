package dev.optim.examples.cli;

import dev.optim.examples.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the command line in-process and captures what it printed. */
final class Cli {

    /** One run's outcome. */
    record Result(int code, String out, String err) {
        List<String> lines() {
            return Arrays.asList(out.split("\n"));
        }

        List<String> errLines() {
            List<String> l = new ArrayList<>();
            for (String s : err.split("\n")) {
                if (!s.isBlank()) {
                    l.add(s);
                }
            }
            return l;
        }
    }

    private Cli() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static double[] row(String line) {
        String[] parts = line.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }
}
