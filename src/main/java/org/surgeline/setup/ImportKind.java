package org.surgeline.setup;

import java.util.List;

/**
 * One kind of file: its columns, how a row reads into the owning context's request record, what it
 * refers to, and how it is applied and exported, always through the owning context's service.
 */
interface ImportKind<T> {

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    String name();

    /** The columns, in export order; the header may name them in any order. */
    List<String> columns();

    /** Columns a file may leave out. */
    default List<String> optional() {
        return List.of();
    }

    /** The row as the owning service's request record; bad cells are recorded on the row. */
    T read(CsvRow row);

    /** The natural key, unique within a file. */
    String key(T value);

    /** The column that holds the key, where a duplicate is reported. */
    default String keyColumn() {
        return "code";
    }

    /** References to other records (a county, an item), checked before anything is written. */
    default void check(T value, CsvRow row) {
    }

    Outcome apply(T value, String actor);

    /** Every record in service, one row each, in the order of {@link #columns()}. */
    List<List<String>> export();

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
