package org.surgeline.region;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Roles;

@Path("/api/counties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Counties", description = "The city's county-level divisions and their risk levels")
public class CountyResource {

    @Inject
    CountyService counties;
    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "List the county-level divisions")
    @APIResponse(responseCode = "200", description = "All divisions, by code")
    public List<CountyView> list() {
        return counties.list().stream().map(CountyView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one county")
    @APIResponse(responseCode = "200", description = "The county")
    @APIResponse(responseCode = "404", description = "No county has this code")
    public CountyView get(@PathParam("code") String code) {
        return CountyView.of(counties.get(code));
    }

    @PUT
    @Path("/{code}/risk-level")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Set a county's epidemic risk level")
    @APIResponse(responseCode = "200", description = "The county with its new risk level")
    @APIResponse(responseCode = "400", description = "Missing or unknown risk level, or malformed JSON")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins set risk levels")
    @APIResponse(responseCode = "404", description = "No county has this code")
    public CountyView changeRiskLevel(@PathParam("code") String code, @Valid @NotNull RiskLevelChange change) {
        return CountyView.of(counties.changeRiskLevel(code, change.riskLevel(), caller.actor()));
    }
}
