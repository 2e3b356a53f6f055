package org.surgeline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.surgeline.PackagedService;

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

    private final List<PackagedService> started = new ArrayList<>();
    private PackagedService.Database database;
    private PackagedService service;

    @BeforeEach
    void createDatabase() throws Exception {
        database = PackagedService.Database.create("management");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (PackagedService process : started) {
            process.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theJobMigratesThePodsValidateAndServeHealthAndMetricsOnTheManagementPortOnly() throws Exception {
        // A pod of a release whose migration has not run yet (k8s/base/*-deployment.yaml: migrate off, validate on).
        PackagedService early = start("pod-before-migration", Map.of(
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "false",
                "QUARKUS_FLYWAY_VALIDATE_AT_START", "true"));
        assertTrue(early.process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS), "a pod on an unmigrated schema must stop; log: " + early.log);
        assertThat(early.process.exitValue()).as("exit status on a schema older than the code; log: " + early.log).isNotZero();
        assertEquals(0, appliedMigrations(), "a pod never migrates");

        // The Job (k8s/base/migrate-job.yaml): migrates, then exits 0 before the application starts.
        PackagedService job = start("migrate-job", Map.of(
                "QUARKUS_INIT_AND_EXIT", "true",
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "true"));
        assertTrue(job.process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS), "the Job did not exit; log: " + job.log);
        assertEquals(0, job.process.exitValue(), "the Job's exit status; log: " + job.log);
        assertThat(appliedMigrations()).as("migrations the Job applied").isPositive();
        assertEquals(0, countiesLoaded(), "init-and-exit stops before the application starts (no demo data)");

        // A pod of the release, now on the migrated schema.
        service = start("pod", Map.of(
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "false",
                "QUARKUS_FLYWAY_VALIDATE_AT_START", "true")).awaitReady();
        String api = service.api();
        String management = service.management();

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

    private PackagedService start(String name, Map<String, String> settings) throws IOException {
        Map<String, String> env = new HashMap<>(settings);
        env.put("SURGELINE_PLANNING_SOLVER_ENABLED", "false");
        started.add(PackagedService.start("management-port-it-" + name, database, env));
        return started.get(started.size() - 1);
    }

    private long appliedMigrations() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
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
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            ResultSet rows = s.executeQuery("SELECT count(*) FROM county");
            rows.next();
            return rows.getLong(1);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return PackagedService.get(url, null);
    }
}
