package org.surgeline.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A lab, its capacity on the report date, what it did that day, and (when read alone) its capacity history. */
public record LabView(String code, String name, String county, LabStatus status, int tubesPerDay, int poolingRatio,
        LocalDate capacityEffectiveFrom, LabFigures figures, Double meanTurnaroundHours, Instant updatedAt,
        String updatedBy, List<CapacityVersion> capacityHistory, Instant retiredAt) {

    public record CapacityVersion(LocalDate effectiveFrom, int tubesPerDay, int poolingRatio, long samplesPerDay,
            Instant updatedAt, String updatedBy) {
    }
}
