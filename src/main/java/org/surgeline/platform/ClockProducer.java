package org.surgeline.platform;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock: every "now" and "today" comes from here, in the city's time zone. Tests of the
 * rules that depend on the time of day stop it at an instant ({@code surgeline.clock.fixed}).
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "surgeline.zone", defaultValue = "Asia/Shanghai") ZoneId zone,
            @ConfigProperty(name = "surgeline.clock.fixed") Optional<Instant> fixed) {
        return fixed.map(instant -> Clock.fixed(instant, zone)).orElseGet(() -> Clock.system(zone));
    }
}
