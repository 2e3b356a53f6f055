package org.surgeline.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** When a day's reports are due and when the day closes, in the city's time zone (the clock's). */
@ApplicationScoped
public class ReportCalendar {

    @Inject
    ReportingConfig config;
    @Inject
    Clock clock;

    public Instant cutoff(LocalDate day) {
        return day.atTime(config.cutoff()).atZone(clock.getZone()).toInstant();
    }

    public Instant closes(LocalDate day) {
        return day.plusDays(1).atTime(config.close()).atZone(clock.getZone()).toInstant();
    }

    public boolean pastCutoff(LocalDate day) {
        return !clock.instant().isBefore(cutoff(day));
    }

    public boolean closed(LocalDate day) {
        return !clock.instant().isBefore(closes(day));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The latest day whose cutoff has passed: today after the cutoff, else yesterday. */
    public LocalDate latestDue() {
        return pastCutoff(today()) ? today() : today().minusDays(1);
    }
}
