package org.surgeline.console;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.surgeline.platform.Problem;
import org.surgeline.platform.ProblemException;

/**
 * A desk's form as typed, and the problem that refused it, if any: a refused form comes back exactly
 * as it was sent, each field's message beside it (the API's field names), or the refusal's detail
 * above it. {@code name} tells which of a page's forms it is.
 */
@TemplateData
public record DeskForm(String name, Map<String, String> values, Problem problem) {

    static final DeskForm NONE = new DeskForm("", Map.of(), null);

    /** A form named {@code name} from field/value pairs as posted (a missing value reads as empty). */
    static DeskForm typed(String name, String... fieldsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1] == null ? "" : fieldsAndValues[i + 1]);
        }
        return new DeskForm(name, values, null);
    }

    /** This form if it is the one named, else that form empty: a page holds several forms, one was sent. */
    public DeskForm of(String form) {
        return name.equals(form) ? this : new DeskForm(form, Map.of(), null);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return problem == null ? null : problem.getErrors().stream().filter(e -> e.field().equals(field))
                .map(Problem.FieldError::message).findFirst().orElse(null);
    }

    /** The refusal in words when no field is to blame (e.g. a reserve floor), else null. */
    public String refusal() {
        return problem != null && problem.getErrors().isEmpty() ? problem.getDetail() : null;
    }

    /** Whether the service refused it with the problem type {@code slug} (e.g. {@code reserve-floor}). */
    public boolean refusedAs(String slug) {
        return problem != null && problem.getType().getPath().endsWith("/" + slug);
    }

    DeskForm refusedBy(Problem refusal) {
        return new DeskForm(name, values, refusal);
    }

    /** The field's text, trimmed; null when blank, as the API reads a missing field. */
    String text(String field) {
        return blankToNull(value(field));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The field read by {@code parser}; null when blank; a field that cannot be read is added to {@code errors}. */
    <T> T parse(String field, Function<String, T> parser, List<Problem.FieldError> errors) {
        return parse(value(field), parser, field, errors);
    }

    static <T> T parse(String text, Function<String, T> parser, String field, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "cannot be read: '" + text.trim() + "'"));
            return null;
        }
    }

    static void throwIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation(errors));
        }
    }

    /**
     * Runs a form's action and sends the browser where it says (post, redirect, get). A refusal of the
     * input (400), of the state of things (409) or of a one-time key already used for another form
     * (422: the page came back with old values) shows the page again with the form as typed, as does
     * "not found" when the service blames a field (a lot typed by hand); any other "not found" and
     * "not allowed" show the error page, as for any page.
     */
    static Response submit(Supplier<URI> action, Function<Problem, TemplateInstance> refusedPage) {
        try {
            return Response.seeOther(action.get()).build();
        } catch (ProblemException e) {
            int status = e.problem().getStatus();
            boolean fieldNotFound = status == 404 && !e.problem().getErrors().isEmpty();
            if (status != 400 && status != 409 && status != 422 && !fieldNotFound) {
                throw e;
            }
            return Response.status(status).entity(refusedPage.apply(e.problem())).build();
        }
    }
}
