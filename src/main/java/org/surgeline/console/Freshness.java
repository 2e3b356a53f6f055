package org.surgeline.console;

import java.time.Duration;
import java.time.Instant;

/**
 * How old the newest record behind a figure is; {@code at} is null when there is no record at all.
 * Older than a day is stale: shown flagged, since a wall board must never pass old news for today's.
 */
public record Freshness(Instant at, long minutes) {

    static final Duration STALE_AFTER = Duration.ofHours(24);

    static Freshness of(Instant at, Instant now) {
        return new Freshness(at, at == null ? -1 : Math.max(0, Duration.between(at, now).toMinutes()));
    }

    static Freshness newest(Instant a, Instant b, Instant now) {
        return of(a == null ? b : b == null || a.isAfter(b) ? a : b, now);
    }

    public boolean stale() {
        return at == null || minutes >= STALE_AFTER.toMinutes();
    }

    public long hours() {
        return minutes / 60;
    }

    public long days() {
        return minutes / (24 * 60);
    }
}
