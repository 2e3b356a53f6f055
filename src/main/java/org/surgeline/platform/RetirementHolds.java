package org.surgeline.platform;

import java.util.Optional;

/**
 * What keeps a record from being retired, answered by a context that refers to records of the
 * contexts below it (a request holds its county and items; a team holds its home county). The owning
 * context's service asks every implementation before it retires a record, so the arrow still points
 * down: the lower context knows only this interface.
 */
public interface RetirementHolds {

    /**
     * The open work of this context that refers to the record, in words (e.g. "request 42
     * (APPROVED)"), or empty when none does. {@code entity} is the record's audit name
     * ({@code County}, {@code SupplyItem}, {@code Depot}, ...).
     */
    Optional<String> holderOf(String entity, String key);

    /** The first holder any context names, if any: the reason a retirement is refused. */
    static Optional<String> first(Iterable<RetirementHolds> all, String entity, String key) {
        for (RetirementHolds holds : all) {
            Optional<String> holder = holds.holderOf(entity, key);
            if (holder.isPresent()) {
                return holder;
            }
        }
        return Optional.empty();
    }

    /** The 409 answered when a record is still held by open work. */
    static ProblemException held(String what, Object key, String holder) {
        return ProblemException.conflict("still-referenced",
                what + " '" + key + "' cannot be retired: it is held by " + holder).with("heldBy", holder);
    }

    /** The 409 answered when new work names a retired record. */
    static ProblemException retired(String what, Object key) {
        return ProblemException.conflict("retired", what + " '" + key + "' is retired and takes no new work");
    }
}
