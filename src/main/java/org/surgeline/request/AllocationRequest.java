package org.surgeline.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.surgeline.platform.LastChange;
import org.surgeline.platform.ProblemException;

/** What a county asks the city for, and where that stands. */
@Entity
@Table(name = "allocation_request")
public class AllocationRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "allocation_request_seq")
    @SequenceGenerator(name = "allocation_request_seq", sequenceName = "allocation_request_seq", allocationSize = 50)
    public Long id;
    @Column(name = "county_code")
    public String countyCode;
    public String requester;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "needed_by")
    public LocalDate neededBy;
    public String justification;
    @Enumerated(EnumType.STRING)
    public RequestStatus status;
    /** Why it was rejected or cancelled, or the approver's note. */
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Embedded
    public LastChange lastChange = new LastChange();
    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    public List<AllocationLine> lines = new ArrayList<>();

    /** Moves to {@code to}, or 409 with the statuses it may move to. */
    public void moveTo(RequestStatus to, String actor, Instant at) {
        if (!status.next().contains(to)) {
            throw ProblemException.conflict("illegal-status-change",
                    "Request " + id + " is " + status + " and cannot become " + to)
                    .with("current", status).with("allowed", status.next());
        }
        status = to;
        lastChange.record(actor, at);
    }

    /**
     * PLANNED back to APPROVED once nothing covers it any more. Not a transition a caller asks
     * for (so not in {@link RequestStatus#next()}): the service makes it when coverage goes.
     */
    void reopen(String actor, Instant at) {
        if (status != RequestStatus.PLANNED) {
            throw new IllegalStateException("Request " + id + " is " + status + ", not PLANNED");
        }
        status = RequestStatus.APPROVED;
        lastChange.record(actor, at);
    }

    public AllocationLine line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo == lineNo).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Line", id + "/" + lineNo));
    }
}
