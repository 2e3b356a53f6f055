package org.surgeline.platform;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Fails closed on callers no role check can catch, before any endpoint runs: an officer whose
 * token lacks the county claim (403, never treated as an officer of county ""), and a token whose
 * subject poses as one of the service's own actors ({@link CallerContext#SYSTEM_PREFIX}).
 */
public class CountyBinding {

    static final String NO_COUNTY = "An officer must be bound to a county; the token carries no county claim";

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> refuseUnboundCallers() {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                return null;
            }
            if (CallerContext.subject(identity).startsWith(CallerContext.SYSTEM_PREFIX)) {
                return refuse("This subject is reserved for the service's own jobs");
            }
            if (CallerContext.isCountyBound(identity)
                    && identity.getAttribute(CountyAugmentor.COUNTY_ATTRIBUTE) == null) {
                return refuse(NO_COUNTY);
            }
            return null;
        });
    }

    private static Response refuse(String detail) {
        return ProblemMapper.toResponse(ProblemException.forbidden(detail).problem());
    }
}
