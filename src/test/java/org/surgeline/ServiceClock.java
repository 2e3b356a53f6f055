package org.surgeline;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * "Today" as the service counts it: from its clock bean, in the city's zone, never from the JVM's
 * default zone (between 16:00 and 24:00 UTC, Asia/Shanghai is a day ahead of UTC).
 */
public final class ServiceClock {

    private ServiceClock() {
    }

    public static Clock clock() {
        ArcContainer container = Arc.container();
        return container != null && container.isRunning()
                ? container.instance(Clock.class).get()
                : Clock.system(ZoneId.of(ConfigProvider.getConfig().getValue("surgeline.zone", String.class)));
    }

    public static LocalDate today() {
        return LocalDate.now(clock());
    }
}
