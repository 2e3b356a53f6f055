package org.surgeline.platform;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Binds an officer to their county, as the identity attribute {@link #COUNTY_ATTRIBUTE}:
 * from a claim of the OIDC token in production, from the user name ({@code officer-<code>})
 * for the embedded demo users only: a production identity named so gets no county from its name.
 */
@ApplicationScoped
public class CountyAugmentor implements SecurityIdentityAugmentor {

    public static final String COUNTY_ATTRIBUTE = "surgeline.county";
    private static final String DEMO_OFFICER_PREFIX = "officer-";

    @ConfigProperty(name = "surgeline.security.county-claim", defaultValue = "county")
    String countyClaim;
    @ConfigProperty(name = "quarkus.security.users.embedded.enabled", defaultValue = "false")
    boolean embeddedUsers;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.OFFICER)) {
            return Uni.createFrom().item(identity);
        }
        String county = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(countyClaim);
            county = claim == null ? null : claim.toString();
        } else if (embeddedUsers && identity.getPrincipal().getName().startsWith(DEMO_OFFICER_PREFIX)) {
            county = identity.getPrincipal().getName().substring(DEMO_OFFICER_PREFIX.length());
        }
        if (county == null) {
            // An officer without a county is refused everywhere (CountyBinding).
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(COUNTY_ATTRIBUTE, county)
                .build());
    }
}
