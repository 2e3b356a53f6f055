package org.surgeline.planning;

/** {@code QUEUED → SOLVING → DRAFT → PUBLISHED → SUPERSEDED}, or FAILED, or CANCELLED before solving. */
public enum PlanStatus {
    QUEUED, SOLVING, DRAFT, PUBLISHED, SUPERSEDED, FAILED, CANCELLED
}
