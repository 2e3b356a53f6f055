package org.surgeline.platform;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock: every "now" and "today" comes from here, in the city's time zone. Tests replace it
 * with a clock they can stop and move ({@code MovableClock}, in the test sources only).
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "surgeline.zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        return Clock.system(zone);
    }
}
