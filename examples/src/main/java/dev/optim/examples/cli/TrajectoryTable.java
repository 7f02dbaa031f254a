package dev.optim.examples.cli;

import dev.optim.core.descent.Trajectory;
import dev.optim.examples.text.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Trajectory} as the command line prints it: the columns {@code step, loss, lr} and one
 * per parameter, named as the command chooses ({@code x0, x1, …} for a landscape,
 * {@code slope, intercept} for the regression). Numbers are printed with
 * {@link Double#toString(double)}, which round-trips a double.
 *
 * <p>CSV: a header row and one row per recorded step. JSON: one object holding the metadata
 * given, {@code "columns"} and {@code "rows"} (arrays in column order; non-finite numbers, which
 * JSON cannot hold, are {@code null}).
 */
public final class TrajectoryTable {

    private final Trajectory trajectory;
    private final List<String> parameterNames;

    /**
     * Wraps a trajectory.
     *
     * @param trajectory the trajectory
     * @param parameterNames one name per parameter column
     * @throws IllegalArgumentException if the number of names differs from the trajectory's
     *     parameter columns
     */
    public TrajectoryTable(Trajectory trajectory, List<String> parameterNames) {
        if (parameterNames.size() != trajectory.dimension()) {
            throw new IllegalArgumentException("trajectory has " + trajectory.dimension()
                    + " parameter columns but " + parameterNames.size() + " names were given");
        }
        this.trajectory = trajectory;
        this.parameterNames = List.copyOf(parameterNames);
    }

    /**
     * The names {@code x0 … x(n−1)}.
     *
     * @param n the number of parameters
     * @return the names
     */
    public static List<String> indexedNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add("x" + i);
        }
        return names;
    }

    /**
     * The column names: {@code step, loss, lr} and the parameters'.
     *
     * @return the columns
     */
    public List<String> columns() {
        List<String> c = new ArrayList<>(List.of("step", "loss", "lr"));
        c.addAll(parameterNames);
        return c;
    }

    /**
     * The table as CSV.
     *
     * @return the CSV text, ending with a newline
     */
    public String csv() {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns())).append('\n');
        int d = trajectory.dimension();
        for (int r = 0; r < trajectory.size(); r++) {
            out.append(trajectory.step(r)).append(',')
                    .append(trajectory.loss(r)).append(',')
                    .append(trajectory.learningRate(r));
            for (int i = 0; i < d; i++) {
                out.append(',').append(trajectory.param(r, i));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The table as one JSON object: {@code meta}'s entries, then {@code columns} and
     * {@code rows}.
     *
     * @param meta entries to put first (strings, numbers, null)
     * @return the JSON text, ending with a newline
     */
    public String json(Map<String, Object> meta) {
        Map<String, Object> all = new LinkedHashMap<>(meta);
        all.put("columns", columns());
        List<Object> rows = new ArrayList<>(trajectory.size());
        int d = trajectory.dimension();
        for (int r = 0; r < trajectory.size(); r++) {
            StringBuilder b = new StringBuilder("[").append(trajectory.step(r)).append(',');
            Json.number(trajectory.loss(r), b);
            b.append(',');
            Json.number(trajectory.learningRate(r), b);
            for (int i = 0; i < d; i++) {
                b.append(',');
                Json.number(trajectory.param(r, i), b);
            }
            rows.add(new Json.Raw(b.append(']').toString()));
        }
        all.put("rows", rows);
        return Json.write(all, new StringBuilder()).append('\n').toString();
    }
}
