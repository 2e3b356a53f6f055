package org.surgeline.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.surgeline.platform.QueryParams;
import org.surgeline.platform.Roles;

@Path("/api/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = "Supply lines fulfilled from a depot: planned, dispatched, delivered")
public class ShipmentResource {

    @Inject
    ShipmentService shipments;
    @Inject
    CallerContext caller;

    @POST
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Fulfil a supply line directly from a depot",
            description = "Reserves the stock at the depot and marks the request PLANNED. The reserve floor applies; "
                    + "admins and schedulers may override it with a reason.")
    @APIResponse(responseCode = "201", description = "The shipment, PLANNED")
    @APIResponse(responseCode = "400", description = "Invalid shipment, or a line that is not SUPPLY")
    @APIResponse(responseCode = "403", description = "Officers do not ship; only admins and schedulers override floors")
    @APIResponse(responseCode = "404", description = "Unknown request, line or depot")
    @APIResponse(responseCode = "409", description = "Request not shippable, more than the line has left, "
            + "not enough stock, or reserve floor crossed")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response plan(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull NewShipment shipment) {
        ShipmentView created = shipments.plan(shipment, caller.actor());
        return Response.created(URI.create("/api/shipments/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "List shipments, newest first", description = "Officers see those to their own county.")
    @APIResponse(responseCode = "200", description = "One page of shipments")
    @APIResponse(responseCode = "400", description = "Unknown state, bad page or size")
    @APIResponse(responseCode = "404", description = "For an officer, another county")
    public ResultPage<ShipmentView> list(@Parameter(description = "destination county") @QueryParam("county") String county,
            @Parameter(description = "state") @QueryParam("state") String state,
            @Parameter(description = "request id") @QueryParam("request") Long requestId,
            @Valid @BeanParam PageParams paging) {
        return shipments.list(Optional.ofNullable(county), QueryParams.enumValue(state, ShipmentState.class, "state"),
                Optional.ofNullable(requestId), paging.page, paging.size).map(ShipmentView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one shipment")
    @APIResponse(responseCode = "200", description = "The shipment")
    @APIResponse(responseCode = "404", description = "No such shipment (or, for an officer, to another county)")
    public ShipmentView get(@PathParam("id") long id) {
        return ShipmentView.of(shipments.visible(id));
    }

    @POST
    @Path("/{id}/dispatch")
    @RolesAllowed({Roles.WAREHOUSE, Roles.ADMIN})
    @Operation(summary = "Dispatch: the reserved stock leaves the depot (earliest-expiring lots first)")
    @APIResponse(responseCode = "200", description = "The shipment, DISPATCHED, with its lots")
    @APIResponse(responseCode = "403", description = "Only warehouse staff and admins dispatch")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "Not PLANNED")
    public ShipmentView dispatch(@PathParam("id") long id) {
        return shipments.dispatch(id, caller.actor());
    }

    @POST
    @Path("/{id}/deliver")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.ADMIN})
    @Operation(summary = "Confirm delivery: the stock is booked in at the county's warehouse",
            description = "The receiving county's officer, warehouse staff or an admin confirms. The warehouse is "
                    + "created on first delivery if the county has none.")
    @APIResponse(responseCode = "200", description = "The shipment, DELIVERED")
    @APIResponse(responseCode = "403", description = "Schedulers do not confirm deliveries")
    @APIResponse(responseCode = "404", description = "No such shipment (or, for an officer, to another county)")
    @APIResponse(responseCode = "409", description = "Not DISPATCHED")
    public ShipmentView deliver(@PathParam("id") long id) {
        return shipments.deliver(id, caller.actor());
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.WAREHOUSE, Roles.ADMIN})
    @Operation(summary = "Bring a dispatched shipment back to its source",
            description = "Its lots are booked in again at the depot they left (TRANSFER_IN); the line may be "
                    + "planned again.")
    @APIResponse(responseCode = "200", description = "The shipment, RETURNED")
    @APIResponse(responseCode = "403", description = "Only warehouse staff and admins book stock back in")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "Not DISPATCHED")
    public ShipmentView returnToSource(@PathParam("id") long id) {
        return shipments.returnToSource(id, caller.actor());
    }

    @POST
    @Path("/{id}/write-off")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Write off a dispatched shipment that will never arrive",
            description = "With a reason that removes stock (COUNT_SHORTAGE, DAMAGE, EXPIRY, LOST) and a note: the "
                    + "lots are booked back at their source (TRANSFER_IN) and adjusted out there (ADJUSTMENT with the "
                    + "reason); the line may be planned again.")
    @APIResponse(responseCode = "200", description = "The shipment, WRITTEN_OFF")
    @APIResponse(responseCode = "400", description = "Reason or note missing, or a reason that adds stock")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins write stock off")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "Not DISPATCHED")
    public ShipmentView writeOff(@PathParam("id") long id, @Valid @NotNull WriteOff writeOff) {
        return shipments.writeOff(id, writeOff.reason(), writeOff.note(), caller.actor());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Call a shipment off before dispatch; its reservation is released")
    @APIResponse(responseCode = "200", description = "The shipment, CANCELLED")
    @APIResponse(responseCode = "403", description = "Officers do not cancel shipments")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "Not PLANNED")
    public ShipmentView cancel(@PathParam("id") long id) {
        return shipments.cancel(id, caller.actor());
    }
}
