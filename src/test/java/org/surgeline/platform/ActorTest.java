package org.surgeline.platform;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * The actor recorded on a change is the caller's stable subject (for the embedded users, the user
 * name), however long an identity provider makes it. Tokens are covered by ProductionSecurityIT.
 */
@QuarkusTest
class ActorTest {

    private static final String LONG_NAME =
            "duty-scheduler.yaodu-district-command-centre@health.linfen.example.gov.cn";

    @Test
    void aLongSubjectIsRecordedAsTheActor() {
        DemoUsers.as(LONG_NAME).body(Map.of("riskLevel", "MEDIUM")).put("/api/counties/141034/risk-level").then()
                .statusCode(200).body("updatedBy", equalTo(LONG_NAME));
        DemoUsers.as(LONG_NAME).body(Map.of("minutes", 95)).put("/api/travel-times/141034/141002").then()
                .statusCode(200);
    }
}
