package org.surgeline.platform;

import java.time.Instant;

/** An audit record as read through {@code GET /api/audit}. */
public record AuditEntry(long id, Instant occurredAt, String actor, String actorName, String entity, String key,
        String county, String action, String before, String after) {

    static AuditEntry of(AuditRecord r) {
        return new AuditEntry(r.id, r.occurredAt, r.actor, r.actorName, r.entity, r.entityKey, r.countyCode, r.action,
                r.before, r.after);
    }
}
