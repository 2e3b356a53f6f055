package org.surgeline.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads dates and instants from query parameters. JAX-RS would answer a malformed query parameter
 * with 404; a bad date is the caller's input error, so it is a 400 naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> Optional<E> enumValue(String value, Class<E> type, String name) {
        try {
            return Optional.ofNullable(value).map(v -> Enum.valueOf(type, v));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Optional<LocalDate> date(String value, String name) {
        try {
            return Optional.ofNullable(value).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "an ISO-8601 date such as 2026-11-29");
        }
    }

    /** An instant, or a date meaning the start of that day in {@code zone}. */
    public static Optional<Instant> instant(String value, String name, ZoneId zone) {
        try {
            return Optional.ofNullable(value).map(v -> v.length() == 10
                    ? LocalDate.parse(v).atStartOfDay(zone).toInstant()
                    : Instant.parse(v));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "an ISO-8601 instant (2026-11-29T02:00:00Z) or date (2026-11-29)");
        }
    }
}
