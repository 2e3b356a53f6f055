package org.surgeline.isolation;

import java.time.Instant;
import java.util.List;

/** A site with its capacity; {@code rooms} only when one site is read. */
public record SiteView(String code, String name, String county, SiteKind kind, String address, String contact,
        Instant updatedAt, String updatedBy, BedCapacity capacity, List<RoomView> rooms) {

    static SiteView of(IsolationSite s, BedCapacity capacity, List<RoomView> rooms) {
        return new SiteView(s.code, s.name, s.countyCode, s.kind, s.address, s.contact, s.updatedAt, s.updatedBy,
                capacity, rooms);
    }
}
