package dev.optim.examples.playground;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.optim.core.descent.Trajectory;
import java.io.IOException;

/**
 * The two large arrays of the answers, written straight to Jackson's generator instead of
 * through a tree of one node per number: a trajectory's rows and a surface's values.
 * Non-finite numbers are written as {@code null}.
 */
final class JsonTables {

    private JsonTables() {}

    /** A trajectory as rows {@code [step, loss, lr, x0, x1, …]}, every double exact. */
    record Rows(Trajectory trajectory) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            Trajectory t = trajectory;
            int d = t.dimension();
            gen.writeStartArray();
            for (int k = 0; k < t.size(); k++) {
                gen.writeStartArray();
                gen.writeNumber(t.step(k));
                number(gen, t.loss(k));
                number(gen, t.learningRate(k));
                for (int i = 0; i < d; i++) {
                    number(gen, t.param(k, i));
                }
                gen.writeEndArray();
            }
            gen.writeEndArray();
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider serializers,
                TypeSerializer typeSer) throws IOException {
            serialize(gen, serializers);
        }
    }

    /** A surface's values {@code [ny][nx]}, as floats: a picture needs no more. */
    record FloatGrid(double[][] values) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeStartArray();
            for (double[] row : values) {
                gen.writeStartArray();
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        gen.writeNumber((float) v);
                    } else {
                        gen.writeNull();
                    }
                }
                gen.writeEndArray();
            }
            gen.writeEndArray();
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider serializers,
                TypeSerializer typeSer) throws IOException {
            serialize(gen, serializers);
        }
    }

    private static void number(JsonGenerator gen, double v) throws IOException {
        if (Double.isFinite(v)) {
            gen.writeNumber(v);
        } else {
            gen.writeNull();
        }
    }
}
