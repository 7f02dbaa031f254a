package dev.optim.landscapes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fixtures written by tools/fixtures/gen_landscape_fixtures.py (lines starting with '#'
 * are comments).
 */
public final class Fixtures {

    private Fixtures() {}

    /** The comma-separated fields of each data line of a fixture under /fixtures/. */
    public static List<String[]> rows(String name) {
        String path = "/fixtures/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path
                        + "; run tools/fixtures/gen_landscape_fixtures.py");
            }
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fields {@code from .. from+count-1} as doubles. */
    public static double[] doubles(String[] row, int from, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = Double.parseDouble(row[from + i]);
        }
        return v;
    }

    /** {@code |actual − expected| ≤ tol·max(1, |expected|)}: relative above 1, absolute below. */
    public static boolean close(double actual, double expected, double tol) {
        return Math.abs(actual - expected) <= tol * Math.max(1.0, Math.abs(expected));
    }
}
