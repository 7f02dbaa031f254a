package dev.optim.examples.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optim.core.Optimizer;
import dev.optim.examples.cli.OptimizerKind;
import dev.optim.examples.cli.OptimizerOptions;
import dev.optim.examples.cli.ScheduleKind;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Every optimizer and schedule the command line offers, read from the command line's own
 * option groups ({@link OptimizerOptions}, with its hyperparameter and schedule options), and
 * optimizers built from JSON exactly as {@code optim run} builds them from its options.
 *
 * <p>Nothing here lists optimizers or hyperparameters by hand: the optimizers are
 * {@link OptimizerKind#values()}, the options are those picocli finds on
 * {@link OptimizerOptions}, and which option applies to which optimizer or schedule is learnt by
 * asking the command line itself (an option that does not apply is refused with "applies to").
 * An optimizer spec in a request is an object whose keys are those options' names without the
 * leading dashes: {@code {"optimizer": "adam", "lr": 0.1, "beta1": 0.9, "schedule":
 * "inverse-time", "decay": 0.01}}.
 */
public final class OptimizerCatalogue {

    private static final Pattern DEFAULT = Pattern.compile("default:?\\s*([^,;)]+)[,;)]");

    private static final ThreadLocal<CommandLine> PARSER =
            ThreadLocal.withInitial(OptimizerCatalogue::commandLine);

    private final Set<String> keys;
    private final Map<String, OptionSpec> options;
    private final ObjectNode description;

    /** Reads the catalogue from the command line's options. */
    public OptimizerCatalogue() {
        CommandLine cl = commandLine();
        options = new LinkedHashMap<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            options.put(o.longestName().replaceFirst("^-+", ""), o);
        }
        keys = Set.copyOf(options.keySet());
        description = describe();
    }

    /**
     * The option names an optimizer spec may use.
     *
     * @return the names, without dashes
     */
    public Set<String> keys() {
        return keys;
    }

    /**
     * The catalogue as JSON: {@code optimizers} (name, display name, default rate, state
     * buffers per parameter, the options that apply) and {@code schedules} (name and options),
     * each option with its description, type, default and choices.
     *
     * @return a copy of the description
     */
    public ObjectNode json() {
        return description.deepCopy();
    }

    /**
     * Builds the optimizer an optimizer spec describes, as {@code optim run} would from the same
     * options.
     *
     * @param spec the spec
     * @param steps the run's step budget (the cosine schedule's default horizon)
     * @return the optimizer
     * @throws ApiException 400 naming the field for an unknown key, a value of the wrong type, or
     *     a value the command line refuses
     */
    Optimizer build(Request spec, long steps) {
        spec.only(keys);
        List<String> args = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = spec.node().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            String text;
            if (v.isTextual()) {
                text = v.textValue();
            } else if (v.isIntegralNumber()) {
                text = v.bigIntegerValue().toString();
            } else if (v.isNumber()) {
                double d = v.doubleValue();
                OptionSpec o = options.get(e.getKey());
                boolean integral = o != null && (o.type() == Long.class || o.type() == long.class
                        || o.type() == Integer.class || o.type() == int.class);
                text = integral && d == Math.rint(d) && Math.abs(d) < 1e15
                        ? Long.toString((long) d) : Double.toString(d);
            } else {
                throw ApiException.bad(spec.field(e.getKey()), spec.field(e.getKey())
                        + " must be a string or a number, got " + Request.abbreviate(v));
            }
            args.add("--" + e.getKey() + "=" + text);
        }
        return build(args, steps, spec);
    }

    private Optimizer build(List<String> args, long steps, Request spec) {
        // picocli resets every option to its initial value before each parse, so one command
        // line per thread serves every request (building one costs milliseconds of reflection)
        CommandLine cl = PARSER.get();
        Holder h = cl.getCommand();
        try {
            cl.parseArgs(args.toArray(new String[0]));
            return h.options.build(steps);
        } catch (ParameterException e) {
            throw refusal(spec, e.getMessage(), e.getArgSpec() instanceof OptionSpec o
                    ? o.longestName() : null);
        } catch (IllegalArgumentException e) {
            throw refusal(spec, e.getMessage(), null);
        } catch (RuntimeException e) {
            if (e.getClass().getSimpleName().equals("BadInputException")) {
                throw refusal(spec, e.getMessage(), null);
            }
            throw e;
        }
    }

    /** The CLI's message with its option names turned into the request's field paths. */
    private ApiException refusal(Request spec, String message, String option) {
        String m = message == null ? "refused" : message;
        if (spec == null) {
            throw new IllegalStateException("the command line refused its own defaults: " + m);
        }
        String field = null;
        Matcher om = Pattern.compile("'?--([a-z0-9-]+)").matcher(m);
        Matcher needs = Pattern.compile("needs --([a-z0-9-]+)").matcher(m);
        m = m.replaceFirst("^Invalid value for option ('?--[a-z0-9-]+'?): ", "$1: ");
        if (needs.find()) {
            field = spec.field(needs.group(1));
        } else if (option != null) {
            field = spec.field(option.replaceFirst("^-+", ""));
        } else if (om.find()) {
            field = spec.field(om.group(1));
        }
        String text = m.replaceAll("'?--([a-z0-9-]+)'?",
                Matcher.quoteReplacement(spec.field("")) + "$1");
        return ApiException.bad(field, text.replace('\n', ' ').strip());
    }

    private ObjectNode describe() {
        ObjectNode root = Json.object();
        ArrayNode opts = root.putArray("optimizers");
        for (OptimizerKind k : OptimizerKind.values()) {
            ObjectNode o = opts.addObject();
            o.put("name", k.label());
            o.put("displayName", k.displayName());
            o.put("defaultLearningRate", k.defaultLearningRate());
            Optimizer built = build(List.of("--optimizer=" + k.label()), 100, null);
            o.put("kind", built.kind());
            o.put("stateBuffersPerParameter", built.stateBuffersPerParameter());
            o.put("description", built.toString());
            ArrayNode applies = o.putArray("options");
            for (String key : hyperparameters()) {
                if (applies(List.of("--optimizer=" + k.label()), key)) {
                    applies.add(option(key));
                }
            }
        }
        ArrayNode sched = root.putArray("schedules");
        for (ScheduleKind s : ScheduleKind.values()) {
            ObjectNode o = sched.addObject();
            o.put("name", s.label());
            ArrayNode applies = o.putArray("options");
            for (String key : scheduleParameters()) {
                if (applies(List.of("--schedule=" + s.label()), key)) {
                    applies.add(option(key));
                }
            }
        }
        return root;
    }

    /** The options of the hyperparameter group: those that name an optimizer they apply to. */
    private List<String> hyperparameters() {
        List<String> out = new ArrayList<>();
        for (String key : options.keySet()) {
            if (!isMeta(key) && !scheduleParameters().contains(key)) {
                out.add(key);
            }
        }
        return out;
    }

    private Set<String> scheduleParameters() {
        Set<String> out = new LinkedHashSet<>();
        for (String key : options.keySet()) {
            if (isMeta(key)) {
                continue;
            }
            String msg = probe(List.of("--optimizer=" + OptimizerKind.values()[0].label(),
                    "--schedule=" + ScheduleKind.CONSTANT.label()), key);
            if (msg != null && msg.contains("applies to --schedule")) {
                out.add(key);
            }
        }
        return out;
    }

    private static boolean isMeta(String key) {
        return key.equals("optimizer") || key.equals("lr") || key.equals("schedule");
    }

    private boolean applies(List<String> base, String key) {
        String msg = probe(base, key);
        return msg == null || !msg.contains("applies to");
    }

    /** The refusal message of {@code base} plus option {@code key} with a probe value. */
    private String probe(List<String> base, String key) {
        List<String> args = new ArrayList<>(base);
        args.add("--" + key + "=" + probeValue(options.get(key)));
        Holder h = new Holder();
        try {
            new CommandLine(h).parseArgs(args.toArray(new String[0]));
            h.options.build(100);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? "" : e.getMessage();
        }
    }

    private static String probeValue(OptionSpec o) {
        Class<?> t = o.type();
        if (t.isEnum()) {
            return choices(t).get(0);
        }
        if (t == Long.class || t == long.class || t == Integer.class || t == int.class) {
            return "1";
        }
        return "0.5";
    }

    private ObjectNode option(String key) {
        OptionSpec o = options.get(key);
        ObjectNode n = Json.object();
        n.put("name", key);
        String d = String.join(" ", o.description());
        n.put("description", d);
        Class<?> t = o.type();
        if (t.isEnum()) {
            n.put("type", "choice");
            ArrayNode c = n.putArray("choices");
            choices(t).forEach(c::add);
        } else if (t == Long.class || t == long.class || t == Integer.class || t == int.class) {
            n.put("type", "integer");
        } else {
            n.put("type", "number");
        }
        Matcher m = DEFAULT.matcher(d);
        if (m.find()) {
            n.put("default", m.group(1).strip());
        }
        return n;
    }

    private static List<String> choices(Class<?> enumType) {
        List<String> out = new ArrayList<>();
        Method label = null;
        try {
            label = enumType.getMethod("label");
        } catch (NoSuchMethodException e) {
            label = null;
        }
        for (Object c : enumType.getEnumConstants()) {
            try {
                out.add(label != null ? (String) label.invoke(c)
                        : ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'));
            } catch (ReflectiveOperationException e) {
                out.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static CommandLine commandLine() {
        return new CommandLine(new Holder());
    }

    /** A command with nothing but the command line's optimizer options. */
    @Command(name = "optimizer")
    static final class Holder {
        @Mixin
        OptimizerOptions options = new OptimizerOptions();
    }
}
