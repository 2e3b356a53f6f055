package org.surgeline.region;

import java.time.Instant;

/** A county as the API shows it. */
public record CountyView(String code, String nameZh, String namePinyin, long population,
        double latitude, double longitude, RiskLevel riskLevel, Instant updatedAt, String updatedBy,
        Instant retiredAt) {

    static CountyView of(County c) {
        return new CountyView(c.code, c.nameZh, c.namePinyin, c.population, c.latitude, c.longitude,
                c.riskLevel, c.lastChange.at(), c.lastChange.by(), c.retiredAt);
    }
}
