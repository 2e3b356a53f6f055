package org.surgeline.reporting;

import jakarta.inject.Inject;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.surgeline.MovableClock;

/**
 * What the reporting tests share: the service's clock, stopped by {@link ReportingDay}, moved by a
 * test to the city time it needs and put back after each; and the gauges' refresh.
 */
abstract class ReportingTestBase {

    @Inject
    MovableClock clock;
    @Inject
    RoutineAlerts routine;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Moves the service's clock to {@code cityTime}, in the city's zone. */
    void at(LocalDateTime cityTime) {
        ReportingDay.at(clock, cityTime);
    }
}
