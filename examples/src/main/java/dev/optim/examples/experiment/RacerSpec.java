package dev.optim.examples.experiment;

import dev.optim.core.Schedule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * One racer as text: {@code NAME} or {@code NAME:KEY=VALUE,KEY=VALUE,...}, a name of the
 * {@link OptimizerCatalogue} and its hyperparameters in the builders' names, as {@code --hp}
 * takes them ({@code adam}, {@code lion:lr=1e-3,beta1=0.95}, {@code momentum:form=nesterov},
 * {@code adam:lookahead=5}, {@code lbfgs:historySize=10}). The label is the text itself, without
 * spaces, so two racers of the same optimizer with different settings stay apart.
 *
 * @param label the text, as shown in tables and legends
 * @param name the optimizer's name
 * @param hyperparameters its hyperparameters, in the order given (unmodifiable)
 */
public record RacerSpec(String label, String name, Map<String, String> hyperparameters) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the name is not in the catalogue
     */
    public RacerSpec {
        if (!OptimizerCatalogue.contains(name)) {
            throw new IllegalArgumentException("optimizer must be one of "
                    + String.join(", ", OptimizerCatalogue.names()) + ", got '" + name + "'");
        }
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    /**
     * Parses {@code NAME[:KEY=VALUE,...]}.
     *
     * @param text the text
     * @return the spec
     * @throws IllegalArgumentException if the name is unknown, a pair has no {@code =}, an empty
     *     key or value, or a key is given twice
     */
    public static RacerSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a racer must be NAME[:KEY=VALUE,...], got '"
                    + text + "'");
        }
        String t = text.replace(" ", "");
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        Map<String, String> hp = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : t.substring(colon + 1).split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("hyperparameter must be KEY=VALUE, got '"
                            + pair + "' in '" + text + "'");
                }
                String key = pair.substring(0, eq);
                if (hp.put(key, pair.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException(key + " is given twice in '" + text + "'");
                }
            }
        }
        return new RacerSpec(t, name, hp);
    }

    /**
     * Builds the racer ({@link OptimizerCatalogue#create}), labelled with this spec's label.
     *
     * @param steps the run's step budget
     * @param schedule the rate's schedule, or null for a constant rate
     * @return the racer
     * @throws IllegalArgumentException if a hyperparameter is unknown or out of range
     */
    public Racer build(long steps, DoubleFunction<Schedule> schedule) {
        Racer r = OptimizerCatalogue.create(name, hyperparameters, steps, schedule);
        return new Racer(label, r.optimizer(), r.lineSearch());
    }

    @Override
    public String toString() {
        return label;
    }
}
