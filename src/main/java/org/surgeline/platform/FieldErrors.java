package org.surgeline.platform;

import java.util.ArrayList;
import java.util.List;

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
            throw new ProblemException(Problem.validation(errors));
        }
    }
}
