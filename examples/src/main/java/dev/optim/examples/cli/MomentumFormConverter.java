package dev.optim.examples.cli;

import dev.optim.core.optimizer.Momentum;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --momentum-form ema|heavy-ball|nesterov} into a {@link Momentum.Form}. */
public final class MomentumFormConverter implements ITypeConverter<Momentum.Form> {

    @Override
    public Momentum.Form convert(String value) {
        for (Momentum.Form f : Momentum.Form.values()) {
            if (f.label().equals(value)) {
                return f;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of ema|heavy-ball|nesterov");
    }
}
