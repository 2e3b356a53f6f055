package org.surgeline.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTest {

    @Test
    void readinessIncludesTheDatabaseAndIsUp() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().auth().preemptive().basic("admin", "admin").get("/api/counties").then().statusCode(200);
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void openApiIs30AndDocumentsProblemsAnd401Everywhere() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", startsWith("3.0"))
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertTrue(paths.containsKey("/api/counties/{code}/risk-level"));
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/")) {
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                assertTrue(responses.containsKey("401"), method + " " + path + " documents 401");
                assertTrue(responses.containsKey("403"), method + " " + path + " documents 403");
            }
        }));
        assertEquals("object", doc.getString("components.schemas.Problem.type"));
        // dev and test accept HTTP Basic (the packaged jar documents bearer: ProductionSecurityIT).
        assertEquals("basic", doc.getString("components.securitySchemes.SecurityScheme.scheme"));
        assertEquals("#/components/schemas/Problem", doc.getString(
                "paths.'/api/counties/{code}'.get.responses.'404'.content.'application/problem+json'.schema.$ref"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().auth().preemptive().basic("admin", "admin").get("/api/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    /** deny-unannotated-endpoints is the safety net; this keeps the declarations explicit. */
    @Test
    void everyEndpointDeclaresWhoMayCallIt() throws Exception {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean endpoint = Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)
                        .anyMatch(method::isAnnotationPresent);
                boolean declared = Stream.of(RolesAllowed.class, DenyAll.class)
                        .anyMatch(a -> method.isAnnotationPresent(a) || resource.isAnnotationPresent(a));
                if (endpoint && !declared) {
                    undeclared.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(resourceClasses().size() >= 2, "found the resources");
        assertEquals(List.of(), undeclared);
    }

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> resources = new ArrayList<>();
        for (URL root : java.util.Collections.list(PlatformTest.class.getClassLoader().getResources("org/surgeline"))) {
            if (!"file".equals(root.getProtocol())) {
                continue;
            }
            java.nio.file.Path base = Paths.get(java.net.URI.create(root.toString()));
            try (Stream<java.nio.file.Path> files = Files.walk(base)) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
                    String name = "org.surgeline." + base.relativize(file).toString()
                            .replace('/', '.').replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name);
                    if (type.isAnnotationPresent(Path.class)) {
                        resources.add(type);
                    }
                }
            }
        }
        return resources;
    }
}
