package org.surgeline.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One county's bed and lab figures on one day, as recorded that day ({@code live} false) or, for
 * today, as they are now ({@code live} true): the board's charts.
 */
public record CountyDayFigures(String county, LocalDate day, long bedsPhysical, long bedsReady, long bedsFree,
        long bedsOccupied, long bedsConverting, long labCapacity, long labReceived, long labBacklog,
        Instant recordedAt, boolean live) {

    static CountyDayFigures of(String county, LocalDate day, ReportFigures f, Instant at, boolean live) {
        return new CountyDayFigures(county, day, f.bedsPhysical(), f.bedsReady(), f.bedsFree(), f.bedsOccupied(),
                f.bedsConverting(), f.labCapacity(), f.labReceived(), f.labBacklog(), at, live);
    }
}
