package org.surgeline.stock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;
import org.surgeline.platform.ETags;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Idempotency;
import org.surgeline.platform.Idempotent;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.PageParams;
import org.surgeline.platform.Roles;

@Path("/api/depots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Depots", description = "Places that hold stock, and what each holds")
public class DepotResource {

    @Inject
    CatalogService catalog;
    @Inject
    LedgerService ledger;
    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "List depots", description = "Officers see their own county's depots only.")
    @APIResponse(responseCode = "200", description = "One page of depots in service (with includeRetired, the retired too), by code")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    public ResultPage<DepotView> list(@Valid @BeanParam PageParams paging,
            @Parameter(description = "also list retired depots") @QueryParam("includeRetired") @DefaultValue("false")
            boolean includeRetired) {
        return paging.of(catalog.visibleDepots(includeRetired)).map(DepotView::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one depot")
    @APIResponse(responseCode = "200", description = "The depot (retired ones too); ETag carries its version")
    @APIResponse(responseCode = "404", description = "No such depot (or, for an officer, not in their county)")
    public RestResponse<DepotView> get(@PathParam("code") String code) {
        return tagged(catalog.visibleDepot(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit a depot", description = "Send the ETag of your last read in If-Match.")
    @APIResponse(responseCode = "200", description = "The depot as edited; ETag carries its new version")
    @APIResponse(responseCode = "400", description = "Invalid depot")
    @APIResponse(responseCode = "403", description = "Only admins edit depots")
    @APIResponse(responseCode = "404", description = "Unknown depot or county")
    @APIResponse(responseCode = "409", description = "The new county is retired")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: someone else changed it")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public RestResponse<DepotView> update(@PathParam("code") String code,
            @Parameter(description = "the ETag of your last read") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @Valid @NotNull DepotChange change) {
        return tagged(catalog.updateDepot(code, ifMatch, change, caller.actor()));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a depot",
            description = "Nothing is deleted: a retired depot leaves the lists, receipts and transfers in, and the planner.")
    @APIResponse(responseCode = "200", description = "The depot, retired")
    @APIResponse(responseCode = "403", description = "Only admins retire depots")
    @APIResponse(responseCode = "404", description = "No depot has this code")
    @APIResponse(responseCode = "409", description = "Stock on hand or open work refers to it; heldBy names what")
    public DepotView retire(@PathParam("code") String code) {
        return DepotView.of(catalog.retireDepot(code, caller.actor()));
    }

    private static RestResponse<DepotView> tagged(Depot depot) {
        return RestResponse.ResponseBuilder.ok(DepotView.of(depot))
                .tag(new EntityTag(String.valueOf(depot.version))).build();
    }

    @GET
    @Path("/{code}/stock")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "What a depot holds", description = "One balance per item, with its lots.")
    @APIResponse(responseCode = "200", description = "The balances, by item")
    @APIResponse(responseCode = "404", description = "No such depot (or, for an officer, not in their county)")
    public List<BalanceView> stock(@PathParam("code") String code) {
        Depot depot = catalog.visibleDepot(code);
        return ledger.views(ledger.balances(List.of(depot.code), Optional.empty()));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a depot")
    @APIResponse(responseCode = "201", description = "Created; Location names the depot")
    @APIResponse(responseCode = "400", description = "Invalid depot")
    @APIResponse(responseCode = "403", description = "Only admins register depots")
    @APIResponse(responseCode = "404", description = "Unknown county")
    @APIResponse(responseCode = "409", description = "A depot with this code exists")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response create(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull NewDepot depot, @Context UriInfo uri) {
        Depot created = catalog.createDepot(depot, caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code).build())
                .entity(DepotView.of(created)).build();
    }

    @PUT
    @Path("/{code}/stock/{itemCode}/reserve-floor")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Set the reserve floor of an item at a depot",
            description = "Issues, transfers and reservations that would take available stock below the floor "
                    + "are refused unless an admin or scheduler overrides with a reason.")
    @APIResponse(responseCode = "200", description = "The balance with its new floor")
    @APIResponse(responseCode = "400", description = "Missing or negative floor")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins set floors")
    @APIResponse(responseCode = "404", description = "Unknown depot or item")
    public BalanceView setReserveFloor(@PathParam("code") String code, @PathParam("itemCode") String itemCode,
            @Valid @NotNull ReserveFloorChange change) {
        return ledger.setReserveFloor(code, itemCode, change.reserveFloor(), caller.actor());
    }
}
