package org.surgeline.request;

import org.surgeline.ServiceClock;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.request.RequestFixtures.IN_A_WEEK;
import static org.surgeline.request.RequestFixtures.request;
import static org.surgeline.request.RequestFixtures.requestCount;
import static org.surgeline.request.RequestFixtures.submitted;
import static org.surgeline.request.RequestFixtures.supplyLine;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.surgeline.DemoUsers;

@QuarkusTest
class RequestResourceTest {

    private static Map<String, Object> teamLine(String skill, int teams, Integer days) {
        Map<String, Object> line = new HashMap<>(Map.of("kind", "TEAM", "skill", skill, "quantity", teams,
                "fromDate", ServiceClock.today().plusDays(1).toString()));
        if (days != null) {
            line.put("days", days);
        }
        return line;
    }

    @Test
    void anOfficerSubmitsForTheirOwnCounty() {
        as(officerOf("141032")).body(request(List.of(supplyLine("KIT-PCR", 5_000), teamLine("SAMPLING", 2, 3),
                        Map.of("kind", "ISOLATION_BEDS", "quantity", 40, "fromDate", IN_A_WEEK, "days", 14),
                        Map.of("kind", "LAB_THROUGHPUT", "quantity", 20_000, "fromDate", IN_A_WEEK, "days", 5))))
                .post("/api/allocation-requests").then()
                .statusCode(201)
                .body("county", equalTo("141032"))
                .body("requester", equalTo("officer-141032"))
                .body("status", equalTo("SUBMITTED"))
                .body("allowedNext", containsInAnyOrder("APPROVED", "REJECTED", "CANCELLED"))
                .body("lines", hasSize(4))
                .body("lines[0].quantityPlanned", equalTo(0))
                .body("lines[1].skill", equalTo("SAMPLING"));
        Map<String, Object> other = request(List.of(supplyLine("SWAB", 10)));
        other.put("county", "141002");
        as(officerOf("141032")).body(other).post("/api/allocation-requests").then().statusCode(403);
        as(DemoUsers.WAREHOUSE).body(request(List.of(supplyLine("SWAB", 10)))).post("/api/allocation-requests")
                .then().statusCode(403);
        as(DemoUsers.SCHEDULER).body(request(List.of(supplyLine("SWAB", 10)))).post("/api/allocation-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("county"));
    }

    @Test
    void theBodyCannotSetWhatTheServiceSets() {
        long before = requestCount("141032");
        for (String field : List.of("status", "requester", "quantityPlanned", "decidedBy")) {
            Map<String, Object> body = request(List.of(supplyLine("SWAB", 10)));
            body.put(field, "APPROVED");
            as(officerOf("141032")).body(body).post("/api/allocation-requests").then()
                    .statusCode(400).body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo("unknown field"));
        }
        Map<String, Object> line = supplyLine("SWAB", 10);
        line.put("quantityPlanned", 10);
        as(officerOf("141032")).body(request(List.of(line))).post("/api/allocation-requests").then()
                .statusCode(400).body("errors[0].field", equalTo("lines[0].quantityPlanned"));
        assertEquals(before, requestCount("141032"));
    }

