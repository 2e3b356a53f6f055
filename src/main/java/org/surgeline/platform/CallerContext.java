package org.surgeline.platform;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who is calling, and for which counties they may act. The one place that answers
 * "may this caller act for county X".
 */
@RequestScoped
public class CallerContext {

    @Inject
    SecurityIdentity identity;

    /** The name recorded as actor on every change. */
    public String actor() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Officers act for their own county only; every other role acts city-wide. */
    public boolean isCountyBound() {
        return identity.hasRole(Roles.OFFICER) && !identity.hasRole(Roles.ADMIN)
                && !identity.hasRole(Roles.SCHEDULER) && !identity.hasRole(Roles.WAREHOUSE);
    }

    /** The county a county-bound caller acts for; empty for city-wide callers. */
    public Optional<String> boundCounty() {
        if (!isCountyBound()) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(identity.<String>getAttribute(CountyAugmentor.COUNTY_ATTRIBUTE))
                .orElse(""));
    }

    public boolean mayActFor(String countyCode) {
        return boundCounty().map(own -> own.equals(countyCode)).orElse(true);
    }

    /**
     * The county a read is narrowed to: the one asked for (404 for an officer asking for another),
     * else the officer's own, else none (city-wide).
     */
    public Optional<String> readScope(String askedCounty) {
        if (askedCounty != null) {
            requireCounty(askedCounty, "County", askedCounty);
            return Optional.of(askedCounty);
        }
        return boundCounty();
    }

    /** Only admins and schedulers may take stock below a reserve floor, and only with a reason. */
    public void requireFloorOverrideRight(String floorOverride) {
        if (floorOverride != null && !hasRole(Roles.ADMIN) && !hasRole(Roles.SCHEDULER)) {
            throw ProblemException.forbidden("Only admins and schedulers may override a reserve floor");
        }
    }

    /**
     * Refuses a change to a record the caller may read but not change: an officer writing for
     * another county (403, since city-wide figures such as capacity are readable by all).
     */
    public void requireActFor(String countyCode) {
        if (!mayActFor(countyCode)) {
            throw ProblemException.forbidden("Officers act for their own county only");
        }
    }

    /**
     * Refuses a record of a county the caller may not act for. The answer is 404, as for a record
     * that does not exist, so that an officer cannot learn what other counties hold.
     */
    public void requireCounty(String countyCode, String what, Object key) {
        if (!mayActFor(countyCode)) {
            throw ProblemException.notFound(what, key);
        }
    }
}
