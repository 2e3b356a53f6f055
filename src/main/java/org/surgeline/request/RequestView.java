package org.surgeline.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.surgeline.personnel.Skill;

public record RequestView(long id, String county, String requester, Priority priority, LocalDate neededBy,
        String justification, RequestStatus status, Set<RequestStatus> allowedNext, String decisionNote,
        String decidedBy, Instant decidedAt, Instant createdAt, Instant updatedAt, String updatedBy,
        List<Line> lines) {

    public record Line(int lineNo, LineKind kind, String item, Skill skill, long quantity, LocalDate fromDate,
            Integer days, long quantityPlanned, long quantityDispatched, long quantityDelivered, String confirmedBy) {
    }

    public static RequestView of(AllocationRequest r) {
        return new RequestView(r.id, r.countyCode, r.requester, r.priority, r.neededBy, r.justification, r.status,
                r.status.next(), r.decisionNote, r.decidedBy, r.decidedAt, r.createdAt, r.lastChange.at(), r.lastChange.by(),
                r.lines.stream().map(l -> new Line(l.lineNo, l.kind, l.itemCode, l.skill, l.quantity, l.fromDate,
                        l.days, l.quantityPlanned, l.quantityDispatched, l.quantityDelivered, l.confirmedBy)).toList());
    }
}
