package org.surgeline.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.surgeline.platform.Roles;

/**
 * Signing in and out, and the language switch. The sign-in form posts to the form mechanism's
 * {@code /j_security_check} (dev and test); in production the OIDC code flow signs in instead.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(ConsoleContext.Frame frame, boolean failed);
    }

    @Inject
    ConsoleContext console;
    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @GET
    @Path("/login")
    @PermitAll
    @Operation(summary = "Console: the sign-in form (HTML)")
    public TemplateInstance login(@QueryParam("error") boolean failed) {
        return console.render(Templates.login(console.frame("login"), failed));
    }

    @POST
    @Path("/logout")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Console: sign out (ends the session, back to the sign-in form)")
    public Response logout() {
        return Response.seeOther(URI.create("/console/login"))
                .cookie(new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }

    /** Remembers the language chosen in the page header, then goes back to the page it was chosen on. */
    @GET
    @Path("/language")
    @PermitAll
    @Operation(summary = "Console: choose the language (zh or en), remembered in a cookie")
    public Response language(@QueryParam("lang") String language, @QueryParam("back") String back) {
        console.rememberLanguage("zh".equals(language) ? "zh" : "en");
        // Only back to a console page of this site: never an open redirect.
        boolean local = back != null && back.startsWith("/console") && !back.startsWith("//");
        return Response.seeOther(URI.create(local ? back : "/console")).build();
    }
}
