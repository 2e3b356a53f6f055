package org.surgeline.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A record of the city's reference data (a county, item, depot, site, lab or team): edited only
 * with If-Match on its version ({@link ETags}), and retired, never deleted, so that its history and
 * what refers to it stay readable.
 */
@MappedSuperclass
public abstract class ReferenceRecord extends PanacheEntityBase {

    @Embedded
    public LastChange lastChange = new LastChange();
    /** Optimistic lock; answered as the ETag. */
    @Version
    public long version;
    /** When it was retired: kept for its history, closed to new work and the planner. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    public boolean retired() {
        return retiredAt != null;
    }

    /** Retires it at {@code at}, which is also its last change, by {@code actor}. */
    public void retire(String actor, Instant at) {
        retiredAt = at;
        lastChange.record(actor, at);
    }
}
