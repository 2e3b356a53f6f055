package org.surgeline.isolation;

import java.time.Instant;

/** A site with its capacity; its rooms are read page by page ({@code GET /api/isolation/sites/{code}/rooms}). */
public record SiteView(String code, String name, String county, SiteKind kind, String address, String contact,
        Instant updatedAt, String updatedBy, BedCapacity capacity, Instant retiredAt) {

    static SiteView of(IsolationSite s, BedCapacity capacity) {
        return new SiteView(s.code, s.name, s.countyCode, s.kind, s.address, s.contact, s.lastChange.at(), s.lastChange.by(),
                capacity, s.retiredAt);
    }
}
