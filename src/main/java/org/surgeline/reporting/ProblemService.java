package org.surgeline.reporting;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.surgeline.isolation.IsolationService;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.FieldErrors;
import org.surgeline.platform.Filter;
import org.surgeline.platform.Locks;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.ResultPage;
import org.surgeline.region.CountyService;
import org.surgeline.request.RequestService;
import org.surgeline.stock.CatalogService;
import org.surgeline.testing.LabService;

/**
 * The problem list: problems written up with an owner, a measure and a deadline, chased through
 * OPEN → IN_PROGRESS → RESOLVED (or WITHDRAWN); every change kept. An officer works on their own
 * county's problems; another county's is a 404, as for none.
 */
@ApplicationScoped
@Transactional
public class ProblemService {

    @Inject
    CountyService counties;
    @Inject
    RequestService requests;
    @Inject
    CatalogService catalog;
    @Inject
    IsolationService isolation;
    @Inject
    LabService labs;
    @Inject
    CallerContext caller;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** Writes up a problem for a county (an officer: their own, else 403); 400 for a bad deadline or a link to nothing. */
    public ProblemView create(NewProblem n, String actor) {
        caller.requireActFor(n.county());
        counties.active(n.county());
        Instant deadline = deadline(n.deadline());
        new FieldErrors()
                .check(n.requestId() == null || exists(() -> requests.visible(n.requestId())), "requestId",
                        "no such allocation request")
                .check(n.depot() == null || catalog.findDepot(n.depot()).isPresent(), "depot", "no such depot")
                .check(n.site() == null || isolation.findSite(n.site()).isPresent(), "site", "no such isolation site")
                .check(n.lab() == null || labs.findLab(n.lab()).isPresent(), "lab", "no such lab")
                .throwIfAny();
        Instant now = clock.instant();
        TrackedProblem p = new TrackedProblem();
        p.countyCode = n.county();
        p.category = n.category();
        p.description = n.description();
        p.ownerName = n.owner().name();
        p.ownerPhone = n.owner().phone();
        p.measure = n.measure();
        p.deadline = deadline;
        p.status = ProblemStatus.OPEN;
        p.requestId = n.requestId();
        p.depotCode = n.depot();
        p.siteCode = n.site();
        p.labCode = n.lab();
        p.createdAt = now;
        p.createdBy = actor;
        p.lastChange.record(actor, now);
        p.persist();
        event(p, "CREATE", null, null, actor, now);
        audit.record("Problem", p.id, p.countyCode, "CREATE", null, n, actor);
        return view(p, true);
    }

    /**
     * Moves a problem to another status: 409 with the allowed next statuses for a move the life
     * cycle does not allow, 400 for a resolution without a note.
     */
    public ProblemView transition(long id, ProblemTransition change, String actor) {
        TrackedProblem p = Locks.existing(em, TrackedProblem.class, id, "Problem");
        caller.requireCounty(p.countyCode, "Problem", id);
        if (!p.status.next().contains(change.to())) {
            throw ProblemException.conflict("illegal-transition", "A problem " + p.status + " cannot move to "
                    + change.to()).with("current", p.status).with("allowed", p.status.next());
        }
        String note = change.note() == null || change.note().isBlank() ? null : change.note().strip();
        if (change.to() == ProblemStatus.RESOLVED && note == null) {
            throw ProblemException.invalidField("note", "a resolution note is required to resolve a problem");
        }
        Instant now = clock.instant();
        ProblemStatus from = p.status;
        p.status = change.to();
        if (change.to() == ProblemStatus.RESOLVED) {
            p.resolutionNote = note;
        }
        p.lastChange.record(actor, now);
        event(p, "TRANSITION", from, note, actor, now);
        audit.record("Problem", p.id, p.countyCode, "TRANSITION", from, change.to(), actor);
        return view(p, true);
    }

    /** One problem with its history; an officer's own county only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProblemView get(long id) {
        TrackedProblem p = TrackedProblem.<TrackedProblem>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Problem", id));
        caller.requireCounty(p.countyCode, "Problem", id);
        return view(p, true);
    }

    /**
     * Problems by deadline, narrowed by county (an officer: their own; another is a 404), status
     * and overdue (true: only overdue ones; false: none of them).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<ProblemView> list(Optional<String> askedCounty, Optional<ProblemStatus> status,
            Optional<Boolean> overdue, int page, int size) {
        Optional<String> county = caller.readScope(askedCounty.orElse(null));
        Instant now = clock.instant();
        Filter filter = new Filter().and(county, "countyCode = :county", "county")
                .and(status, "status = :status", "status")
                .and(overdue.filter(o -> o).map(o -> now), "status in :active and deadline < :now", "now")
                .and(overdue.filter(o -> !o).map(o -> now), "(status not in :active or deadline >= :now)", "now");
        if (overdue.isPresent()) {
            filter.parameters().and("active", ProblemStatus.ACTIVE);
        }
        var found = TrackedProblem.<TrackedProblem>find(filter.query(), Sort.by("deadline").and("id"), filter.parameters());
        return ResultPage.of(found, page, size).map(p -> view(p, false));
    }

    /** Problems open or in progress past their deadline, city-wide or of one county. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProblemView> overdue(Optional<String> county) {
        Filter filter = new Filter().and(county, "countyCode = :county", "county")
                .and(Optional.of(clock.instant()), "status in :active and deadline < :now", "now");
        filter.parameters().and("active", ProblemStatus.ACTIVE);
        return TrackedProblem.<TrackedProblem>list(filter.query(), Sort.by("deadline").and("id"), filter.parameters())
                .stream().map(p -> view(p, false)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long overdueCount() {
        return TrackedProblem.count("status in ?1 and deadline < ?2", ProblemStatus.ACTIVE, clock.instant());
    }

    /** A date-time with an offset, or a date meaning the end of that day in the city's zone. */
    private Instant deadline(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("deadline",
                    "a date-time with an offset (2026-12-03T18:00:00+08:00) or a date (2026-12-03)");
        }
    }

    private static boolean exists(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    private void event(TrackedProblem p, String action, ProblemStatus from, String note, String actor, Instant at) {
        ProblemEvent e = new ProblemEvent();
        e.problemId = p.id;
        e.occurredAt = at;
        e.actor = actor;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = p.status;
        e.note = note;
        e.persist();
    }

    private ProblemView view(TrackedProblem p, boolean withHistory) {
        List<ProblemView.Change> history = withHistory
                ? ProblemEvent.<ProblemEvent>list("problemId", Sort.by("id"), p.id).stream()
                        .map(e -> new ProblemView.Change(e.occurredAt, e.actor, e.action, e.fromStatus, e.toStatus, e.note))
                        .toList()
                : null;
        return new ProblemView(p.id, p.countyCode, p.category, p.description,
                new NewProblem.Owner(p.ownerName, p.ownerPhone), p.measure, p.deadline, p.status,
                p.overdue(clock.instant()), p.status.next(), p.requestId, p.depotCode, p.siteCode, p.labCode,
                p.resolutionNote, p.createdAt, p.createdBy, p.lastChange.at(), p.lastChange.by(), history);
    }
}
