package org.surgeline;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's clock in tests: the system clock, or the instant a test profile stops it at
 * ({@code surgeline.clock.fixed}), unless a test moves it (and moves it back, in a finally block).
 * Lives in the test sources only, so production has no way to move or stop time.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

    private final ZoneId zone = ZoneId.of(ConfigProvider.getConfig()
            .getOptionalValue("surgeline.zone", String.class).orElse("Asia/Shanghai"));
    private final Optional<Instant> fixed = ConfigProvider.getConfig()
            .getOptionalValue("surgeline.clock.fixed", Instant.class);
    private volatile Duration offset = Duration.ZERO;

    /** From now on the application's "now" is this far ahead of the real one. */
    public void moveAhead(Duration by) {
        offset = by;
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.offset(fixed.map(at -> Clock.fixed(at, other)).orElseGet(() -> Clock.system(other)), offset);
    }

    @Override
    public Instant instant() {
        return fixed.orElseGet(Instant::now).plus(offset);
    }
}
