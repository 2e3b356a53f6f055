package org.surgeline.setup;

/** One bad cell of an imported file: its line (the header is line 1), column, value and what is wrong. */
public record RowError(long line, String column, String value, String message) {
}
