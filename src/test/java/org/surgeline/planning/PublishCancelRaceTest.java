package org.surgeline.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.planning.PlanFixtures.TOMORROW;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * Publishing a plan while its requests are being cancelled, over several rounds: whichever comes
 * first, no shipment, reservation or team deployment outlives a cancelled request. Runs on H2 and,
 * under {@code -Ppostgresql}, on PostgreSQL.
 */
@QuarkusTest
class PublishCancelRaceTest {

    private static final int ROUNDS = 3;
    private static final int REQUESTS = 6;
    private static final String COUNTY = "141082";

    @Inject
    DataSource dataSource;

    @Test
    void nothingIsBookedOrKeptForACancelledRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS + 1);
        for (int round = 0; round < ROUNDS; round++) {
            List<Long> requests = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                requests.add(approvedRequest(COUNTY, "CRITICAL", List.of(
                        Map.of("kind", "SUPPLY", "item", "SUIT-PROT", "quantity", 100),
                        Map.of("kind", "TEAM", "skill", "TRANSPORT", "quantity", 1, "fromDate", TOMORROW, "days", 1))));
            }
            long plan = as(DemoUsers.SCHEDULER).body(Map.of("timeLimitSeconds", 2)).post("/api/plans").then()
                    .statusCode(202).extract().jsonPath().getLong("id");
            assertEquals("DRAFT", solved(plan).getString("run.status"));
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> calls = new ArrayList<>();
            calls.add(() -> as(DemoUsers.SCHEDULER).post("/api/plans/" + plan + "/publish").statusCode());
            // Half the requests are cancelled, at the same moment as the publish.
            for (long request : requests.subList(0, REQUESTS / 2)) {
                calls.add(() -> as(officerOf(COUNTY)).body(Map.of("note", "race"))
                        .post("/api/allocation-requests/" + request + "/cancel").statusCode());
            }
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 200 || status == 409, "publish or cancel answers 200 or 409: " + status);
            }
            try (Connection db = dataSource.getConnection()) {
                assertEquals(0, count(db, "select count(*) from shipment s join allocation_request r on r.id = s.request_id "
                        + "where r.status = 'CANCELLED' and s.state <> 'CANCELLED'"), "live shipments of cancelled requests");
                assertEquals(0, count(db, "select count(*) from stock_reservation v join shipment s on s.reservation_id = v.id "
                        + "join allocation_request r on r.id = s.request_id where r.status = 'CANCELLED' and v.state = 'ACTIVE'"),
                        "active reservations of cancelled requests");
                assertEquals(0, count(db, "select count(*) from team_deployment d join allocation_request r on r.id = d.request_id "
                        + "where r.status = 'CANCELLED' and d.to_date >= '" + TOMORROW + "'"), "deployments of cancelled requests");
            }
        }
        pool.shutdown();
    }

    private static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet row = q.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