    static Stream<Arguments> badRequests() {
        Map<String, Object> past = request(List.of(supplyLine("SWAB", 10)));
        past.put("neededBy", ServiceClock.today().minusDays(1).toString());
        Map<String, Object> tooMany = request(IntStream.range(0, 201).mapToObj(i -> (Map<String, Object>) supplyLine("SWAB", 1)).toList());
        Map<String, Object> teamPast = teamLine("MEDICAL", 1, 2);
        teamPast.put("fromDate", ServiceClock.today().minusDays(3).toString());
        return Stream.of(
                Arguments.of("unknown item", request(List.of(supplyLine("CAVIAR", 10))), "lines[0].item"),
                Arguments.of("unknown skill", request(List.of(teamLine("JUGGLING", 1, 2))), "lines[0].skill"),
                Arguments.of("zero quantity", request(List.of(supplyLine("SWAB", 0))), "lines[0].quantity"),
                Arguments.of("negative quantity", request(List.of(supplyLine("SWAB", -4))), "lines[0].quantity"),
                Arguments.of("needed by in the past", past, "neededBy"),
                Arguments.of("no lines", request(List.of()), "lines"),
                Arguments.of("more than 200 lines", tooMany, "lines"),
                Arguments.of("team line with 0 days", request(List.of(teamLine("MEDICAL", 1, 0))), "lines[0].days"),
                Arguments.of("team line without days", request(List.of(teamLine("MEDICAL", 1, null))), "lines[0].days"),
                Arguments.of("team line starting in the past", request(List.of(teamPast)), "lines[0].fromDate"),
                Arguments.of("supply line with a skill", request(List.of(new HashMap<>(Map.of("kind", "SUPPLY",
                        "item", "SWAB", "quantity", 1, "skill", "MEDICAL")))), "lines[0].skill"),
                Arguments.of("unknown priority", new HashMap<>(Map.of("priority", "WHENEVER", "neededBy", IN_A_WEEK,
                        "lines", List.of(supplyLine("SWAB", 1)))), "priority"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIs400NamingTheFieldAndStoresNothing(String name, Map<String, Object> body, String field) {
        long before = requestCount("141033");
        as(officerOf("141033")).body(body).post("/api/allocation-requests").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertEquals(before, requestCount("141033"));
    }

    @Test
    void aRefusedMoveNamesTheCurrentStatusWithoutOverwritingTheProblemsStatus() {
        long id = RequestFixtures.approved("141032", "KIT-PCR", 10);
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + id + "/approve").then().statusCode(409)
                .body("status", org.hamcrest.Matchers.equalTo(409))
                .body("current", org.hamcrest.Matchers.equalTo("APPROVED"));
    }

    @Test
    void approvalIsForSchedulersAndAdminsAndNeverOnesOwn() {
        long id = submitted("141032", "SWAB", 100);
        as(DemoUsers.WAREHOUSE).post("/api/allocation-requests/" + id + "/approve").then().statusCode(403);
        as(officerOf("141032")).post("/api/allocation-requests/" + id + "/approve").then().statusCode(403);
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + id).then().body("status", equalTo("SUBMITTED"));

        Map<String, Object> own = request(List.of(supplyLine("SWAB", 5)));
        own.put("county", "141032");
        long mine = as(DemoUsers.SCHEDULER).body(own).post("/api/allocation-requests").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + mine + "/approve").then().statusCode(403);
        as(DemoUsers.ADMIN).body(Map.of("note", "ok")).post("/api/allocation-requests/" + mine + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("admin"));

        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + id + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED"));
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + id + "/approve").then()
                .statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/illegal-status-change"))
                .body("allowed", containsInAnyOrder("PLANNED", "CANCELLED"));
    }

    @Test
    void aRejectionNeedsAReason() {
        long id = submitted("141032", "SWAB", 100);
        as(DemoUsers.SCHEDULER).body(Map.of()).post("/api/allocation-requests/" + id + "/reject").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        as(DemoUsers.SCHEDULER).body(Map.of("reason", "covered by the city reserve drop of Tuesday"))
                .post("/api/allocation-requests/" + id + "/reject").then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("allowedNext", hasSize(0));
        as(officerOf("141032")).post("/api/allocation-requests/" + id + "/cancel").then().statusCode(409);
    }

    @Test
    void officersListTheirOwnCountyAndFiltersWork() {
        long id = submitted("141030", "MASK-N95", 1_000);
        as(officerOf("141030")).get("/api/allocation-requests").then()
                .statusCode(200)
                .body("items.county", everyItem(equalTo("141030")))
                .body("items.id", hasItem((int) id));
        as(officerOf("141030")).queryParam("county", "141002").get("/api/allocation-requests").then().statusCode(404);
        as(DemoUsers.ADMIN).queryParam("status", "SUBMITTED").queryParam("priority", "URGENT")
                .queryParam("county", "141030").get("/api/allocation-requests").then()
                .body("items.status", everyItem(equalTo("SUBMITTED")))
                .body("items.id", hasItem((int) id));
        as(DemoUsers.ADMIN).queryParam("status", "DONE").get("/api/allocation-requests").then().statusCode(400);
    }

    @Test
    void aReplayedSubmitCreatesOneRequestAndAnotherBodyIs422() {
        long before = requestCount("141031");
        Map<String, Object> body = request(List.of(supplyLine("GOGGLES", 200)));
        String key = "req-" + System.nanoTime();
        long first = as(officerOf("141031")).header("Idempotency-Key", key).body(body).post("/api/allocation-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as(officerOf("141031")).header("Idempotency-Key", key).body(body).post("/api/allocation-requests").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo((int) first));
        body.put("priority", "CRITICAL");
        as(officerOf("141031")).header("Idempotency-Key", key).body(body).post("/api/allocation-requests").then()
                .statusCode(422);
        assertEquals(before + 1, requestCount("141031"));
    }

    @Test
    void eightConcurrentSubmitsWithOneKeyCreateOneRequest() throws Exception {
        long before = requestCount("141031");
        Map<String, Object> body = request(List.of(supplyLine("DISINF-84", 480)));
        String key = "req-concurrent-" + System.nanoTime();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(pool.submit(() -> {
                start.await();
                return as(officerOf("141031")).header("Idempotency-Key", key).body(body).post("/api/allocation-requests");
            }));
        }
        start.countDown();
        List<Long> ids = new ArrayList<>();
        for (Future<Response> f : responses) {
            Response r = f.get();
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.jsonPath().getLong("id"));
        }
        pool.shutdown();
        assertEquals(1, ids.stream().distinct().count());
        assertEquals(before + 1, requestCount("141031"));
    }
}
