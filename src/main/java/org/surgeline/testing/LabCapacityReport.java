package org.surgeline.testing;

import java.time.LocalDate;
import java.util.List;

/** Lab capacity and load on a date: city-wide, per county, and per lab. */
public record LabCapacityReport(LocalDate date, LabFigures city, List<CountyLabs> counties) {

    public record CountyLabs(String county, LabFigures figures, List<LabView> labs) {
    }
}
