package org.surgeline.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A team, its days off, and its deployments from today on (empty until a plan is published). */
public record TeamView(String code, String name, Skill skill, int headcount, String homeCounty,
        Set<LocalDate> unavailable, List<Deployment> deployments, Instant updatedAt, String updatedBy,
        Instant retiredAt) {

    public record Deployment(String county, LocalDate from, LocalDate to, String reference) {
    }
}
