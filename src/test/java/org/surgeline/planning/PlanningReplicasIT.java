package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.surgeline.PackagedService;

/**
 * Two instances of the packaged service (two JVMs, two ports, one PostgreSQL database) with the
 * trigger check every {@value #SLOT_SECONDS} s. The demo city's surge fires triggers in every slot,
 * so every slot must produce exactly one rebalancing run or one skip record (a run for the same
 * triggers still waiting, or nothing changed since the last unpublished one); then the instance solving a long run is
 * killed and the other must finish it once the lease has passed. Runs in {@code .ci/run}'s
 * PostgreSQL pass (it needs {@code SURGELINE_TEST_DB}) after {@code package}.
 */
class PlanningReplicasIT {

    static final int SLOT_SECONDS = 3;
    static PackagedService.Database database;
    static final Map<String, PackagedService> replicas = new HashMap<>();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        database = PackagedService.Database.create("replicas");
        // The first migrates and loads the demo city; the second joins the same database.
        start("a", "linfen");
        start("b", "none");
    }

    @AfterAll
    static void stopReplicas() throws Exception {
        for (PackagedService replica : replicas.values()) {
            replica.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everySlotMakesOneRunAndADeadInstancesRunIsFinishedByTheOther() throws Exception {
        Instant from = Instant.now().plusSeconds(SLOT_SECONDS);
        Thread.sleep((12L * SLOT_SECONDS + 1) * 1000);
        Instant to = Instant.now().minusSeconds(SLOT_SECONDS);

        // Each slot either queued one run or, the same triggers' run being still queued or solving or
        // nothing having changed since an unpublished one, recorded one skip: never two, never none.
        Map<Instant, Integer> outcomesPerSlot = new HashMap<>();
        int skips = 0;
        try (Connection c = db(); PreparedStatement q = c.prepareStatement(
                "select slot, 'run' from plan_run where kind = 'REBALANCE' and slot between ? and ? "
                        + "union all select slot, 'skip' from plan_skip where slot between ? and ?")) {
            q.setTimestamp(1, Timestamp.from(from));
            q.setTimestamp(2, Timestamp.from(to));
            q.setTimestamp(3, Timestamp.from(from));
            q.setTimestamp(4, Timestamp.from(to));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    outcomesPerSlot.merge(r.getTimestamp(1).toInstant(), 1, Integer::sum);
                    if (r.getString(2).equals("skip")) {
                        skips++;
                    }
                }
            }
        }
        long slots = Duration.between(from, to).toSeconds() / SLOT_SECONDS;
        assertThat(slots).isGreaterThanOrEqualTo(10);
        assertThat(outcomesPerSlot).as("a run or a skip in every slot").hasSizeGreaterThanOrEqualTo((int) slots);
        assertThat(outcomesPerSlot.values()).as("one run or one skip per slot").containsOnly(1);
        assertThat(skips).as("the persistent surge is not solved again in every slot").isPositive();
        try (Connection c = db(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from plan_run where kind = 'REBALANCE'")) {
            r.next();
            // Usually before the window: the first slots solve it, later ones find nothing changed.
            assertThat(r.getInt(1)).as("the persistent surge is solved").isPositive();
        }
        assertThat(log("a") + log("b")).as("no instance hit an error, such as a duplicate slot")
                .doesNotContain("ERROR");

        // A long manual run: whoever claims it is killed mid-solve; the other reclaims it after the lease.
        // It needs demand to solve: with none, the solver skips its phases and the run is a draft at once
        // (with Bavet that takes milliseconds, so the run would never be seen SOLVING). A ROUTINE line, so
        // that no rebalancing trigger fires for it.
        long run;
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("insert into allocation_request (id, county_code, requester, priority, needed_by, status, version, "
                    + "created_at, updated_at, updated_by) values (nextval('allocation_request_seq'), '141024', "
                    + "'officer-141024', 'ROUTINE', current_date + 5, 'APPROVED', 0, now(), now(), 'test')");
            s.execute("insert into allocation_line (id, request_id, line_no, kind, item_code, quantity, quantity_planned, "
                    + "quantity_dispatched, quantity_delivered) values (nextval('allocation_line_seq'), "
                    + "currval('allocation_request_seq'), 1, 'SUPPLY', 'MASK-N95', 4000, 0, 0, 0)");
            s.execute("insert into plan_run (id, status, kind, plan_date, horizon_days, time_limit_seconds, reason, "
                    + "created_by, created_at) values (nextval('plan_run_seq'), 'QUEUED', 'MANUAL', current_date, 7, 8, "
                    + "'replica test', 'test', now())");
            try (ResultSet r = s.executeQuery("select currval('plan_run_seq')")) {
                r.next();
                run = r.getLong(1);
            }
        }
        Map<String, String> claimed = awaitRun(run, "SOLVING", Duration.ofSeconds(60));
        String first = claimed.get("claimed_by");
        String victim = replicas.entrySet().stream()
                .filter(e -> first.startsWith(e.getValue().process.pid() + "@")).findFirst().orElseThrow().getKey();
        replicas.get(victim).close();

        Map<String, String> done = awaitRun(run, "DRAFT", Duration.ofSeconds(90));
        assertThat(done.get("claimed_by")).as("finished by the surviving instance").isNotEqualTo(first);
        assertEquals("2", done.get("attempts"));
        assertThat(Instant.parse(done.get("started_at"))).as("reclaimed only once the lease (2 x 8 s) has passed")
                .isAfterOrEqualTo(Instant.parse(claimed.get("started_at")).plusSeconds(16));

        try (Connection c = db(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) filter (where status = 'PUBLISHED'), "
                        + "count(*) filter (where published_by = 'system:auto-publish') from plan_run")) {
            r.next();
            assertEquals(1, r.getInt(1), "one plan in force");
            assertThat(r.getInt(2)).as("a rebalancing draft better than the plan in force (the first one) was published").isPositive();
        }
    }

    private static void start(String name, String demoData) throws Exception {
        replicas.put(name, PackagedService.start("replica-" + name, database, Map.of(
                "SURGELINE_DEMO_DATA", demoData,
                "SURGELINE_PLANNING_POLL_INTERVAL", "500ms",
                "SURGELINE_PLANNING_TRIGGERS_INTERVAL", SLOT_SECONDS + "s",
                "SURGELINE_PLANNING_TRIGGERS_TIME_LIMIT_SECONDS", "1",
                "SURGELINE_PLANNING_NIGHTLY_ENABLED", "false",
                "SURGELINE_PLANNING_MIN_LEASE", "10s",
                // The slot window opens 3 s after both are ready: both must be ticking by then. With the
                // default start delay the second replica's first (cold) check fell inside the window and,
                // on a loaded machine, slowed both replicas past a slot.
                "SURGELINE_JOBS_START_DELAY", "0s")).awaitReady());
    }

    private static Map<String, String> awaitRun(long id, String status, Duration within) {
        return await("plan " + id + " reaches " + status).atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> runRow(id), row -> status.equals(row.get("status")));
    }

    private static Map<String, String> runRow(long id) throws SQLException {
        try (Connection c = db(); PreparedStatement q = c.prepareStatement(
                "select status, claimed_by, attempts, started_at from plan_run where id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                Map<String, String> row = new HashMap<>();
                row.put("status", r.getString(1));
                row.put("claimed_by", r.getString(2));
                row.put("attempts", r.getString(3));
                Timestamp started = r.getTimestamp(4);
                row.put("started_at", started == null ? null : started.toInstant().toString());
                return row;
            }
        }
    }

    private static Connection db() throws SQLException {
        return database.connect();
    }

    private static String log(String name) throws IOException {
        return replicas.get(name).logText();
    }
}
