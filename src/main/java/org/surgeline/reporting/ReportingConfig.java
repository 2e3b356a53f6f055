package org.surgeline.reporting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;

/** The daily routine's settings; the README ("Daily routine") documents each. */
@ConfigMapping(prefix = "surgeline.reporting")
public interface ReportingConfig {

    /** City time by which a county's report for the day is due; a first submission after it is late. */
    @WithDefault("16:00")
    LocalTime cutoff();

    /** City time on the next day at which a day closes: its reports become read-only. */
    @WithDefault("08:00")
    LocalTime close();

    /** How far ahead the duty roster must cover every county without a gap. */
    @WithDefault("PT48H")
    Duration dutyHorizon();

    /** How often the reporting gauges are read from the database. */
    @WithDefault("30s")
    Duration metricsRefresh();

    Snapshot snapshot();

    /** The daily record of each county's figures (the board's charts). */
    interface Snapshot {
        @WithDefault("true")
        boolean enabled();

        /** When, in the city's time zone: late in the day, so the day's lab load is in. */
        @WithDefault("0 50 23 * * ?")
        String cron();
    }
}
