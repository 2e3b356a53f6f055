package org.surgeline;

import static org.awaitility.Awaitility.await;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged production jar ({@code target/quarkus-app}, built by {@code package} before
 * failsafe runs) started as a process, the way Kubernetes starts it, for the ITs of
 * {@code .ci/run}'s PostgreSQL pass: free ports, the log under {@code target/}, health on the
 * management port, no identity provider to reach and no demo data unless a test asks.
 */
public final class PackagedService implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    // HTTP/1.1, as the kubelet and curl speak it: the JDK client's default HTTP/2 upgrade over plain
    // HTTP was once answered with HTTP/1.1 bytes by the management interface (a protocol error).
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    /** A PostgreSQL database of a test's own, created empty and dropped afterwards. */
    public static final class Database implements AutoCloseable {

        public final String name;
        public final String user;

        private Database(String name, String user) {
            this.name = name;
            this.user = user;
        }

        /**
         * A new empty database named after {@code purpose} and this process (two runs on one server
         * keep apart); the test is skipped where {@code SURGELINE_TEST_DB} is not set (the H2 pass).
         */
        public static Database create(String purpose) throws SQLException {
            assumeTrue(System.getenv("SURGELINE_TEST_DB") != null,
                    "SURGELINE_TEST_DB is not set: this test needs PostgreSQL on 127.0.0.1:5432 (.ci/run)");
            Database database = new Database("surgeline_it_" + purpose + "_" + ProcessHandle.current().pid(),
                    System.getenv().getOrDefault("SURGELINE_TEST_DB_USER", "postgres"));
            database.administer("drop database if exists " + database.name, "create database " + database.name);
            return database;
        }

        public String url() {
            return "jdbc:postgresql://127.0.0.1:5432/" + name;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), user, "");
        }

        @Override
        public void close() throws SQLException {
            administer("drop database if exists " + name + " with (force)");
        }

        private void administer(String... statements) throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", user, "");
                    Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
        }
    }

    public final Process process;
    public final Path log;
    public final int port;
    public final int managementPort;

    private PackagedService(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts the jar on {@code database}; {@code settings} (environment variables) come on top of
     * the defaults and may replace them. Its output goes to {@code target/<name>.log}.
     */
    public static PackagedService start(String name, Database database, Map<String, String> settings)
            throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the service first (failsafe runs after package)");
        Path log = Path.of("target", name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SURGELINE_DB_URL", database.url());
        env.put("SURGELINE_DB_USER", database.user);
        env.put("SURGELINE_DB_PASSWORD", "");
        // Contacted at the first request that carries a token; a test with tokens names its issuer.
        env.put("SURGELINE_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/none");
        env.put("SURGELINE_DEMO_DATA", "none");
        env.put("QUARKUS_LOG_CONSOLE_JSON", "false");
        // Other runs on this machine may hold the default ports.
        env.put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()));
        env.putAll(settings);
        return new PackagedService(builder.start(), log, Integer.parseInt(env.get("QUARKUS_HTTP_PORT")),
                Integer.parseInt(env.get("QUARKUS_MANAGEMENT_PORT")));
    }

    /** The API's base address, behind the Service on Kubernetes. */
    public String api() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface's base address: health, metrics, OpenAPI. */
    public String management() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Waits until readiness answers 200 on the management port; fails at once if the process ends. */
    public PackagedService awaitReady() {
        await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertTrue(process.isAlive(), "the service stopped while starting; log: " + log);
            return readiness() == 200;
        });
        return this;
    }

    /** The readiness status on the management port; 0 while nothing listens there. */
    public int readiness() throws InterruptedException {
        try {
            return get(management() + "/q/health/ready", null).statusCode();
        } catch (IOException notListening) {
            return 0;
        }
    }

    /** A GET, with a bearer token unless {@code token} is null. */
    public static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    /** Kills what is left of the process. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
