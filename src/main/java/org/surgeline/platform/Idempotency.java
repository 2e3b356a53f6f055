package org.surgeline.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency-Key support for POSTs that create things, declared with {@link Idempotent}. The key
 * is claimed by inserting its record in the same transaction as the work: a concurrent twin blocks
 * on that row and, once the first commits, replays its response; if the work fails, the claim rolls
 * back with it.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 128;
    private static final int ATTEMPTS = 5;

    @Inject
    CallerContext caller;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @ConfigProperty(name = "surgeline.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    /**
     * Runs {@code create} at most once per caller and key, in one transaction (joined if there is
     * one). {@code scope} names the endpoint, so a key reused on another endpoint counts as another
     * body. Without a key, {@code create} just runs, in the same kind of transaction. Public for the
     * console's forms, which send their one-time key in a hidden field, not in a header.
     */
    public Response once(String key, String scope, Object request, Callable<Response> create) {
        if (key == null) {
            return QuarkusTransaction.joiningExisting().call(create);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(caller.actor(), key);
        String hash = hash(scope, request);
        for (int attempt = 1; ; attempt++) {
            Optional<IdempotencyRecord> earlier = QuarkusTransaction.requiringNew().call(() -> findLive(id));
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash);
            }
            try {
                return QuarkusTransaction.joiningExisting().call(() -> claimAndRun(id, hash, create));
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isKeyTaken(e)) {
                    throw e;
                }
                // A concurrent request with the same key committed first: replay it on the next turn.
            }
        }
    }

    private Optional<IdempotencyRecord> findLive(IdempotencyRecord.Key id) {
        return IdempotencyRecord.<IdempotencyRecord>findByIdOptional(id)
                .filter(r -> r.expiresAt.isAfter(clock.instant()));
    }

    private Response claimAndRun(IdempotencyRecord.Key id, String hash, Callable<Response> create)
            throws Exception {
        Instant now = clock.instant();
        IdempotencyRecord.delete("id = ?1 and expiresAt <= ?2", id, now);
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = id;
        record.requestHash = hash;
        record.createdAt = now;
        record.expiresAt = now.plus(retention);
        record.persistAndFlush();

        Response response = create.call();
        record.status = response.getStatus();
        record.location = response.getLocation() == null ? null : response.getLocation().toString();
        record.body = toJson(response.getEntity());
        return response;
    }

    private Response replay(IdempotencyRecord record, String hash) {
        if (!record.requestHash.equals(hash)) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "This " + HEADER + " was already used with a different request");
        }
        Response.ResponseBuilder replay = Response.status(record.status).header(REPLAYED_HEADER, "true");
        if (record.location != null) {
            replay.header(HttpHeaders.LOCATION, record.location);
        }
        if (record.body != null) {
            replay.entity(record.body.getBytes(StandardCharsets.UTF_8)).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replay.build();
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        QuarkusTransaction.requiringNew().run(() -> IdempotencyRecord.delete("expiresAt <= ?1", clock.instant()));
    }

    private String hash(String scope, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private String toJson(Object entity) {
        try {
            return entity == null ? null : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the response", e);
        }
    }

    /** Unique violation (23505, both databases) or H2's lock timeout while the twin still holds the row. */
    private static boolean isKeyTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("23505".equals(sql.getSQLState()) || "HYT00".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
