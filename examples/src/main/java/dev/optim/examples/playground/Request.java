package dev.optim.examples.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One JSON object of a request, read field by field with the field's path in every refusal
 * ({@code optimizers[1].lr must be ...}). Unknown fields are refused, so a typo never goes
 * unnoticed.
 */
final class Request {

    private final ObjectNode node;
    private final String path;

    Request(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The path of field {@code name}: {@code name} or {@code parent.name}. */
    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    ObjectNode node() {
        return node;
    }

    /** Refuses any field not in {@code allowed}. */
    Request only(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw ApiException.bad(field(n), "unknown field " + field(n) + "; known: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return this;
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    String text(String name, String fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw ApiException.bad(field(name), field(name) + " is required");
            }
            return fallback;
        }
        if (!v.isTextual()) {
            throw ApiException.bad(field(name), field(name) + " must be a string, got "
                    + kind(v));
        }
        return v.textValue();
    }

    double number(String name, double lo, double hi, Double fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw ApiException.bad(field(name), field(name) + " is required");
            }
            return fallback;
        }
        return checkNumber(field(name), v, lo, hi);
    }

    long integer(String name, long lo, long hi, Long fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw ApiException.bad(field(name), field(name) + " is required");
            }
            return fallback;
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw ApiException.bad(field(name), field(name) + " must be an integer in [" + lo
                    + ", " + hi + "], got " + v);
        }
        if (!v.canConvertToLong() || v.asLong() < lo || v.asLong() > hi) {
            throw ApiException.bad(field(name), field(name) + " must be in [" + lo + ", " + hi
                    + "], got " + v);
        }
        return v.asLong();
    }

    double[] point(String name, int dimension, double bound) {
        JsonNode v = node.get(name);
        String f = field(name);
        if (v == null || v.isNull()) {
            throw ApiException.bad(f, f + " is required");
        }
        if (!v.isArray() || v.size() != dimension) {
            throw ApiException.bad(f, f + " must be an array of " + dimension + " numbers, got "
                    + abbreviate(v));
        }
        double[] p = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            p[i] = checkNumber(f + "[" + i + "]", v.get(i), -bound, bound);
        }
        return p;
    }

    List<Request> objects(String name, int min, int max) {
        JsonNode v = node.get(name);
        String f = field(name);
        if (v == null || v.isNull()) {
            throw ApiException.bad(f, f + " is required");
        }
        if (!v.isArray()) {
            throw ApiException.bad(f, f + " must be an array, got " + kind(v));
        }
        if (v.size() < min || v.size() > max) {
            throw ApiException.bad(f, f + " must hold " + min + " to " + max + " entries, got "
                    + v.size());
        }
        java.util.ArrayList<Request> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isObject()) {
                throw ApiException.bad(f + "[" + i + "]", f + "[" + i + "] must be an object, got "
                        + kind(e));
            }
            out.add(new Request((ObjectNode) e, f + "[" + i + "]"));
        }
        return out;
    }

    Request object(String name) {
        JsonNode v = node.get(name);
        String f = field(name);
        if (v == null || v.isNull()) {
            throw ApiException.bad(f, f + " is required");
        }
        if (!v.isObject()) {
            throw ApiException.bad(f, f + " must be an object, got " + kind(v));
        }
        return new Request((ObjectNode) v, f);
    }

    static double checkNumber(String f, JsonNode v, double lo, double hi) {
        if (!v.isNumber()) {
            throw ApiException.bad(f, f + " must be a number in [" + num(lo) + ", " + num(hi)
                    + "], got " + abbreviate(v));
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || d < lo || d > hi) {
            throw ApiException.bad(f, f + " must be in [" + num(lo) + ", " + num(hi) + "], got "
                    + abbreviate(v));
        }
        return d;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
