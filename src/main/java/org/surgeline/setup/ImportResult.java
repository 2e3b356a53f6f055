package org.surgeline.setup;

/** What an import did, or with {@code dryRun} would do: records created, updated and left unchanged. */
public record ImportResult(String kind, boolean dryRun, int rows, int created, int updated, int unchanged) {
}
