package dev.optim.core.optimizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trajectory fixture of {@code tools/fixtures/gen_swats_schedulefree_fixtures.py}: the
 * {@code # key: value} lines and the rows (row 0 the start).
 */
record CatalogueFixture(String name, Map<String, String> meta, double[][] rows) {

    static List<CatalogueFixture> all(String dir) {
        List<CatalogueFixture> cases = new ArrayList<>();
        for (String file : read(dir + "index.txt")) {
            if (file.isBlank() || file.startsWith("#")) {
                continue;
            }
            Map<String, String> meta = new LinkedHashMap<>();
            List<double[]> rows = new ArrayList<>();
            for (String line : read(dir + file.trim())) {
                if (line.startsWith("#")) {
                    int colon = line.indexOf(':');
                    meta.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
                } else if (!line.startsWith("step") && !line.isBlank()) {
                    String[] c = line.split(",");
                    double[] row = new double[c.length - 1];
                    for (int i = 1; i < c.length; i++) {
                        row[i - 1] = Double.parseDouble(c[i]);
                    }
                    rows.add(row);
                }
            }
            cases.add(new CatalogueFixture(meta.get("name"), meta, rows.toArray(new double[0][])));
        }
        return cases;
    }

    double number(String key) {
        return Double.parseDouble(meta.get(key));
    }

    String function() {
        return meta.get("function");
    }

    double[] start(int n) {
        double[] s = new double[n];
        System.arraycopy(rows[0], 0, s, 0, n);
        return s;
    }

    double[] gradient(double[] p) {
        return LookaheadTest.gradient(function(), p);
    }

    private static List<String> read(String resource) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CatalogueFixture.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
