package dev.optim.search;

import java.util.Arrays;

/** Reads and writes the command line's parameter syntax (see {@link Parameter#parse}). */
final class ParameterSyntax {

    private ParameterSyntax() {}

    static String describe(Condition condition) {
        return condition == null ? "" : "@" + condition.parent() + "=" + String.join("|", condition.values());
    }

    static Parameter parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("parameter description must not be null");
        }
        String body = text.trim();
        String cond = null;
        int at = body.indexOf('@');
        if (at >= 0) {
            cond = body.substring(at + 1);
            body = body.substring(0, at);
        }
        int eq = body.indexOf('=');
        if (eq <= 0) {
            throw bad(text, "expected name=kind:...");
        }
        String name = body.substring(0, eq);
        String[] parts = body.substring(eq + 1).split(":", -1);
        Parameter p;
        try {
            switch (parts[0]) {
                case "uniform", "float" -> {
                    need(text, parts, 3);
                    p = Parameter.uniform(name, Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
                }
                case "log" -> {
                    need(text, parts, 3);
                    p = Parameter.logUniform(name, Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
                }
                case "int" -> {
                    need(text, parts, 3);
                    p = Parameter.integer(name, Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                }
                case "logint" -> {
                    need(text, parts, 3);
                    p = Parameter.logInteger(name, Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                }
                case "cat" -> {
                    need(text, parts, 2);
                    p = Parameter.categorical(name, parts[1].split(",", -1));
                }
                default -> throw bad(text, "unknown kind '" + parts[0]
                        + "' (uniform, log, int, logint, cat)");
            }
        } catch (NumberFormatException e) {
            throw bad(text, "a bound is not a number (" + e.getMessage() + ")");
        }
        if (cond != null) {
            int ceq = cond.indexOf('=');
            if (ceq <= 0 || ceq == cond.length() - 1) {
                throw bad(text, "expected a condition @parent=value1|value2");
            }
            p = p.when(cond.substring(0, ceq), cond.substring(ceq + 1).split("\\|"));
        }
        return p;
    }

    private static void need(String text, String[] parts, int n) {
        if (parts.length != n) {
            throw bad(text, "expected " + (n - 1) + " field(s) after the kind, got "
                    + Arrays.toString(Arrays.copyOfRange(parts, 1, parts.length)));
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("cannot read parameter '" + text + "': " + why
                + "; e.g. lr=log:1e-4:1, batch=int:1:300, opt=cat:sgd,momentum, mu=uniform:0:0.99@opt=momentum");
    }
}
