package org.surgeline.planning;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a plan run: {@code QUEUED → SOLVING → DRAFT → PUBLISHED → SUPERSEDED}, or FAILED,
 * or CANCELLED (also a DRAFT a scheduler discarded). A SOLVING run may also be claimed again once its lease passed (SOLVING → SOLVING),
 * handed back unstarted by an instance shutting down (→ QUEUED), or cancelled when a stop was
 * asked for and the instance solving it is gone (→ CANCELLED).
 */
public enum PlanStatus {
    QUEUED, SOLVING, DRAFT, PUBLISHED, SUPERSEDED, FAILED, CANCELLED;

    public Set<PlanStatus> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(SOLVING, CANCELLED);
            case SOLVING -> EnumSet.of(SOLVING, QUEUED, DRAFT, FAILED, CANCELLED);
            case DRAFT -> EnumSet.of(PUBLISHED, CANCELLED);
            case PUBLISHED -> EnumSet.of(SUPERSEDED);
            case SUPERSEDED, FAILED, CANCELLED -> EnumSet.noneOf(PlanStatus.class);
        };
    }

    public boolean mayMoveTo(PlanStatus target) {
        return next().contains(target);
    }
}
