package org.surgeline.platform;

/**
 * Cells of the CSV files people open in a spreadsheet (the ledger, the city's summary). Free text in
 * them is typed by users, and a spreadsheet runs a cell that starts with {@code = + - @} as a formula
 * (tab and carriage return too, since some spreadsheets skip them before looking): such a cell is
 * written with a leading apostrophe, which spreadsheets read as "this is text". Files meant to be
 * imported again (the reference data) keep their cells unchanged, so a round trip changes nothing.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** The cell for {@code value}: empty for null, numbers as they are, text made safe to open. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return !s.isEmpty() && !(value instanceof Number) && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
