package org.surgeline.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The audit trail: the one way every context records who changed what, when, from what to what.
 * A service calls {@link #record} inside the transaction of the change, so the record commits or
 * rolls back with it; the actor is the name the service was given (from {@link CallerContext#actor()}
 * for API calls, the job's name for scheduled work).
 */
@ApplicationScoped
public class AuditLog {

    private static final int MAX_VALUE = 2000;

    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;

    /**
     * Records one change. {@code before} and {@code after} are text as they are, anything else as
     * JSON; null where there was nothing before (a creation) or is nothing after (a deletion).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entity, Object key, String county, String action, Object before, Object after,
            String actor) {
        AuditRecord r = new AuditRecord();
        r.occurredAt = clock.instant();
        r.actor = actor;
        r.actorName = displayName(actor);
        r.entity = entity;
        r.entityKey = String.valueOf(key);
        r.countyCode = county;
        r.action = action;
        r.before = text(before);
        r.after = text(after);
        r.persist();
    }

    /** The caller's display name when the caller of this request is the actor; a job's name is its own. */
    private String displayName(String actor) {
        if (Arc.container().requestContext().isActive() && caller.actor().equals(actor)) {
            return caller.actorName();
        }
        return actor;
    }

    /** Records newest first, narrowed by entity, key and a time window; an officer reads their own county's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AuditRecord> find(Optional<String> entity, Optional<String> key, Optional<Instant> from,
            Optional<Instant> to, int page, int size) {
        Optional<String> county = caller.boundCounty();
        Filter filter = new Filter().and(entity, "entity = :entity", "entity").and(key, "entityKey = :key", "key")
                .and(county, "countyCode = :county", "county").and(from, "occurredAt >= :from", "from")
                .and(to, "occurredAt < :to", "to");
        return ResultPage.of(AuditRecord.<AuditRecord>find(filter.query(),
                Sort.descending("occurredAt").and("id", Sort.Direction.Descending), filter.parameters()), page, size);
    }

    private String text(Object value) {
        if (value == null) {
            return null;
        }
        String text;
        try {
            text = value instanceof CharSequence || value instanceof Number || value instanceof Enum<?>
                    ? value.toString() : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            text = value.toString();
        }
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 3) + "..." : text;
    }
}
