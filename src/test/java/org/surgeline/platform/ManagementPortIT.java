package org.surgeline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Kubernetes manifests ask of the packaged production jar, started as k8s/ starts it:
 * the migration Job (init-and-exit) applies the schema and exits; a pod with migrate-at-start off
 * refuses a schema older than its code and starts on the migrated one; health and metrics answer
 * on the management port only, never on the port behind the Service, and Swagger UI is off unless
 * configured. Needs PostgreSQL: runs when {@code SURGELINE_TEST_DB} is set, in a database of its
 * own that it drops afterwards.
 */
class ManagementPortIT {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String adminUrl;
    private String user;
    private String database;
    private Process service;
    private Path log;

    @BeforeEach
    void createDatabase() throws Exception {
        String testDb = System.getenv("SURGELINE_TEST_DB");
        Assumptions.assumeTrue(testDb != null && !testDb.isBlank(),
                "SURGELINE_TEST_DB is not set: this test needs PostgreSQL on 127.0.0.1:5432");
        user = System.getenv().getOrDefault("SURGELINE_TEST_DB_USER", "postgres");
        adminUrl = "jdbc:postgresql://127.0.0.1:5432/" + testDb;
        database = "surgeline_it_management_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (database != null && adminUrl != null) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void theJobMigratesThePodsValidateAndServeHealthAndMetricsOnTheManagementPortOnly() throws Exception {
        // A pod of a release whose migration has not run yet (k8s/base/*-deployment.yaml: migrate off, validate on).
        Process early = start("pod-before-migration", Map.of(
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "false",
                "QUARKUS_FLYWAY_VALIDATE_AT_START", "true"));
        assertTrue(early.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS), "a pod on an unmigrated schema must stop; log: " + log);
        assertThat(early.exitValue()).as("exit status on a schema older than the code; log: " + log).isNotZero();
        assertEquals(0, appliedMigrations(), "a pod never migrates");

        // The Job (k8s/base/migrate-job.yaml): migrates, then exits 0 before the application starts.
        Process job = start("migrate-job", Map.of(
                "QUARKUS_INIT_AND_EXIT", "true",
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "true"));
        assertTrue(job.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS), "the Job did not exit; log: " + log);
        assertEquals(0, job.exitValue(), "the Job's exit status; log: " + log);
        assertThat(appliedMigrations()).as("migrations the Job applied").isPositive();
        assertEquals(0, countiesLoaded(), "init-and-exit stops before the application starts (no demo data)");

        // A pod of the release, now on the migrated schema.
        int httpPort = freePort();
        int managementPort = freePort();
        service = start("pod", Map.of(
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "false",
                "QUARKUS_FLYWAY_VALIDATE_AT_START", "true",
                "QUARKUS_HTTP_PORT", Integer.toString(httpPort),
                "QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort)));
        String api = "http://127.0.0.1:" + httpPort;
        String management = "http://127.0.0.1:" + managementPort;
        awaitReady(management + "/q/health/ready");

        for (String probe : new String[] {"/q/health/started", "/q/health/live", "/q/health/ready"}) {
            assertEquals(200, get(management + probe).statusCode(), probe + " on the management port");
            assertEquals(404, get(api + probe).statusCode(), probe + " must not be served behind the Service");
        }
        HttpResponse<String> metrics = get(management + "/q/metrics");
        assertEquals(200, metrics.statusCode());
        assertThat(metrics.body()).contains("surgeline_plan_runs{", "surgeline_plan_runs_ended_total");
        assertEquals(404, get(api + "/q/metrics").statusCode(), "metrics must not be served behind the Service");
        assertEquals(404, get(api + "/q/openapi").statusCode(), "the OpenAPI document is on the management port");
        assertEquals(404, get(api + "/q/swagger-ui/").statusCode(), "Swagger UI only where configured");
        assertEquals(404, get(management + "/q/swagger-ui/").statusCode(), "Swagger UI only where configured");
        // The API itself stays on the Service's port, and only there.
        assertEquals(401, get(api + "/api/counties").statusCode(), "the API answers on its port");
        assertEquals(404, get(management + "/api/counties").statusCode(), "no API on the management port");
    }

    private Process start(String name, Map<String, String> settings) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the service first (failsafe runs after package)");
        log = Path.of("target/management-port-it-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SURGELINE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        env.put("SURGELINE_DB_USER", user);
        env.put("SURGELINE_DB_PASSWORD", "");
        // Contacted at the first request that carries a token; none does here.
        env.put("SURGELINE_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/surgeline");
        env.put("SURGELINE_DEMO_DATA", "none");
        env.put("SURGELINE_PLANNING_SOLVER_ENABLED", "false");
        // Other runs on this machine may hold the default ports.
        env.putIfAbsent("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
        env.putIfAbsent("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()));
        env.putAll(settings);
        return builder.start();
    }

    private long appliedMigrations() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, user, "");
                Statement s = c.createStatement()) {
            ResultSet exists = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'flyway_schema_history'");
            exists.next();
            if (exists.getLong(1) == 0) {
                return 0;
            }
            ResultSet rows = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success");
            rows.next();
            return rows.getLong(1);
        }
    }

    private long countiesLoaded() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, user, "");
                Statement s = c.createStatement()) {
            ResultSet rows = s.executeQuery("SELECT count(*) FROM county");
            rows.next();
            return rows.getLong(1);
        }
    }

    private void awaitReady(String url) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service stopped while starting; log: " + log);
            try {
                if (get(url).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYetListening) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within " + START_LIMIT + "; log: " + log);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
