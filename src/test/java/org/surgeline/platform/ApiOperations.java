package org.surgeline.platform;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code /api} operation, read from the service's own OpenAPI document, so that a test over
 * "all endpoints" cannot forget one that is added later.
 */
public record ApiOperations(List<Operation> all) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /**
     * One operation; {@code path} has its path parameters filled with values no record has (an id of
     * 999999999, a code "no-such-<parameter>"), so that calling it changes nothing.
     */
    public record Operation(String method, String template, String path, boolean bodyRequired, boolean hasBody) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    @SuppressWarnings("unchecked")
    public static ApiOperations read() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((template, item) -> item.forEach((method, operation) -> {
            if (template.startsWith("/api/") && METHODS.contains(method)) {
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                operations.add(new Operation(method, template, template.replace("{id}", "999999999").replaceAll("\\{([^}]+)}", "no-such-$1"),
                        body != null && Boolean.TRUE.equals(body.get("required")), body != null));
            }
        }));
        return new ApiOperations(List.copyOf(operations));
    }
}
