package org.surgeline.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Roles;

/** What to act on now: stock alerts, labs at their limit, counties short of free beds; an officer's own county only. */
@Path("/console/alerts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
@ConsolePage
public class AlertsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(ConsoleContext.Frame frame, String county, Alerts.Listing alerts);
    }

    @Inject
    ConsoleContext console;
    @Inject
    CallerContext caller;
    @Inject
    Alerts alerts;

    @GET
    public TemplateInstance page(@QueryParam("county") String county) {
        var scope = caller.readScope(county == null || county.isBlank() ? null : county);
        return console.render(Templates.alerts(console.frame("alerts"), scope.orElse(null), alerts.list(scope)));
    }
}
