package dev.optim.examples.text;

import java.util.List;
import java.util.Map;

/**
 * Just enough JSON writing for the command line's output: objects, arrays, strings, numbers
 * (printed with {@link Double#toString(double)}, which round-trips; non-finite numbers, which
 * JSON cannot hold, become {@code null}), booleans and null.
 */
public final class Json {

    private Json() {}

    /**
     * Appends {@code value} as JSON.
     *
     * @param value a {@link Map} with string keys, a {@link List}, a {@code double[]}, a
     *     {@link CharSequence}, a {@link Number}, a {@link Boolean}, a {@link Raw} or null
     * @param out where to append
     * @return {@code out}
     */
    public static StringBuilder write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof CharSequence s) {
            string(s, out);
        } else if (value instanceof Double || value instanceof Float) {
            number(((Number) value).doubleValue(), out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof double[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                out.append(i == 0 ? "" : ",");
                number(a[i], out);
            }
            out.append(']');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else {
            string(value.toString(), out);
        }
        return out;
    }

    /**
     * Appends a number: {@link Double#toString(double)}, or {@code null} when not finite.
     *
     * @param v the number
     * @param out where to append
     */
    public static void number(double v, StringBuilder out) {
        out.append(Double.isFinite(v) ? Double.toString(v) : "null");
    }

    /**
     * Text that is already JSON, written as it is.
     *
     * @param json the JSON text
     */
    public record Raw(String json) {}

    private static void string(CharSequence s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
