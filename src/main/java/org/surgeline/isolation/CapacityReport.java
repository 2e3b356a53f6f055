package org.surgeline.isolation;

import java.time.LocalDate;
import java.util.List;

/** Isolation capacity on a date: city-wide, and per county. */
public record CapacityReport(LocalDate date, BedCapacity city, List<CountyCapacity> counties) {

    public record CountyCapacity(String county, int sites, BedCapacity capacity) {
    }
}
