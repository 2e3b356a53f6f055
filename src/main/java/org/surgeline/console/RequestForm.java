package org.surgeline.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.surgeline.personnel.Skill;
import org.surgeline.platform.Problem;
import org.surgeline.request.LineKind;
import org.surgeline.request.NewAllocationRequest;
import org.surgeline.request.NewLine;
import org.surgeline.request.Priority;

/**
 * The new-request form as typed: kept as text so that a refused form comes back exactly as it was
 * sent, with each field's message beside it. Blank line rows are ignored; the errors' names are the
 * API's ({@code lines[0].quantity}), mapped back to the rows they came from.
 */
public record RequestForm(String county, String priority, String neededBy, String justification, List<Row> rows,
        Map<String, String> errors) {

    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    /** Rows a new form offers; the page's script adds more. */
    static final int EMPTY_ROWS = 3;

    public record Row(String kind, String item, String skill, String quantity, String fromDate, String days,
            Map<String, String> errors) {

        boolean isBlank() {
            return blank(kind) && blank(item) && blank(skill) && blank(quantity) && blank(fromDate) && blank(days);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    static RequestForm empty(LocalDate neededBy) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < EMPTY_ROWS; i++) {
            rows.add(new Row("", "", "", "", "", "", Map.of()));
        }
        return new RequestForm("", Priority.URGENT.name(), neededBy.toString(), "", rows, Map.of());
    }

    static RequestForm of(String county, String priority, String neededBy, String justification, List<String> kinds,
            List<String> items, List<String> skills, List<String> quantities, List<String> fromDates, List<String> days) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            rows.add(new Row(at(kinds, i), at(items, i), at(skills, i), at(quantities, i), at(fromDates, i), at(days, i),
                    Map.of()));
        }
        return new RequestForm(county, priority, neededBy, justification, rows, Map.of());
    }

    public String error(String field) {
        return errors.get(field);
    }

    /**
     * The request this form asks for, or a 400 problem naming the fields that cannot be read; what
     * can be read is checked by the service, as for the API.
     */
    NewAllocationRequest toRequest() {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<NewLine> lines = new ArrayList<>();
        for (Row row : rows) {
            if (row.isBlank()) {
                continue;
            }
            String at = "lines[" + lines.size() + "].";
            lines.add(new NewLine(parse(row.kind, LineKind::valueOf, at + "kind", errors),
                    blank(row.item) ? null : row.item.trim(), parse(row.skill, Skill::valueOf, at + "skill", errors),
                    parse(row.quantity, Long::valueOf, at + "quantity", errors),
                    parse(row.fromDate, LocalDate::parse, at + "fromDate", errors),
                    parse(row.days, Integer::valueOf, at + "days", errors)));
        }
        NewAllocationRequest request = new NewAllocationRequest(blank(county) ? null : county.trim(),
                parse(priority, Priority::valueOf, "priority", errors), parse(neededBy, LocalDate::parse, "neededBy", errors),
                blank(justification) ? null : justification.trim(), lines);
        DeskForm.throwIfAny(errors);
        return request;
    }

    /** This form with the problem's field errors placed beside the fields (and rows) they name. */
    RequestForm withErrors(Problem problem) {
        Map<String, String> formErrors = new HashMap<>();
        Map<Integer, Map<String, String>> rowErrors = new HashMap<>();
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isBlank()) {
                filled.add(i);
            }
        }
        List<Problem.FieldError> fieldErrors = problem.getErrors() == null ? List.of() : problem.getErrors();
        for (Problem.FieldError e : fieldErrors) {
            Matcher line = LINE_FIELD.matcher(e.field());
            if (line.matches() && Integer.parseInt(line.group(1)) < filled.size()) {
                rowErrors.computeIfAbsent(filled.get(Integer.parseInt(line.group(1))), k -> new HashMap<>())
                        .putIfAbsent(line.group(2), e.message());
            } else {
                formErrors.putIfAbsent(e.field(), e.message());
            }
        }
        if (fieldErrors.isEmpty()) {
            formErrors.put("form", problem.getDetail());
        }
        List<Row> marked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            marked.add(new Row(r.kind, r.item, r.skill, r.quantity, r.fromDate, r.days,
                    rowErrors.getOrDefault(i, Map.of())));
        }
        return new RequestForm(county, priority, neededBy, justification, marked, formErrors);
    }

    private static <T> T parse(String text, Function<String, T> parser, String field, List<Problem.FieldError> errors) {
        return DeskForm.parse(text, parser, field, errors);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
    }
}
