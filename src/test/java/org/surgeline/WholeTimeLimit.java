package org.surgeline;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Solves run until their time limit or a stop, as in production. The test profile ends every solve
 * a second after its last improvement, which ends a run before a test can stop it or watch it.
 */
public class WholeTimeLimit implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.optaplanner.solver.termination.unimproved-spent-limit", "1h");
    }
}
