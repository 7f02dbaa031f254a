package dev.optim.examples.cli;

import picocli.CommandLine.ITypeConverter;

/** The learning-rate schedules that {@code --schedule} offers. */
public enum ScheduleKind implements Labelled {
    /** {@code η_k = lr}. */
    CONSTANT("constant"),
    /** {@code η_k = lr / (1 + D·k)}, the article's learning-rate decay. */
    INVERSE_TIME("inverse-time"),
    /** {@code η_k = lr · G^⌊k/S⌋}. */
    STEP("step"),
    /** {@code η_k = lr · G^k}. */
    EXPONENTIAL("exponential"),
    /** {@code η_k = lr · (1 + cos(π·min(k, T)/T)) / 2}. */
    COSINE("cosine");

    private final String label;

    ScheduleKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Parses {@code constant|inverse-time|step|exponential|cosine}. */
    public static final class Converter implements ITypeConverter<ScheduleKind> {
        @Override
        public ScheduleKind convert(String value) {
            return Labelled.parse(values(), value);
        }
    }
}
