package org.surgeline.setup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One data row of an imported file, by column name, with typed readers that record a {@link RowError}
 * instead of throwing, so that every bad cell of a file is reported at once.
 */
public record CsvRow(long line, Map<String, String> cells, List<RowError> errors) {

    /** The cell's text, or null when the column is absent or the cell is empty. */
    public String text(String column) {
        String value = cells.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    public Long whole(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            error(column, "not a whole number");
            return null;
        }
    }

    public Integer integer(String column) {
        Long value = whole(column);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            error(column, "out of range");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    public Double decimal(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            error(column, "not a number");
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String column, Class<E> type) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            error(column, "must be one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    public void error(String column, String message) {
        errors.add(new RowError(line, column, cells.get(column), message));
    }
}
