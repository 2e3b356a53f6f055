package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.surgeline.PackagedService;

/**
 * A planner told to stop (SIGTERM) claims nothing more: a run queued during the shutdown delay
 * (readiness down, requests draining) stays QUEUED for another planner, instead of being claimed
 * and cut off seconds later. The packaged service on PostgreSQL; runs in {@code .ci/run}'s
 * PostgreSQL pass after {@code package}.
 */
class PlannerShutdownIT {

    PackagedService.Database database;
    PackagedService service;

    @BeforeEach
    void createDatabase() throws Exception {
        database = PackagedService.Database.create("planner_shutdown");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aRunQueuedAfterSigtermIsLeftForAnotherPlanner() throws Exception {
        service = PackagedService.start("planner-shutdown-it", database, Map.of(
                "SURGELINE_PLANNING_POLL_INTERVAL", "200ms",
                "SURGELINE_PLANNING_NIGHTLY_ENABLED", "false",
                "SURGELINE_PLANNING_TRIGGERS_ENABLED", "false",
                "QUARKUS_SHUTDOWN_DELAY", "5s")).awaitReady();

        service.process.destroy(); // SIGTERM, as the kubelet sends it
        // Readiness goes down after the planner was told to stop: from then on nothing may be claimed.
        // (A fixed pause raced with the signal thread; and a signal handler that failed never went down.)
        await("readiness goes down; log: " + service.log).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> service.readiness() != 200);
        assertTrue(service.process.isAlive(), "within the shutdown delay");
        long run;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("insert into plan_run (id, status, kind, plan_date, horizon_days, time_limit_seconds, reason, "
                    + "created_by, created_at) values (nextval('plan_run_seq'), 'QUEUED', 'MANUAL', current_date, 7, 30, "
                    + "'queued during shutdown', 'test', now())");
            try (ResultSet r = s.executeQuery("select currval('plan_run_seq')")) {
                r.next();
                run = r.getLong(1);
            }
        }
        assertTrue(service.process.waitFor(60, TimeUnit.SECONDS), "the service exits; log: " + service.log);
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select status, attempts, claimed_by from plan_run where id = " + run)) {
            r.next();
            assertEquals("QUEUED", r.getString(1), "not claimed by a stopping planner; log: " + service.logText());
            assertEquals(0, r.getInt(2));
            assertThat(r.getString(3)).isNull();
        }
        assertThat(service.logText()).as("never claimed, so never handed back").doesNotContain(
                "Plan " + run + " handed back");
    }
}
