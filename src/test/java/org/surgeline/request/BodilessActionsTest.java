package org.surgeline.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.request.RequestFixtures.approved;
import static org.surgeline.request.RequestFixtures.shipped;
import static org.surgeline.request.RequestFixtures.submitted;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.platform.ApiOperations;

/**
 * Actions whose body is optional accept a request with no body whatever its Content-Type, or with
 * none at all: as {@code curl -X POST}, an HTML form without fields or htmx send them.
 */
@QuarkusTest
class BodilessActionsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyActionWithAnOptionalBodyAcceptsNoBodyAndNoContentType() throws Exception {
        List<ApiOperations.Operation> actions = ApiOperations.read().all().stream()
                .filter(o -> !o.method().equals("get") && !o.bodyRequired()).toList();
        assertTrue(actions.size() >= 12, "found " + actions);
        assertTrue(actions.stream().anyMatch(a -> a.toString().equals("POST /api/allocation-requests/{id}/approve")));
        List<String> refused = new ArrayList<>();
        for (ApiOperations.Operation action : actions) {
            for (String contentType : new String[] {null, "text/plain", "application/x-www-form-urlencoded"}) {
                HttpResponse<String> response = send(DemoUsers.ADMIN, action.method(), action.path(), contentType);
                // POST /api/plans and /api/plans/rebalance queue a run: cancel it, so it keeps no solver busy.
                response.headers().firstValue("Location").filter(l -> l.contains("/api/plans/"))
                        .ifPresent(plan -> DemoUsers.as(DemoUsers.ADMIN).delete(plan).then().statusCode(200));
                if (response.statusCode() == 415 || response.statusCode() == 400) {
                    refused.add(action + " with Content-Type " + contentType + ": " + response.statusCode()
                            + " " + response.body());
                }
            }
        }
        assertEquals(List.of(), refused);
    }

    @Test
    void theRequestAndShipmentActionsWorkWithoutABody() throws Exception {
        long toApprove = submitted("141023", "MASK-N95", 10);
        assertEquals(200, send(DemoUsers.SCHEDULER, "post", "/api/allocation-requests/" + toApprove + "/approve", null)
                .statusCode());
        long toCancel = submitted("141023", "MASK-N95", 10);
        assertEquals(200, send(DemoUsers.officerOf("141023"), "post",
                "/api/allocation-requests/" + toCancel + "/cancel", null).statusCode());
        long shipment = shipped(approved("141023", "MASK-N95", 10), "LF-RESERVE", 10);
        assertEquals(200, send(DemoUsers.WAREHOUSE, "post", "/api/shipments/" + shipment + "/dispatch", null)
                .statusCode());
        assertEquals(200, send(DemoUsers.officerOf("141023"), "post", "/api/shipments/" + shipment + "/deliver",
                "application/x-www-form-urlencoded").statusCode());
    }

    @Test
    void aBodyOfTheWrongTypeIsStill415() throws Exception {
        long id = submitted("141023", "MASK-N95", 10);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/allocation-requests/" + id + "/approve"))
                .header("Authorization", basic(DemoUsers.SCHEDULER)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("looks fine")).build();
        assertEquals(415, HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private HttpResponse<String> send(String user, String method, String path, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .header("Authorization", basic(user))
                .method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        String password = user.startsWith("officer") ? "officer" : user;
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
