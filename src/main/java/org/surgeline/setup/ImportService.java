package org.surgeline.setup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.surgeline.platform.ProblemException;

/**
 * CSV import and export of reference data. A file is read whole and every row checked (cells, the
 * request record's own constraints, duplicate keys, references) before anything is written; a file
 * with any bad row answers them all and writes nothing. A good file is applied in one transaction
 * through the owning contexts' services, which keep their rules; a dry run applies it the same way
 * and rolls back, so its counts are exact.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    ReferenceKinds reference;
    @Inject
    Validator validator;

    private final Map<String, ImportKind<?>> kinds = new LinkedHashMap<>();

    @PostConstruct
    void register() {
        reference.all().forEach(k -> kinds.put(k.name(), k));
    }

    public List<String> kindNames() {
        return List.copyOf(kinds.keySet());
    }

    public ImportResult importFile(String kind, InputStream body, boolean dryRun, String actor) {
        return run(kind(kind), body, dryRun, actor);
    }

    /** The file an import of {@code kind} takes, with every record in service. */
    public String export(String kind) {
        ImportKind<?> k = kind(kind);
        return CsvTable.write(k.columns(), k.export());
    }

    private ImportKind<?> kind(String name) {
        ImportKind<?> kind = kinds.get(name);
        if (kind == null) {
            throw ProblemException.notFound("Import kind", name).with("kinds", kindNames());
        }
        return kind;
    }

    private <T> ImportResult run(ImportKind<T> kind, InputStream body, boolean dryRun, String actor) {
        List<RowError> errors = new ArrayList<>();
        List<String> required = kind.columns().stream().filter(c -> !kind.optional().contains(c)).toList();
        List<CsvRow> rows = CsvTable.read(body, required, kind.optional(), errors);
        List<T> values = new ArrayList<>(rows.size());
        Map<String, Long> firstLine = new HashMap<>();
        for (CsvRow row : rows) {
            int before = errors.size();
            T value = kind.read(row);
            for (ConstraintViolation<T> v : validator.validate(value)) {
                String column = v.getPropertyPath().toString();
                if (!hasError(errors.subList(before, errors.size()), column)) {
                    row.error(column, v.getMessage());
                }
            }
            String key = kind.key(value);
            if (key != null) {
                Long first = firstLine.putIfAbsent(key, row.line());
                if (first != null) {
                    row.error(kind.keyColumn(), "duplicate key: also on line " + first);
                }
            }
            kind.check(value, row);
            values.add(value);
        }
        if (!errors.isEmpty()) {
            throw CsvTable.invalid(errors);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(kind, rows, values, dryRun, actor));
        } catch (DryRun done) {
            return done.result;
        }
    }

    /** Applies checked rows; a dry run ends by throwing its result, which rolls everything back. */
    private <T> ImportResult apply(ImportKind<T> kind, List<CsvRow> rows, List<T> values, boolean dryRun,
            String actor) {
        Map<ImportKind.Outcome, Integer> counts = new EnumMap<>(ImportKind.Outcome.class);
        for (int i = 0; i < values.size(); i++) {
            ImportKind.Outcome outcome;
            try {
                outcome = kind.apply(values.get(i), actor);
            } catch (ProblemException e) {
                // A rule of the owning service refused the row: the whole file is refused.
                throw CsvTable.invalid(List.of(new RowError(rows.get(i).line(), kind.keyColumn(),
                        kind.key(values.get(i)), e.getMessage())));
            }
            counts.merge(outcome, 1, Integer::sum);
        }
        ImportResult result = new ImportResult(kind.name(), dryRun, values.size(),
                counts.getOrDefault(ImportKind.Outcome.CREATED, 0),
                counts.getOrDefault(ImportKind.Outcome.UPDATED, 0),
                counts.getOrDefault(ImportKind.Outcome.UNCHANGED, 0));
        if (dryRun) {
            throw new DryRun(result);
        }
        return result;
    }

    /** Carries a dry run's counts out of the transaction it rolls back. */
    private static final class DryRun extends RuntimeException {
        final transient ImportResult result;

        DryRun(ImportResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** A cell of this row already reported unreadable is not reported again as missing. */
    private static boolean hasError(List<RowError> rowErrors, String column) {
        return rowErrors.stream().anyMatch(e -> e.column().equals(column));
    }
}
