package dev.optim.losses;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fixture files written by tools/fixtures/gen_loss_fixtures.py: blocks of
 * {@code key value value …} lines between {@code case NAME} and {@code end}.
 */
public final class Fixtures {

    private Fixtures() {}

    /** One case: its name and its keyed token lists. */
    public record Case(String name, Map<String, String[]> fields) {
        public String text(String key) {
            return tokens(key)[0];
        }

        public String[] tokens(String key) {
            String[] v = fields.get(key);
            if (v == null) {
                throw new IllegalStateException("fixture case " + name + " has no '" + key + "'");
            }
            return v;
        }

        public boolean has(String key) {
            return fields.containsKey(key);
        }

        public double[] doubles(String key) {
            return Arrays.stream(tokens(key)).mapToDouble(Double::parseDouble).toArray();
        }

        public long[] longs(String key) {
            return Arrays.stream(tokens(key)).mapToLong(Long::parseLong).toArray();
        }

        public double number(String key) {
            return Double.parseDouble(text(key));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Reads all cases of a fixture file from the test class path. */
    public static List<Case> read(String resource) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + resource);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + resource);
        }
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = null;
            Map<String, String[]> fields = null;
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if (parts[0].equals("case")) {
                    name = parts[1];
                    fields = new LinkedHashMap<>();
                } else if (parts[0].equals("end")) {
                    cases.add(new Case(name, fields));
                    name = null;
                } else {
                    fields.put(parts[0], Arrays.copyOfRange(parts, 1, parts.length));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("fixture " + resource + " holds no case");
        }
        return cases;
    }
}
