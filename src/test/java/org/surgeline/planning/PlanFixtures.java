package org.surgeline.planning;

import static org.awaitility.Awaitility.await;
import org.surgeline.ServiceClock;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.surgeline.DemoUsers;

/** Requests to plan, and waiting for plans to be solved. */
final class PlanFixtures {

    static final String TOMORROW = ServiceClock.today().plusDays(1).toString();

    private PlanFixtures() {
    }

    static long approvedRequest(String county, String priority, List<Map<String, Object>> lines) {
        long id = as(officerOf(county)).body(Map.of("priority", priority, "neededBy",
                        ServiceClock.today().plusDays(5).toString(), "lines", lines))
                .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + id + "/approve").then().statusCode(200);
        return id;
    }

    static long queued(int timeLimitSeconds) {
        return as(DemoUsers.SCHEDULER).body(Map.of("timeLimitSeconds", timeLimitSeconds))
                .post("/api/plans").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    /**
     * A trigger-check slot after every slot taken so far (the job only moves forward), so tests
     * that take slots do not depend on the order they run in.
     */
    static Instant freshSlot(PlanningSchedule schedule) {
        Object last = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select last_slot from planning_job where name = 'TRIGGERS'").getSingleResult());
        Instant taken = last == null ? Instant.now() : last instanceof Timestamp t ? t.toInstant()
                : last instanceof OffsetDateTime o ? o.toInstant() : (Instant) last;
        Instant after = taken.isAfter(Instant.now()) ? taken : Instant.now();
        return schedule.slotOf(after).plus(interval());
    }

    /** The trigger-check interval: one slot. */
    static java.time.Duration interval() {
        return Arc.container().instance(PlanningConfig.class).get().triggers().interval();
    }

    /** Skip records of a trigger-check slot. */
    static long skipsIn(Instant slot) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from plan_skip where slot = ?1").setParameter(1, slot)
                .getSingleResult()).longValue());
    }

    /** The plan once it is no longer queued or solving. */
    static JsonPath solved(long planId) {
        await("plan " + planId + " finishes").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> !List.of("QUEUED", "SOLVING").contains(
                        as(DemoUsers.SCHEDULER).get("/api/plans/" + planId + "/status").jsonPath().getString("status")));
        return as(DemoUsers.SCHEDULER).get("/api/plans/" + planId).jsonPath();
    }
}
