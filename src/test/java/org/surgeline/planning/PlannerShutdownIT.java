package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A planner told to stop (SIGTERM) claims nothing more: a run queued during the shutdown delay
 * (readiness down, requests draining) stays QUEUED for another planner, instead of being claimed
 * and cut off seconds later. The packaged service on PostgreSQL; runs in {@code .ci/run}'s
 * PostgreSQL pass after {@code package}.
 */
class PlannerShutdownIT {

    static final String USER = System.getenv().getOrDefault("SURGELINE_TEST_DB_USER", "postgres");
    static final String DATABASE = "surgeline_it_planner_shutdown_" + ProcessHandle.current().pid();
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;

    Process service;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void createDatabase() throws Exception {
        assumeTrue(System.getenv("SURGELINE_TEST_DB") != null, "needs PostgreSQL (run by .ci/run)");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", USER, "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (service != null) {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", USER, "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void aRunQueuedAfterSigtermIsLeftForAnotherPlanner() throws Exception {
        int port;
        int managementPort;
        try (ServerSocket socket = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
            port = socket.getLocalPort();
            managementPort = management.getLocalPort();
        }
        Path log = Path.of("target", "planner-shutdown-it.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // The packaged build serves health on its management interface.
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("QUARKUS_LOG_CONSOLE_JSON", "false");
        env.put("SURGELINE_DB_URL", URL);
        env.put("SURGELINE_DB_USER", USER);
        env.put("SURGELINE_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/none");
        env.put("SURGELINE_DEMO_DATA", "none");
        env.put("SURGELINE_PLANNING_POLL_INTERVAL", "200ms");
        env.put("SURGELINE_PLANNING_NIGHTLY_ENABLED", "false");
        env.put("SURGELINE_PLANNING_TRIGGERS_ENABLED", "false");
        env.put("QUARKUS_SHUTDOWN_DELAY", "5s");
        service = builder.start();
        Instant deadline = Instant.now().plusSeconds(180);
        boolean ready = false;
        while (!ready && Instant.now().isBefore(deadline)) {
            try {
                ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException notYet) {
                assertTrue(service.isAlive(), "the service runs; log: " + log);
            }
            Thread.sleep(250);
        }
        assertTrue(ready, "ready; log: " + log);

        service.destroy(); // SIGTERM, as the kubelet sends it
        // Readiness goes down after the planner was told to stop: from then on nothing may be claimed.
        // (A fixed pause raced with the signal thread; and a signal handler that failed never went down.)
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        while (http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200) {
            assertTrue(Instant.now().isBefore(deadline), "readiness goes down; log: " + log);
            Thread.sleep(50);
        }
        assertTrue(service.isAlive(), "within the shutdown delay");
        long run;
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("insert into plan_run (id, status, kind, plan_date, horizon_days, time_limit_seconds, reason, "
                    + "created_by, created_at) values (nextval('plan_run_seq'), 'QUEUED', 'MANUAL', current_date, 7, 30, "
                    + "'queued during shutdown', 'test', now())");
            try (ResultSet r = s.executeQuery("select currval('plan_run_seq')")) {
                r.next();
                run = r.getLong(1);
            }
        }
        assertTrue(service.waitFor(60, TimeUnit.SECONDS), "the service exits; log: " + log);
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select status, attempts, claimed_by from plan_run where id = " + run)) {
            r.next();
            assertEquals("QUEUED", r.getString(1), "not claimed by a stopping planner; log: " + Files.readString(log));
            assertEquals(0, r.getInt(2));
            assertThat(r.getString(3)).isNull();
        }
        assertThat(Files.readString(log)).as("never claimed, so never handed back").doesNotContain(
                "Plan " + run + " handed back");
    }
}
