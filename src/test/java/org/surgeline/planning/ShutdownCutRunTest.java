package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.queued;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.platform.ShutdownStarting;

/**
 * A solve cut short by SIGTERM stores its best plan, but not as the answer to the state it started
 * from: else the next trigger check would skip the same rebalancing as "unchanged" and leave a
 * cut-short draft, which never publishes by itself, in place of a plan. Its own application
 * instance, since the planner stays stopping once told.
 */
@QuarkusTest
@TestProfile(ShutdownCutRunTest.StoppingPlanner.class)
class ShutdownCutRunTest {

    /** An instance of its own; solves run until their time limit or a stop. */
    public static class StoppingPlanner implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.optaplanner.solver.termination.unimproved-spent-limit", "2h");
        }
    }

    @Inject
    Event<ShutdownStarting> shutdown;

    @Test
    void aRunCutShortByShutdownKeepsItsPlanButAnswersNoState() {
        approvedRequest("141032", "URGENT", List.of(Map.of("kind", "SUPPLY", "item", "MASK-N95", "quantity", 130)));
        long run = queued(60);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> "SOLVING".equals(
                DemoUsers.as(DemoUsers.SCHEDULER).get("/api/plans/" + run + "/status").jsonPath().getString("status")));

        shutdown.fire(new ShutdownStarting());

        Instant told = Instant.now();
        assertEquals("DRAFT", solved(run).getString("run.status"), "stopped, its best plan kept");
        assertThat(Duration.between(told, Instant.now())).as("stopped at the next poll, not at the time limit")
                .isLessThan(Duration.ofSeconds(30));
        QuarkusTransaction.requiringNew().run(() -> {
            PlanRun stored = PlanRun.findById(run);
            assertThat(stored.stateKey).as("no state answered by a cut-short solve").isNull();
            assertThat(stored.result).as("the best plan found").isNotNull();
        });
    }
}
