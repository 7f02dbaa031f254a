package dev.optim.examples.cli;

import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.ITypeConverter;

/** The parameter data types that {@code --dtype} offers. */
public enum Dtype implements Labelled {
    /** 64-bit floating point (the default): runs on plain {@code double[]} arrays. */
    FLOAT64("float64", DataType.DOUBLE),
    /** 32-bit floating point: parameters and optimizer state in an ND4J FLOAT array. */
    FLOAT32("float32", DataType.FLOAT);

    private final String label;
    private final DataType dataType;

    Dtype(String label, DataType dataType) {
        this.label = label;
        this.dataType = dataType;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The ND4J data type.
     *
     * @return DOUBLE or FLOAT
     */
    public DataType dataType() {
        return dataType;
    }

    /** Parses {@code float64|float32}. */
    public static final class Converter implements ITypeConverter<Dtype> {
        @Override
        public Dtype convert(String value) {
            return Labelled.parse(values(), value);
        }
    }
}
