package org.surgeline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.surgeline.PackagedService;
import org.surgeline.ServiceClock;

/**
 * The packaged production jar against a real Keycloak running the realm of
 * {@code k8s/keycloak/surgeline-realm.json}, the file the Kubernetes demo imports: the demo users'
 * tokens (password grant of {@code surgeline-cli}) reach what their role and county allow; a token of
 * another client of the realm is refused everywhere (403); a token without the audience
 * {@code surgeline}, an expired and a tampered token are 401.
 *
 * <p>Keycloak is the distribution the {@code postgresql} Maven profile unpacks into {@code target/}
 * ({@code surgeline.keycloak.home}), started in dev mode on a free port with the realm imported; it
 * is stopped at the end whatever happened. Like {@link ProductionSecurityIT} it needs PostgreSQL: runs
 * when {@code SURGELINE_TEST_DB} is set, in a database of its own that it drops afterwards. The
 * console's authorization-code sign-in is not tested here: there is no console yet.
 */
class KeycloakRealmIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path REALM = Path.of("k8s/keycloak/surgeline-realm.json");
    /** The bootstrap administrator of Keycloak's master realm, for this run only. */
    private static final String KEYCLOAK_ADMIN = "it-admin";
    private static final String KEYCLOAK_ADMIN_PASSWORD = UUID.randomUUID().toString();
    /** A second client's secret, created by this test in the realm; not part of the realm file. */
    private static final String BATCH_JOB_SECRET = UUID.randomUUID().toString();
    /** The 18 divisions of the Linfen demo data, each with one demo officer. */
    private static final List<String> COUNTIES = List.of("141002", "141021", "141022", "141023", "141024", "141025",
            "141026", "141027", "141028", "141029", "141030", "141031", "141032", "141033", "141034", "141081",
            "141082", "LFEDZ");

    private static PackagedService.Database database;
    private static Process keycloak;
    private static PackagedService service;
    private static String realmUrl;
    private static String base;
    private static String management;

    @BeforeAll
    static void startKeycloakAndTheProductionJar() throws Exception {
        String home = System.getProperty("surgeline.keycloak.home");
        Assumptions.assumeTrue(home != null && Files.isExecutable(Path.of(home, "bin", "kc.sh")),
                "no Keycloak distribution: run with -Ppostgresql, which unpacks it into target/keycloak");
        database = PackagedService.Database.create("keycloak");

        keycloak = startKeycloak(Path.of(home));
        startService();
        createOtherClients();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        RestAssured.reset();
        stop(service == null ? null : service.process);
        stop(keycloak);
        if (database != null) {
            database.close();
        }
    }

    // --- the demo users ----------------------------------------------------------------------

    @Test
    void anOfficerSignsInToTheConsoleThroughTheIdentityProvider() throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Map<String, String>> cookies = new HashMap<>();
        HttpResponse<String> toSignIn = browse(browser, cookies, "GET", base + "/console", null);
        assertEquals(302, toSignIn.statusCode());
        String signInPage = toSignIn.headers().firstValue("Location").orElseThrow();
        // Keycloak names itself by its own host name (localhost): the realm's path is what must match.
        assertThat(URI.create(signInPage).getPath()).isEqualTo(URI.create(realmUrl).getPath() + "/protocol/openid-connect/auth");
        assertThat(signInPage).contains("client_id=surgeline").contains("code_challenge=");
        // By address: the test's cookie jar keys cookies by host and port, as a browser does.
        HttpResponse<String> form = browse(browser, cookies, "GET", byAddress(signInPage), null);
        assertEquals(200, form.statusCode());
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(form.body());
        assertTrue(action.find(), "Keycloak's sign-in form");
        HttpResponse<String> back = browse(browser, cookies, "POST", byAddress(action.group(1).replace("&amp;", "&")),
                "username=officer-141024&password=officer&credentialId=");
        assertEquals(302, back.statusCode(), back.body());
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(base + "/console/signed-in?");
        HttpResponse<String> landed = browse(browser, cookies, "GET", callback, null);
        assertEquals(302, landed.statusCode());
        HttpResponse<String> board = browse(browser, cookies, "GET", base + "/console", null);
        assertEquals(200, board.statusCode());
        // The county comes from the ID token's claim: the officer's own row is highlighted.
        assertThat(board.body()).contains("<tr id=\"county-141024\" class=\"own\">")
                .contains("href=\"/console/counties/141024\"").doesNotContain("href=\"/console/counties/141081\"");
        assertEquals(404, browse(browser, cookies, "GET", base + "/console/counties/141081", null).statusCode());
        // The console's session never authenticates the API.
        assertEquals(401, browse(browser, cookies, "GET", base + "/api/counties", null).statusCode());
    }

    private static String byAddress(String url) {
        return url.replace("://localhost:", "://127.0.0.1:");
    }

    /**
     * A request as a browser on this machine sends it: with the cookies its host set, Secure ones
     * included (browsers treat 127.0.0.1 as a secure context; java.net's cookie store does not).
     */
    private static HttpResponse<String> browse(HttpClient browser, Map<String, Map<String, String>> cookies,
            String method, String url, String form) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        Map<String, String> jar = cookies.computeIfAbsent(uri.getAuthority(), k -> new HashMap<>());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String[] pair = set.split(";", 2)[0].split("=", 2);
            if (pair.length < 2 || pair[1].isEmpty() || set.toLowerCase().contains("max-age=0")) {
                jar.remove(pair[0].trim());
            } else {
                jar.put(pair[0].trim(), pair[1]);
            }
        }
        return response;
    }

    @Test
    void everyOfficerSeesTheDepotsOfTheirOwnCountyOnly() throws Exception {
        for (String county : COUNTIES) {
            String token = userToken("officer-" + county, "officer");
            HttpResponse<String> depots = get("/api/depots?size=500", token);
            assertEquals(200, depots.statusCode(), county + ": " + depots.body());
            List<String> counties = new ArrayList<>();
            JSON.readTree(depots.body()).path("items").forEach(d -> counties.add(d.path("county").asText()));
            assertThat(counties).as("depots officer-" + county + " sees").isNotEmpty().containsOnly(county);
        }
    }

    @Test
    void anOfficerActsForTheirCountyAndNothingElse() throws Exception {
        String officer = userToken("officer-141024", "officer");
        assertEquals(200, get("/api/depots/WH-141024/stock", officer).statusCode());
        assertEquals(404, get("/api/depots/WH-141002", officer).statusCode(), "another county's depot");
        assertEquals(200, get("/api/counties", officer).statusCode());
        assertEquals(403, send("PUT", "/api/counties/141024/risk-level", officer, "{\"riskLevel\":\"HIGH\"}").statusCode());
        assertEquals(403, send("POST", "/api/stock/movements", officer, receipt("IT-OFFICER")).statusCode());
        assertEquals(403, get("/api/plans", officer).statusCode());
    }

    @Test
    void theWarehouseMovesStockCityWideButNeitherPlansNorSetsRisk() throws Exception {
        String warehouse = userToken("warehouse", "warehouse");
        HttpResponse<String> received = send("POST", "/api/stock/movements", warehouse, receipt("IT-WAREHOUSE"));
        assertEquals(201, received.statusCode(), received.body());
        assertEquals(200, get("/api/depots/WH-141002/stock", warehouse).statusCode());
        assertEquals(200, get("/api/plans", warehouse).statusCode());
        assertEquals(403, send("POST", "/api/plans", warehouse, "{}").statusCode());
        assertEquals(403, send("PUT", "/api/counties/141024/risk-level", warehouse, "{\"riskLevel\":\"HIGH\"}").statusCode());
        assertEquals(403, get("/api/audit", warehouse).statusCode());
    }

    @Test
    void theSchedulerSetsRiskAsTheTokenSubjectButMovesNoStock() throws Exception {
        String scheduler = userToken("scheduler", "scheduler");
        HttpResponse<String> changed = send("PUT", "/api/counties/141026/risk-level", scheduler, "{\"riskLevel\":\"HIGH\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(claims(scheduler).path("sub").asText(), JSON.readTree(changed.body()).path("updatedBy").asText(),
                "the actor is Keycloak's stable user id");
        assertEquals(200, get("/api/audit?size=1", scheduler).statusCode());
        assertEquals(403, send("POST", "/api/stock/movements", scheduler, receipt("IT-SCHEDULER")).statusCode());
        assertEquals(403, send("POST", "/api/items", scheduler, "{}").statusCode());
    }

    @Test
    void theAdminDoesWhatEveryRoleDoes() throws Exception {
        String admin = userToken("admin", "admin");
        assertEquals(201, send("POST", "/api/stock/movements", admin, receipt("IT-ADMIN")).statusCode());
        assertEquals(200, send("PUT", "/api/counties/141027/risk-level", admin, "{\"riskLevel\":\"MEDIUM\"}").statusCode());
        assertEquals(200, get("/api/plans", admin).statusCode());
        assertEquals(200, get("/api/audit?size=1", admin).statusCode());
        assertEquals(200, get("/api/depots/WH-141002", admin).statusCode());
    }

    // --- tokens the service must refuse -------------------------------------------------------

    @Test
    void aTokenOfAnotherClientOfTheRealmIsRefusedEverywhere() throws Exception {
        // Issued for Surgeline (its audience) to a batch job of the realm that holds no Surgeline role.
        String token = clientToken("it-batch-job", BATCH_JOB_SECRET);
        assertThat(claims(token).path("aud").toString()).contains("surgeline");
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = URI.create(management).getPort(); // the packaged build serves /q/openapi there
        List<String> open = new ArrayList<>();
        for (ApiOperations.Operation operation : ApiOperations.read().all()) {
            HttpResponse<String> response = send(operation.method().toUpperCase(), operation.path(), token, "{}");
            if (response.statusCode() != 403) {
                open.add(operation + " answered " + response.statusCode());
            }
        }
        assertEquals(List.of(), open, "operations that did not refuse another client's token");
    }

    @Test
    void aTokenWithoutTheSurgelineAudienceIsRefused() throws Exception {
        // The same user, roles and county, through a client that does not put "surgeline" in aud.
        String token = passwordGrant("it-no-audience", "admin", "admin");
        JsonNode claims = claims(token);
        assertThat(claims.path("roles").toString()).contains("admin");
        assertThat(claims.path("aud").toString()).doesNotContain("surgeline");
        assertEquals(401, get("/api/counties", token).statusCode());
        assertEquals(200, get("/api/counties", userToken("admin", "admin")).statusCode());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        // it-short-lived issues tokens valid for 10 s; wait until the token's own expiry has passed.
        String token = passwordGrant("it-short-lived", "admin", "admin");
        long expiresAt = claims(token).path("exp").asLong();
        assertEquals(200, get("/api/counties", token).statusCode(), "valid before it expires");
        long wait = (expiresAt + 2) * 1000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        assertEquals(401, get("/api/counties", token).statusCode());
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String token = userToken("officer-141024", "officer");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherCounty = payload.replace("\"county\":\"141024\"", "\"county\":\"141002\"");
        assertTrue(!otherCounty.equals(payload), payload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherCounty.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(200, get("/api/depots/WH-141024", token).statusCode());
        assertEquals(401, get("/api/depots/WH-141002", tampered).statusCode());
        String reSigned = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4)
                + (parts[2].endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(401, get("/api/depots/WH-141024", reSigned).statusCode(), "a broken signature");
    }

    // --- Keycloak ----------------------------------------------------------------------------

    private static Process startKeycloak(Path home) throws Exception {
        // A fresh dev database each run, so that the realm imported is the file as it is now.
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(data.resolve("import"));
        Files.copy(REALM, data.resolve("import").resolve("surgeline-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        int port = PackagedService.freePort();
        realmUrl = "http://127.0.0.1:" + port + "/realms/surgeline";
        Path log = Path.of("target/keycloak-realm-it-keycloak.log").toAbsolutePath();
        // As in the demo overlay: tokens name the browser-facing URL (localhost) as their issuer, while
        // the service fetches discovery and keys over the back channel (here 127.0.0.1).
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--import-realm", "--hostname=http://localhost:" + port,
                "--hostname-backchannel-dynamic=true")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        keycloak = process;
        // Dev mode builds itself at the first start: 15-25 s when idle, minutes on a loaded machine.
        awaitOk(process, realmUrl + "/.well-known/openid-configuration", Duration.ofSeconds(300), log);
        return process;
    }

    /**
     * Clients a real realm also has, besides Surgeline's own: a batch job whose tokens are issued for
     * Surgeline but hold no Surgeline role, an application whose tokens carry the roles and county but
     * not the audience, and one whose tokens expire after 10 s.
     */
    private static void createOtherClients() throws Exception {
        String admin = token("http://127.0.0.1:" + URI.create(realmUrl).getPort() + "/realms/master",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", KEYCLOAK_ADMIN,
                        "password", KEYCLOAK_ADMIN_PASSWORD));
        String audience = mapper("audience surgeline", "oidc-audience-mapper", "\"included.client.audience\":\"surgeline\"");
        String roles = mapper("realm roles in roles", "oidc-usermodel-realm-role-mapper",
                "\"claim.name\":\"roles\",\"jsonType.label\":\"String\",\"multivalued\":\"true\"");
        String county = mapper("county", "oidc-usermodel-attribute-mapper",
                "\"user.attribute\":\"county\",\"claim.name\":\"county\",\"jsonType.label\":\"String\"");
        allowConsoleRedirects(admin);
        createClient(admin, "{\"clientId\":\"it-batch-job\",\"publicClient\":false,\"secret\":\"" + BATCH_JOB_SECRET + "\","
                + "\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false,"
                + "\"protocolMappers\":[" + audience + "]}");
        createClient(admin, "{\"clientId\":\"it-no-audience\",\"publicClient\":true,\"standardFlowEnabled\":false,"
                + "\"directAccessGrantsEnabled\":true,\"protocolMappers\":[" + roles + "," + county + "]}");
        createClient(admin, "{\"clientId\":\"it-short-lived\",\"publicClient\":true,\"standardFlowEnabled\":false,"
                + "\"directAccessGrantsEnabled\":true,\"attributes\":{\"access.token.lifespan\":\"10\"},"
                + "\"protocolMappers\":[" + audience + "," + roles + "," + county + "]}");
    }

    /** The realm's client "surgeline" may send the console's sign-in back to this run's port too. */
    private static void allowConsoleRedirects(String adminToken) throws Exception {
        String clients = realmUrl.replace("/realms/surgeline", "/admin/realms/surgeline/clients");
        HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=surgeline"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode client = (ObjectNode) JSON.readTree(found.body()).get(0);
        client.withArray("redirectUris").add(base + "/*");
        HttpResponse<String> updated = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asText()))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, updated.statusCode(), updated.body());
    }

    private static String mapper(String name, String type, String config) {
        return "{\"name\":\"" + name + "\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"" + type + "\","
                + "\"config\":{" + config + ",\"access.token.claim\":\"true\"}}";
    }

    private static void createClient(String adminToken, String json) throws Exception {
        String adminRealm = realmUrl.replace("/realms/surgeline", "/admin/realms/surgeline/clients");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(adminRealm))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
    }

    /** A demo user's token, as a script gets it: the password grant of the realm's {@code surgeline-cli}. */
    private static String userToken(String username, String password) throws Exception {
        return passwordGrant("surgeline-cli", username, password);
    }

    private static String passwordGrant(String client, String username, String password) throws Exception {
        return token(realmUrl, Map.of("grant_type", "password", "client_id", client, "username", username,
                "password", password));
    }

    private static String clientToken(String client, String secret) throws Exception {
        return token(realmUrl, Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    private static String token(String realm, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static JsonNode claims(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    // --- the service -------------------------------------------------------------------------

    private static void startService() throws Exception {
        service = PackagedService.start("keycloak-realm-it-service", database, Map.of(
                "SURGELINE_OIDC_AUTH_SERVER_URL", realmUrl,
                // The realm's placeholder secret of the client "surgeline"; plain HTTP here, so the
                // sign-in's cookies cannot be Secure-only (production keeps them so).
                "SURGELINE_OIDC_CLIENT_SECRET", "change-me",
                "QUARKUS_OIDC_CONSOLE_AUTHENTICATION_COOKIE_FORCE_SECURE", "false",
                "SURGELINE_DEMO_DATA", "linfen",
                "SURGELINE_PLANNING_SOLVER_ENABLED", "false")).awaitReady();
        base = service.api();
        management = service.management();
    }

    private static String receipt(String lot) {
        return "{\"type\":\"RECEIPT\",\"depot\":\"WH-141024\",\"item\":\"SWAB\",\"quantity\":10,\"lot\":\"" + lot
                + "\",\"expiresOn\":\"" + ServiceClock.today().plusDays(300) + "\",\"reference\":\"keycloak realm\"}";
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Authorization", "Bearer " + token);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- processes ---------------------------------------------------------------------------

    private static void awaitOk(Process process, String url, Duration timeout, Path log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            assertTrue(process.isAlive(), "stopped while starting; log: " + log);
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYetListening) {
                // still starting
            }
            assertTrue(System.nanoTime() < deadline, "not ready within " + timeout.toSeconds() + " s; log: " + log);
            Thread.sleep(500);
        }
    }

    /** Stops a process and whatever it started (kc.sh runs Keycloak's build step as a child). */
    private static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
