package org.surgeline.planning;

import java.time.Instant;
import java.time.LocalDate;

/** A plan run as listed and polled; the plan itself is in {@link PlanView}. */
public record PlanRunView(long id, PlanStatus status, LocalDate planDate, int horizonDays, int timeLimitSeconds,
        String reason, String score, String createdBy, Instant createdAt, Instant startedAt, Instant endedAt,
        String error, Instant publishedAt, String publishedBy) {

    static PlanRunView of(PlanRun r) {
        return new PlanRunView(r.id, r.status, r.planDate, r.horizonDays, r.timeLimitSeconds, r.reason, r.score,
                r.createdBy, r.createdAt, r.startedAt, r.endedAt, r.error, r.publishedAt, r.publishedBy);
    }
}
