package dev.optim.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a comma-separated list of finite numbers ({@code 1.5,-2,3e-4}) into a
 * {@link Coordinates}: coordinates of a point, a range {@code lo,hi}, a slope and intercept.
 */
public final class PointConverter implements ITypeConverter<Coordinates> {

    @Override
    public Coordinates convert(String value) {
        String[] parts = value.split(",", -1);
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            try {
                v[i] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a comma-separated list of numbers ('" + p + "' is not a number)");
            }
            if (!Double.isFinite(v[i]) || p.isEmpty()) {
                throw new TypeConversionException("'" + value
                        + "' is not a comma-separated list of finite numbers");
            }
        }
        return new Coordinates(v);
    }
}
