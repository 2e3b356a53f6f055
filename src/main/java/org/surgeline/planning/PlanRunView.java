package org.surgeline.planning;

import java.time.Instant;
import java.time.LocalDate;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Roles;

/**
 * A plan run as listed and polled; the plan itself is in {@link PlanView}. {@code claimedBy} names
 * the instance (host, pid, pod) and is shown to admins only; a failed run carries {@code errorCode}
 * and a sentence in {@code error}. While a run solves, {@code bestScore} is the best score found so
 * far and {@code bestScoreAt} when it was found (updated at most once a second); once it is solved,
 * its final score.
 */
public record PlanRunView(long id, PlanStatus status, PlanKind kind, LocalDate planDate, int horizonDays,
        int timeLimitSeconds, String reason, Instant slot, String score, String bestScore, Instant bestScoreAt,
        String createdBy, Instant createdAt, Instant startedAt, Instant endedAt, String claimedBy, int attempts, String errorCode, String error,
        Long basePlanId, String baselineScore, Integer changedAssignments, Instant publishedAt, String publishedBy,
        Instant discardedAt, String discardedBy) {

    public static PlanRunView of(PlanRun r, CallerContext caller) {
        return new PlanRunView(r.id, r.status, r.kind, r.planDate, r.horizonDays, r.timeLimitSeconds, r.reason, r.slot,
                r.score, r.bestScore, r.bestScoreAt, r.createdBy, r.createdAt, r.startedAt, r.endedAt,
                caller.hasRole(Roles.ADMIN) ? r.claimedBy : null, r.attempts, r.errorCode, r.error,
                r.basePlanId, r.baselineScore, r.changedAssignments, r.publishedAt, r.publishedBy, r.discardedAt,
                r.discardedBy);
    }
}
