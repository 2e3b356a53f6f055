package org.surgeline.platform;

import java.util.List;

/**
 * The one way a service refuses a request: it throws this, and {@link ProblemMapper} turns it
 * into problem+json. Thrown inside a transaction, it also rolls that transaction back.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.getDetail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Adds a problem-specific member to the body (for example the stock still available). */
    public ProblemException with(String name, Object value) {
        problem.with(name, value);
        return this;
    }

    public static ProblemException notFound(String what, Object key) {
        return new ProblemException(
                new Problem("not-found", "Not found", 404, what + " '" + key + "' does not exist", null));
    }

    /**
     * A 404 for a thing the request named in {@code field} (e.g. a lot typed by hand): the field is
     * blamed as well, so that a form shows the message beside it instead of an error page.
     */
    public static ProblemException notFound(String what, Object key, String field) {
        String detail = what + " '" + key + "' does not exist";
        return new ProblemException(new Problem("not-found", "Not found", 404, detail,
                List.of(new Problem.FieldError(field, detail))));
    }

    public static ProblemException badRequest(String typeSlug, String detail) {
        return new ProblemException(new Problem(typeSlug, "Bad request", 400, detail, null));
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.validation(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem("forbidden", "Forbidden", 403, detail, null));
    }

    public static ProblemException conflict(String typeSlug, String detail) {
        return new ProblemException(new Problem(typeSlug, "Conflict", 409, detail, null));
    }

    public static ProblemException unprocessable(String typeSlug, String detail) {
        return new ProblemException(new Problem(typeSlug, "Unprocessable request", 422, detail, null));
    }
}
