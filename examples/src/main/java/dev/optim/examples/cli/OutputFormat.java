package dev.optim.examples.cli;

import picocli.CommandLine.ITypeConverter;

/** The table formats that {@code --format} offers. */
public enum OutputFormat implements Labelled {
    /** Comma-separated values with a header row. */
    CSV("csv"),
    /** One JSON object: metadata, {@code columns} and {@code rows}. */
    JSON("json");

    private final String label;

    OutputFormat(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Parses {@code csv|json}. */
    public static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return Labelled.parse(values(), value);
        }
    }
}
