package org.surgeline.stock;

import java.time.Instant;

public record DepotView(String code, String name, String county, DepotKind kind, Instant updatedAt, String updatedBy,
        Instant retiredAt) {

    static DepotView of(Depot d) {
        return new DepotView(d.code, d.name, d.countyCode, d.kind, d.lastChange.at(), d.lastChange.by(), d.retiredAt);
    }
}
