package org.surgeline.stock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;
import org.surgeline.platform.ETags;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
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

@Path("/api/items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supply items", description = "The supply catalog")
public class ItemResource {

    @Inject
    CatalogService catalog;
    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "List the supply catalog")
    @APIResponse(responseCode = "200", description = "One page of items in service (with includeRetired, the retired too), by code")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    public ResultPage<SupplyItemView> list(@Valid @BeanParam PageParams paging,
            @Parameter(description = "also list retired items") @QueryParam("includeRetired") @DefaultValue("false")
            boolean includeRetired) {
        return paging.of(catalog.items(includeRetired)).map(SupplyItemView::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one supply item")
    @APIResponse(responseCode = "200", description = "The item (retired ones too); ETag carries its version")
    @APIResponse(responseCode = "404", description = "No item has this code")
    public RestResponse<SupplyItemView> get(@PathParam("code") String code) {
        return tagged(catalog.item(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit a supply item", description = "Send the ETag of your last read in If-Match.")
    @APIResponse(responseCode = "200", description = "The item as edited; ETag carries its new version")
    @APIResponse(responseCode = "400", description = "Invalid item")
    @APIResponse(responseCode = "403", description = "Only admins change the catalog")
    @APIResponse(responseCode = "404", description = "No item has this code")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: someone else changed it")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public RestResponse<SupplyItemView> update(@PathParam("code") String code,
            @Parameter(description = "the ETag of your last read") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @Valid @NotNull SupplyItemChange change) {
        return tagged(catalog.updateItem(code, ifMatch, change, caller.actor()));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a supply item",
            description = "Nothing is deleted: a retired item leaves the lists, new requests and receipts, and the planner.")
    @APIResponse(responseCode = "200", description = "The item, retired")
    @APIResponse(responseCode = "403", description = "Only admins change the catalog")
    @APIResponse(responseCode = "404", description = "No item has this code")
    @APIResponse(responseCode = "409", description = "Stock on hand or open work refers to it; heldBy names what")
    public SupplyItemView retire(@PathParam("code") String code) {
        return SupplyItemView.of(catalog.retireItem(code, caller.actor()));
    }

    private static RestResponse<SupplyItemView> tagged(SupplyItem item) {
        return RestResponse.ResponseBuilder.ok(SupplyItemView.of(item))
                .tag(new EntityTag(String.valueOf(item.version))).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a supply item to the catalog")
    @APIResponse(responseCode = "201", description = "Created; Location names the item")
    @APIResponse(responseCode = "400", description = "Invalid item")
    @APIResponse(responseCode = "403", description = "Only admins change the catalog")
    @APIResponse(responseCode = "409", description = "An item with this code exists")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response create(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull NewSupplyItem item, @Context UriInfo uri) {
        SupplyItem created = catalog.createItem(item, caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code).build())
                .entity(SupplyItemView.of(created)).build();
    }
}
