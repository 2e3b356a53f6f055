package org.surgeline.platform;

import org.surgeline.ServiceClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.surgeline.PackagedService;

/**
 * What a rolling update or a node drain does to a pod, on the packaged production jar: a stock
 * movement is held in flight by a row lock this test takes in PostgreSQL, SIGTERM arrives, and
 * then readiness must answer DOWN while the request is still held, the request must complete once
 * the lock goes (after the shutdown delay, in the timeout phase), and the process must exit 0
 * within delay + timeout.
 *
 * <p>The production jar accepts OIDC bearer tokens only, so the test runs a small issuer itself
 * ({@link TestIssuer}) and signs an admin token with it. Needs PostgreSQL: runs when {@code SURGELINE_TEST_DB} is set (the
 * {@code -Ppostgresql} pass of {@code .ci/run}), in a database of its own that it drops afterwards.
 */
class GracefulShutdownIT {

    private static final Duration DELAY = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String DEPOT = "WH-141024";
    private static final String ITEM = "SWAB";
    private static final String LOT = "IT-SHUTDOWN";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private PackagedService.Database database;
    private TestIssuer issuer;
    private PackagedService service;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = PackagedService.Database.create("shutdown");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (service != null) {
            service.close();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anInFlightRequestCompletesReadinessGoesDownFirstAndTheProcessExitsZero() throws Exception {
        issuer = new TestIssuer();
        String issuerUrl = issuer.url();
        String token = issuer.token("admin");

        service = PackagedService.start("graceful-shutdown-it", database, Map.of(
                "SURGELINE_OIDC_AUTH_SERVER_URL", issuerUrl,
                "SURGELINE_DEMO_DATA", "linfen",
                "SURGELINE_PLANNING_SOLVER_ENABLED", "false",
                "QUARKUS_SHUTDOWN_DELAY", DELAY.toSeconds() + "s",
                "QUARKUS_SHUTDOWN_TIMEOUT", TIMEOUT.toSeconds() + "s")).awaitReady();
        String base = service.api();
        // Health is on the packaged build's management interface (k8s/ probes it there).
        String management = service.management();
        assertEquals(200, get(base + "/api/depots/" + DEPOT + "/stock", token).statusCode(), "the token is accepted");

        try (Connection lock = database.connect(); Connection watch = database.connect()) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement(
                    "SELECT on_hand FROM stock_balance WHERE depot_code = ? AND item_code = ? FOR UPDATE")) {
                s.setString(1, DEPOT);
                s.setString(2, ITEM);
                assertTrue(s.executeQuery().next(), "the demo data has " + ITEM + " at " + DEPOT);
            }

            String body = "{\"type\":\"RECEIPT\",\"depot\":\"" + DEPOT + "\",\"item\":\"" + ITEM + "\",\"quantity\":100,"
                    + "\"lot\":\"" + LOT + "\",\"expiresOn\":\"" + ServiceClock.today().plusDays(300) + "\",\"reference\":\"graceful shutdown\"}";
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/stock/movements"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            awaitBlockedOnTheLock(watch, Duration.ofSeconds(20));

            long signalled = System.nanoTime();
            service.process.destroy(); // SIGTERM, as the kubelet sends it

            HttpResponse<String> readiness = awaitReadinessDown(management, signalled);
            assertEquals(503, readiness.statusCode(), "readiness during the shutdown delay: " + readiness.body());
            assertThat(readiness.body()).contains("\"DOWN\"");
            assertEquals(200, get(base + "/api/depots/" + DEPOT + "/stock", token).statusCode(), "requests are still served during the delay");

            // Into the timeout phase: the delay is over, the held request is still in flight.
            sleepUntil(signalled, DELAY.plusSeconds(2));
            assertTrue(service.process.isAlive(), "the service waits for the request in flight");
            assertFalse(inFlight.isDone(), "the request is still held by the row lock");
            lock.rollback();

            HttpResponse<String> response = inFlight.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), response.body());
            assertTrue(service.process.waitFor(DELAY.plus(TIMEOUT).toMillis(), TimeUnit.MILLISECONDS),
                    "the process did not exit within delay + timeout; log: " + service.log);
            Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
            assertEquals(0, service.process.exitValue(), "exit status after SIGTERM; log: " + service.log);
            assertThat(stopping).isLessThan(DELAY.plus(TIMEOUT));

            try (PreparedStatement s = watch.prepareStatement(
                    "SELECT count(*) FROM stock_movement WHERE depot_code = ? AND item_code = ? AND lot = ?")) {
                s.setString(1, DEPOT);
                s.setString(2, ITEM);
                s.setString(3, LOT);
                ResultSet rows = s.executeQuery();
                rows.next();
                assertEquals(1, rows.getLong(1), "the movement was committed before the process exited");
            }
        }
    }

    /** Readiness as soon as it reports DOWN, within the first half of the delay (the signal is asynchronous). */
    private HttpResponse<String> awaitReadinessDown(String base, long signalled) throws Exception {
        HttpResponse<String> readiness;
        do {
            readiness = get(base + "/q/health/ready", null);
        } while (readiness.statusCode() == 200 && System.nanoTime() - signalled < DELAY.toNanos() / 2 && sleep(50));
        return readiness;
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    /** Waits until a backend of the service's database waits for a lock: the request is held. */
    private void awaitBlockedOnTheLock(Connection watch, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        try (PreparedStatement s = watch.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'")) {
            s.setString(1, database.name);
            while (System.nanoTime() < deadline) {
                ResultSet rows = s.executeQuery();
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the stock movement never waited for the row lock");
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return PackagedService.get(url, token);
    }

    private static void sleepUntil(long startNanos, Duration after) throws InterruptedException {
        long remaining = startNanos + after.toNanos() - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }
}
