package org.surgeline.stock;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Filter;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.Locks;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.Roles;

/**
 * The four-eyes rule for large adjustments: one over the approval threshold, asked for by anyone
 * but an admin, is kept PENDING until another person approves it (then recorded, the reserve
 * floor checked again) or rejects it. The movement's actor is the person who asked.
 */
@ApplicationScoped
@Transactional
public class AdjustmentService {

    @Inject
    LedgerService ledger;
    @Inject
    StockConfig config;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;

    /** A movement asked for: recorded now ({@code recorded}), or kept for a second person ({@code pending}). */
    public record Outcome(MovementResult recorded, AdjustmentRequest pending) {
    }

    /**
     * The one path of a movement the caller asks for, from the API or the stock desk: a large
     * adjustment by anyone but an admin waits for a second person; anything else is recorded now.
     * {@code alone}: the caller's transaction holds nothing else (no Idempotency-Key claim), so the
     * ledger may commit the movement on its own ({@link LedgerService#recordAlone}).
     */
    public Outcome recordOrKeep(MovementRequest r, boolean alone) {
        if (needsApproval(r, caller.hasRole(Roles.ADMIN))) {
            return new Outcome(null, submit(r, caller.actor()));
        }
        return new Outcome(alone ? ledger.recordAlone(r, caller.actor()) : ledger.record(r, caller.actor()), null);
    }

    /** Whether this movement, asked for by a caller who is not an admin, waits for a second person. */
    boolean needsApproval(MovementRequest r, boolean admin) {
        return r.type() == MovementRequest.Kind.ADJUSTMENT && !admin
                && r.quantity() > config.adjustmentApprovalThreshold();
    }

    /**
     * Keeps a large adjustment for approval, once it is known it could be recorded now (else 400/404/409).
     * Only admins and schedulers may ask to override a reserve floor (403).
     */
    private AdjustmentRequest submit(MovementRequest r, String actor) {
        caller.requireFloorOverrideRight(r.floorOverride());
        ledger.check(r);
        AdjustmentRequest a = new AdjustmentRequest();
        a.depotCode = r.depot();
        a.itemCode = r.item();
        a.quantity = r.quantity();
        a.reason = r.reason();
        a.lot = r.lot();
        a.expiresOn = r.expiresOn();
        a.reference = r.reference();
        a.note = r.note();
        a.floorOverride = r.floorOverride();
        a.state = AdjustmentRequest.State.PENDING;
        a.requestedBy = actor;
        a.requestedAt = clock.instant();
        a.persist();
        return a;
    }

    /** Records a pending adjustment in the ledger; never by the person who asked for it. */
    public AdjustmentRequest approve(long id, String actor) {
        AdjustmentRequest a = lockPending(id, actor);
        MovementResult result = ledger.recordApproved(a.movement(), a.requestedBy);
        decide(a, AdjustmentRequest.State.APPROVED, null, actor);
        a.operationId = result.movements().get(0).operationId();
        return a;
    }

    public AdjustmentRequest reject(long id, String reason, String actor) {
        AdjustmentRequest a = lockPending(id, actor);
        decide(a, AdjustmentRequest.State.REJECTED, reason, actor);
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AdjustmentRequest get(long id) {
        return AdjustmentRequest.<AdjustmentRequest>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Adjustment", id));
    }

    /** Adjustments newest first, narrowed by state. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AdjustmentRequest> list(Optional<AdjustmentRequest.State> state, int page, int size) {
        Filter filter = new Filter().and(state, "state = :state", "state");
        return ResultPage.of(AdjustmentRequest.<AdjustmentRequest>find(filter.query(), Sort.descending("id"),
                filter.parameters()), page, size);
    }

    private AdjustmentRequest lockPending(long id, String actor) {
        AdjustmentRequest a = Locks.existing(em, AdjustmentRequest.class, id, "Adjustment");
        if (a.state != AdjustmentRequest.State.PENDING) {
            throw ProblemException.conflict("adjustment-decided", "Adjustment " + id + " is already " + a.state)
                    .with("state", a.state);
        }
        if (a.requestedBy.equals(actor)) {
            throw ProblemException.forbidden("A large adjustment needs a second person: nobody decides their own");
        }
        return a;
    }

    private void decide(AdjustmentRequest a, AdjustmentRequest.State to, String note, String actor) {
        a.state = to;
        a.decidedBy = actor;
        a.decidedAt = clock.instant();
        a.decisionNote = note;
    }
}
