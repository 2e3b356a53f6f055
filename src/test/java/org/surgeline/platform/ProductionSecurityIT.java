package org.surgeline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.surgeline.PackagedService;

/**
 * The packaged production jar as an identity provider's tokens meet it: the token must be issued
 * for this service (audience), carry one of the four roles, and, for an officer, a county claim; the
 * actor recorded is the token's subject; the OpenAPI document offers bearer tokens, not Basic; and
 * the jar carries no demo users and no H2 driver. Needs PostgreSQL, like {@link GracefulShutdownIT}:
 * runs when {@code SURGELINE_TEST_DB} is set, in a database of its own that it drops afterwards.
 */
class ProductionSecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private static PackagedService.Database database;
    private static TestIssuer issuer;
    private static PackagedService service;
    private static String base;
    /** The packaged build serves /q (health, metrics, OpenAPI) on its management interface only. */
    private static String management;

    @BeforeAll
    static void startTheProductionJar() throws Exception {
        database = PackagedService.Database.create("security");
        issuer = new TestIssuer();
        service = PackagedService.start("production-security-it", database, Map.of(
                "SURGELINE_OIDC_AUTH_SERVER_URL", issuer.url(),
                "SURGELINE_OIDC_CLIENT_SECRET", "console-test-secret",
                "SURGELINE_DEMO_DATA", "linfen",
                "SURGELINE_PLANNING_SOLVER_ENABLED", "false")).awaitReady();
        base = service.api();
        management = service.management();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null && service.process.isAlive()) {
            service.process.destroy();
            service.process.waitFor(30, TimeUnit.SECONDS);
        }
        if (issuer != null) {
            issuer.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aTokenMustBeIssuedForThisService() throws Exception {
        assertEquals(200, get("/api/counties", issuer.token("admin")).statusCode());
        assertEquals(401, get("/api/counties", issuer.token(claims("someone", List.of("admin"), "another-app")))
                .statusCode(), "a token for another client of the same identity provider");
        assertEquals(401, get("/api/counties", issuer.token(Map.of("sub", "someone", "roles", List.of("admin"))))
                .statusCode(), "a token without an audience");
    }

    @Test
    void aTokenWithoutARoleOrAnOfficerWithoutACountyIsRefused() throws Exception {
        HttpResponse<String> roleless = get("/api/depots", issuer.token(claims("someone", List.of(), "surgeline")));
        assertEquals(403, roleless.statusCode());
        assertThat(roleless.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // Named like a demo officer, but the name binds no county outside the embedded dev users.
        assertEquals(403, get("/api/depots", issuer.token(claims("officer-141024", List.of("officer"), "surgeline")))
                .statusCode());
        Map<String, Object> officer = claims("u-141024", List.of("officer"), "surgeline");
        officer.put("county", "141024");
        assertEquals(200, get("/api/depots/WH-141024", issuer.token(officer)).statusCode());
        assertEquals(404, get("/api/depots/WH-141002", issuer.token(officer)).statusCode());
    }

    @Test
    void theActorIsTheStableSubjectAndNoTokenCanPoseAsAJob() throws Exception {
        String subject = "f3c2a1d0-7b6e-4c5d-9e8f-0a1b2c3d4e5f/" + "x".repeat(120) + "@idp.example.org";
        Map<String, Object> scheduler = claims(subject, List.of("scheduler"), "surgeline");
        scheduler.put("preferred_username", "Zhang Wei");
        HttpResponse<String> changed = send("PUT", "/api/counties/141024/risk-level", issuer.token(scheduler),
                "{\"riskLevel\":\"HIGH\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(subject, JSON.readTree(changed.body()).get("updatedBy").asText());
        JsonNode audited = JSON.readTree(get("/api/audit?entity=County&key=141024", issuer.token(scheduler)).body())
                .path("items").get(0);
        assertEquals(subject, audited.get("actor").asText(), "the trail keys the change by the subject");
        assertEquals("Zhang Wei", audited.get("actorName").asText(), "and keeps the display name beside it");
        assertEquals(403, send("PUT", "/api/counties/141024/risk-level",
                issuer.token(claims(CallerContext.system("scheduler"), List.of("admin"), "surgeline")),
                "{\"riskLevel\":\"LOW\"}").statusCode());
    }

    @Test
    void httpBasicAndDemoUsersDoNotExistInProduction() throws Exception {
        HttpRequest basic = HttpRequest.newBuilder(URI.create(base + "/api/counties")).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))).build();
        assertEquals(401, HTTP.send(basic, HttpResponse.BodyHandlers.ofString()).statusCode());
        JsonNode schemes = JSON.readTree(get("/q/openapi?format=json", null).body()).path("components")
                .path("securitySchemes");
        assertThat(schemes.toString()).contains("bearer").doesNotContain("\"basic\"");
        try (Stream<Path> libraries = Files.walk(Path.of("target/quarkus-app/lib"))) {
            assertThat(libraries.map(Path::toString)).noneMatch(name -> name.contains("h2database"));
        }
    }

    @Test
    void apiAnswersAreNotCached() throws Exception {
        HttpResponse<String> response = get("/api/items", issuer.token("warehouse"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void theConsoleSignsInByTheCodeFlowWhileTheApiStaysA401() throws Exception {
        HttpResponse<String> console = get("/console", null);
        assertEquals(302, console.statusCode());
        String location = console.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(issuer.url() + "/protocol/openid-connect/auth?")
                .contains("client_id=surgeline").contains("response_type=code")
                .contains("code_challenge_method=S256");
        // The sign-in's state cookie; the session cookie (q_session, SameSite=Lax by configuration)
        // comes after the identity provider's redirect back, which this issuer cannot complete.
        assertThat(console.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("q_auth").containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure"));
        // The API never redirects to a sign-in page, and the demo sign-in form does not exist here.
        HttpResponse<String> api = get("/api/counties", null);
        assertEquals(401, api.statusCode());
        assertEquals("application/problem+json", api.headers().firstValue("Content-Type").orElse(null));
        assertThat(send("POST", "/j_security_check", null, null).statusCode()).isNotIn(200, 302);
    }

    private static Map<String, Object> claims(String subject, List<String> roles, String audience) {
        return new HashMap<>(Map.of("sub", subject, "roles", roles, "aud", audience));
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((path.startsWith("/q/") ? management : base) + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
