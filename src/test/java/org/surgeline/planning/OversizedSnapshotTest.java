package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.queued;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** One approved line too large for a planner fails that run with a clear error, and the planner carries on. */
@QuarkusTest
class OversizedSnapshotTest {

    @Test
    void anOversizedLineFailsTheRunNotThePlanner() throws Exception {
        // 500 million surgical masks in parcels of 2,000: 250,000 parcels, above the 200,000 a run may have.
        long huge = approvedRequest("141082", "ROUTINE", List.of(
                Map.of("kind", "SUPPLY", "item", "MASK-SURG", "quantity", 500_000_000L)));
        double failedBefore = failedRuns();
        try {
            JsonPath failed = solved(queued(1));
            assertEquals("FAILED", failed.getString("run.status"));
            assertEquals("snapshot-too-large", failed.getString("run.errorCode"));
            assertThat(failed.getString("run.error"))
                    .contains("250000", "limit of 200000", "request " + huge + " line 1");
            // The alert "plan runs failing" (k8s/components/monitoring) counts these.
            assertEquals(failedBefore + 1, failedRuns(), "surgeline_plan_runs_ended_total, manual runs that failed");
        } finally {
            as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + huge + "/cancel").then().statusCode(200);
        }
        assertEquals("DRAFT", solved(queued(1)).getString("run.status"), "the next run is solved as usual");
    }

    private static double failedRuns() {
        String scrape = DemoUsers.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("(?m)^surgeline_plan_runs_ended_total\\{(?=[^}]*kind=\"manual\")"
                + "(?=[^}]*outcome=\"failed\")[^}]*} (\\S+)$").matcher(scrape);
        assertThat(sample.find()).as("surgeline_plan_runs_ended_total{kind=manual,outcome=failed} is exported").isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
