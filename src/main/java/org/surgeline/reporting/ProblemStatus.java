package org.surgeline.reporting;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code OPEN → IN_PROGRESS → RESOLVED} (a resolution note is required), and {@code WITHDRAWN} from
 * OPEN or IN_PROGRESS. Overdue is not a status: an open or in-progress problem past its deadline.
 */
public enum ProblemStatus {
    OPEN, IN_PROGRESS, RESOLVED, WITHDRAWN;

    public Set<ProblemStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, WITHDRAWN);
            case IN_PROGRESS -> EnumSet.of(RESOLVED, WITHDRAWN);
            case RESOLVED, WITHDRAWN -> EnumSet.noneOf(ProblemStatus.class);
        };
    }

    /** Still to be dealt with, so it can be overdue. */
    public boolean active() {
        return this == OPEN || this == IN_PROGRESS;
    }

    static final Set<ProblemStatus> ACTIVE = EnumSet.of(OPEN, IN_PROGRESS);
}
