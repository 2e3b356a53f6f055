package org.surgeline.region;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import org.surgeline.platform.ETags;
import org.surgeline.platform.Idempotency;
import org.surgeline.platform.Idempotent;
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
    @APIResponse(responseCode = "200", description = "All divisions in service (with includeRetired, the retired too), by code")
    public List<CountyView> list(@Parameter(description = "also list retired counties")
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired) {
        return counties.list(includeRetired).stream().map(CountyView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one county")
    @APIResponse(responseCode = "200", description = "The county (retired ones too); ETag carries its version")
    @APIResponse(responseCode = "404", description = "No county has this code")
    public RestResponse<CountyView> get(@PathParam("code") String code) {
        return tagged(counties.get(code));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a county-level division")
    @APIResponse(responseCode = "201", description = "Created; Location names the county")
    @APIResponse(responseCode = "400", description = "Invalid county")
    @APIResponse(responseCode = "403", description = "Only admins register counties")
    @APIResponse(responseCode = "409", description = "A county with this code exists")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response create(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull NewCounty county, @Context UriInfo uri) {
        County created = counties.create(county, caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code).build())
                .tag(new EntityTag(String.valueOf(created.version))).entity(CountyView.of(created)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit a county's names, population and location",
            description = "Send the ETag of your last read in If-Match; the risk level has its own endpoint.")
    @APIResponse(responseCode = "200", description = "The county as edited; ETag carries its new version")
    @APIResponse(responseCode = "400", description = "Invalid county")
    @APIResponse(responseCode = "403", description = "Only admins edit counties")
    @APIResponse(responseCode = "404", description = "No county has this code")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: someone else changed it")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public RestResponse<CountyView> update(@PathParam("code") String code,
            @Parameter(description = "the ETag of your last read") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @Valid @NotNull CountyChange change) {
        return tagged(counties.update(code, ifMatch, change, caller.actor()));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a county",
            description = "Nothing is deleted: a retired county leaves the lists and takes no new work, its history stays.")
    @APIResponse(responseCode = "200", description = "The county, retired")
    @APIResponse(responseCode = "403", description = "Only admins retire counties")
    @APIResponse(responseCode = "404", description = "No county has this code")
    @APIResponse(responseCode = "409", description = "Open work refers to it; heldBy names what")
    public CountyView retire(@PathParam("code") String code) {
        return CountyView.of(counties.retire(code, caller.actor()));
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

    /** The view with its version as ETag (the service's transaction has committed, so an edit shows its new version). */
    private RestResponse<CountyView> tagged(County county) {
        return RestResponse.ResponseBuilder.ok(CountyView.of(county))
                .tag(new EntityTag(String.valueOf(county.version))).build();
    }
}
