package org.surgeline.platform;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, and for which counties they may act. The one place that answers
 * "may this caller act for county X"; the services ask it about the records they hold. Outside a
 * request (start-up, demo data) the service itself acts, city-wide.
 */
@ApplicationScoped
public class CallerContext {

    /**
     * Names of the service's own actors (scheduled jobs, demo data) start with this. No caller can
     * take one: HTTP Basic user names cannot hold a colon, and a token whose subject starts with it
     * is refused ({@link CountyBinding}).
     */
    public static final String SYSTEM_PREFIX = "system:";

    @Inject
    SecurityIdentity identity;

    /** The name under which a scheduled job or the service itself acts, e.g. {@code system("nightly")}. */
    public static String system(String job) {
        return SYSTEM_PREFIX + job;
    }

    /**
     * Who acts: the stable key recorded on every change, compared by the four-eyes check and
     * scoping idempotency keys. For a token it is the subject ({@code sub}), which the identity
     * provider never reassigns, not the display name, which a user may change; for the embedded
     * dev and test users it is the user name.
     */
    public String actor() {
        return subject(identity);
    }

    /** The actor's display name, to show or record beside {@link #actor()} (e.g. in an audit trail). */
    public String actorName() {
        if (identity.isAnonymous()) {
            return system("anonymous");
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String claim : new String[] {"preferred_username", "name", "upn"}) {
                Object value = token.getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString();
                }
            }
        }
        return actor();
    }

    static String subject(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return system("anonymous");
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Officers act for their own county only; every other role, and the service itself, acts city-wide. */
    public boolean isCountyBound() {
        return Arc.container().requestContext().isActive() && isCountyBound(identity);
    }

    static boolean isCountyBound(SecurityIdentity identity) {
        return identity.hasRole(Roles.OFFICER) && !identity.hasRole(Roles.ADMIN)
                && !identity.hasRole(Roles.SCHEDULER) && !identity.hasRole(Roles.WAREHOUSE);
    }

    /**
     * The county a county-bound caller acts for; empty for city-wide callers. An officer bound to
     * no county is refused before any endpoint runs ({@link CountyBinding}); refusing here too keeps
     * it from ever reading as county "".
     */
    public Optional<String> boundCounty() {
        if (!isCountyBound()) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(identity.<String>getAttribute(CountyAugmentor.COUNTY_ATTRIBUTE))
                .orElseThrow(() -> ProblemException.forbidden(CountyBinding.NO_COUNTY)));
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
    public boolean mayOverrideFloor() {
        return hasRole(Roles.ADMIN) || hasRole(Roles.SCHEDULER);
    }

    public void requireFloorOverrideRight(String floorOverride) {
        if (floorOverride != null && !mayOverrideFloor()) {
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
