package org.surgeline.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A problem as listed; {@code overdue} is computed at the time of the answer, {@code history} only on one problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemView(long id, String county, ProblemCategory category, String description,
        NewProblem.Owner owner, String measure, Instant deadline, ProblemStatus status, boolean overdue,
        Set<ProblemStatus> allowedNext, Long requestId, String depot, String site, String lab, String resolutionNote,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, List<Change> history) {

    /** One change: who, when, from what to what (no from on the creation), and the note given, if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(Instant at, String actor, String action, ProblemStatus from, ProblemStatus to, String note) {
    }
}
