package dev.optim.examples.playground;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The API's JSON, through Jackson: a parser configured for untrusted input (bounded nesting,
 * string and number lengths; duplicate keys and trailing tokens refused) and helpers that write
 * non-finite numbers as {@code null}, since JSON has no NaN or infinity.
 */
public final class Json {

    /** The mapper, shared (thread-safe once configured). */
    static final ObjectMapper MAPPER = mapper();

    private Json() {}

    private static ObjectMapper mapper() {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Limits.MAX_JSON_DEPTH)
                        .maxStringLength(Limits.MAX_STRING_LENGTH)
                        .maxNumberLength(40)
                        .maxDocumentLength(Limits.MAX_BODY_BYTES)
                        .build())
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
        f.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        ObjectMapper m = new ObjectMapper(f);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return m;
    }

    /**
     * Parses a request body, which must be one JSON object.
     *
     * @param body the bytes, UTF-8
     * @return the object
     * @throws ApiException 400 if the body is not a well-formed JSON object within the bounds
     */
    static ObjectNode parseObject(byte[] body) {
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.bad(null, "malformed JSON: " + oneLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw ApiException.bad(null, "unreadable request body");
        }
        if (n == null || n.isMissingNode()) {
            throw ApiException.bad(null, "the request body must be a JSON object, got nothing");
        }
        if (!n.isObject()) {
            throw ApiException.bad(null, "the request body must be a JSON object, got "
                    + n.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) n;
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replace('\r', ' ').replace('\n', ' ').strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    /**
     * A new empty object.
     *
     * @return the object
     */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * A number, or {@code null} when it is not finite.
     *
     * @param parent where to put it
     * @param name the key
     * @param v the value
     */
    static void put(ObjectNode parent, String name, double v) {
        if (Double.isFinite(v)) {
            parent.put(name, v);
        } else {
            parent.putNull(name);
        }
    }

    /**
     * Appends a number, or {@code null} when it is not finite.
     *
     * @param a the array
     * @param v the value
     */
    static void add(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    /**
     * An array of numbers, non-finite ones as {@code null}.
     *
     * @param values the values
     * @return the array
     */
    static ArrayNode array(double[] values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(values.length);
        for (double v : values) {
            add(a, v);
        }
        return a;
    }
}
