package org.surgeline.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Collects every rule a request breaks, so the caller hears of all of them in one 400. */
public final class FieldErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public FieldErrors check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new Problem.FieldError(field, message));
        }
        return this;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(new Problem("validation", "Invalid input", 400, detail, errors));
        }
    }
}
