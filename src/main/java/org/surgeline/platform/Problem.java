package org.surgeline.platform;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An RFC 9457 problem detail, the body of every error response. The {@code type} is stable and
 * documented, so clients can branch on it; {@code extensions} carry problem-specific members
 * (for example the states a room may move to).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "errors"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail",
            "instance", "errors");
    private static final String TYPE_BASE = "https://surgeline.org/problems/";

    /** One rejected input field: where it is, and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String typeSlug, String title, int status, String detail, List<FieldError> errors) {
        this.type = URI.create(TYPE_BASE + typeSlug);
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The one shape of a 400 for rejected fields; the detail lists them all, one "field: message" each. */
    public static Problem validation(List<FieldError> errors) {
        return validation(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
                errors);
    }

    /** A 400 for rejected fields whose detail says more than the fields' own messages. */
    public static Problem validation(String detail, List<FieldError> errors) {
        return new Problem("validation", "Invalid input", 400, detail, errors);
    }

    /** Adds a member of this problem's own (RFC 9457 extension); the standard members cannot be overwritten. */
    public Problem with(String name, Object value) {
        if (STANDARD_MEMBERS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a standard problem member, not an extension");
        }
        extensions.put(name, value);
        return this;
    }

    public URI getType() { return type; }
    public String getTitle() { return title; }
    public int getStatus() { return status; }
    public String getDetail() { return detail; }
    public List<FieldError> getErrors() { return errors; }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() { return extensions; }
}
