package org.surgeline.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
        r.entity = entity;
        r.entityKey = String.valueOf(key);
        r.countyCode = county;
        r.action = action;
        r.before = text(before);
        r.after = text(after);
        r.persist();
    }

    /** Records newest first, narrowed by entity, key, county (officers: their own) and a time window. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditRecord> find(Optional<String> entity, Optional<String> key, Optional<String> county,
            Optional<Instant> from, Optional<Instant> to, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        entity.ifPresent(e -> {
            query.append(" and entity = :entity");
            params.and("entity", e);
        });
        key.ifPresent(k -> {
            query.append(" and entityKey = :key");
            params.and("key", k);
        });
        county.ifPresent(c -> {
            query.append(" and countyCode = :county");
            params.and("county", c);
        });
        from.ifPresent(f -> {
            query.append(" and occurredAt >= :from");
            params.and("from", f);
        });
        to.ifPresent(t -> {
            query.append(" and occurredAt < :to");
            params.and("to", t);
        });
        var found = AuditRecord.<AuditRecord>find(query.toString(),
                Sort.descending("occurredAt").and("id", Sort.Direction.Descending), params);
        List<AuditRecord> items = found.page(io.quarkus.panache.common.Page.of(page, size)).list();
        return new Page<>(items, page, size, found.count());
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
