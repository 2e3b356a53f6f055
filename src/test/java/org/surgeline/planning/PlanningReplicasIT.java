package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    /** Unique per run (the pid), so that two runs on one PostgreSQL server do not drop each other's database. */
    static final String DATABASE = "surgeline_it_replicas_" + ProcessHandle.current().pid();
    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    static final String USER = System.getenv().getOrDefault("SURGELINE_TEST_DB_USER", "postgres");

    static final Map<String, Process> replicas = new HashMap<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        assumeTrue(System.getenv("SURGELINE_TEST_DB") != null, "needs PostgreSQL (run by .ci/run)");
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        // The first migrates and loads the demo city; the second joins the same database.
        start("a", "linfen");
        start("b", "none");
    }

    @AfterAll
    static void stopReplicas() throws SQLException {
        replicas.values().forEach(Process::destroyForcibly);
        if (System.getenv("SURGELINE_TEST_DB") != null) {
            try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + DATABASE + " with (force)");
            }
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
        long run;
        try (Connection c = db(); Statement s = c.createStatement()) {
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
                .filter(e -> first.startsWith(e.getValue().pid() + "@")).findFirst().orElseThrow().getKey();
        replicas.get(victim).destroyForcibly().waitFor();

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

    /** A port free at the time of asking, so that concurrent runs do not collide on fixed ports. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void start(String name, String demoData) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(logFile(name).toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // The packaged build serves health on its management interface.
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("QUARKUS_LOG_CONSOLE_JSON", "false");
        env.put("SURGELINE_DB_URL", URL);
        env.put("SURGELINE_DB_USER", USER);
        env.put("SURGELINE_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/none");
        env.put("SURGELINE_DEMO_DATA", demoData);
        env.put("SURGELINE_PLANNING_POLL_INTERVAL", "500ms");
        env.put("SURGELINE_PLANNING_TRIGGERS_INTERVAL", SLOT_SECONDS + "s");
        env.put("SURGELINE_PLANNING_TRIGGERS_TIME_LIMIT_SECONDS", "1");
        env.put("SURGELINE_PLANNING_NIGHTLY_ENABLED", "false");
        env.put("SURGELINE_PLANNING_MIN_LEASE", "10s");
        replicas.put(name, builder.start());
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            for (int probed : new int[] {port, managementPort}) {
                try {
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probed
                            + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet (or no management interface)
                }
            }
            assertThat(replicas.get(name).isAlive()).as("replica " + name + " is running; see " + logFile(name)).isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError("replica " + name + " not ready; see " + logFile(name));
    }

    private static Map<String, String> awaitRun(long id, String status, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = db(); PreparedStatement q = c.prepareStatement(
                    "select status, claimed_by, attempts, started_at from plan_run where id = ?")) {
                q.setLong(1, id);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getString(1).equals(status)) {
                        Map<String, String> row = new HashMap<>();
                        row.put("claimed_by", r.getString(2));
                        row.put("attempts", r.getString(3));
                        row.put("started_at", r.getTimestamp(4).toInstant().toString());
                        return row;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("plan " + id + " never reached " + status);
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(URL, USER, "");
    }

    private static Path logFile(String name) {
        return Path.of("target", "replica-" + name + ".log");
    }

    private static String log(String name) throws IOException {
        return Files.readString(logFile(name));
    }
}
