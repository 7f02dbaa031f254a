package dev.optim.examples.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.TypeConversionException;

/**
 * A choice with a command-line name ({@code heavy-ball}, {@code float32}), parsed exactly.
 */
public interface Labelled {

    /**
     * The name on the command line.
     *
     * @return the label
     */
    String label();

    /**
     * The choice among {@code values} whose label is {@code text}.
     *
     * @param <E> the choice type
     * @param values the choices
     * @param text the text given
     * @return the choice
     * @throws TypeConversionException naming the text and the valid labels
     */
    static <E extends Labelled> E parse(E[] values, String text) {
        for (E e : values) {
            if (e.label().equals(text)) {
                return e;
            }
        }
        throw new TypeConversionException("'" + text + "' is not one of " + labels(values));
    }

    /**
     * The labels of {@code values}, separated by {@code |}.
     *
     * @param values the choices
     * @return e.g. {@code sgd|momentum|rmsprop|adam}
     */
    static String labels(Labelled[] values) {
        return Arrays.stream(values).map(Labelled::label).collect(Collectors.joining("|"));
    }
}
