package org.surgeline.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Idempotency;
import org.surgeline.platform.Idempotent;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.QueryParams;
import org.surgeline.platform.Roles;

@Path("/api/allocation-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation requests", description = "What counties ask the city for, and the approval workflow")
public class RequestResource {

    @Inject
    RequestService requests;
    @Inject
    CallerContext caller;

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Submit a request",
            description = "Officers request for their own county (county may be left out); schedulers and admins "
                    + "name the county. Status, requester and planned quantities are set by the service: a body "
                    + "carrying them is refused (400).")
    @APIResponse(responseCode = "201", description = "The request, SUBMITTED")
    @APIResponse(responseCode = "400", description = "Invalid request: unknown item, quantities, dates, lines "
            + "(1 to 200), fields the service sets")
    @APIResponse(responseCode = "403", description = "An officer requesting for another county; warehouse staff")
    @APIResponse(responseCode = "404", description = "Unknown county")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response submit(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull NewAllocationRequest request) {
        RequestView created = requests.submit(request, caller.actor());
        return Response.created(URI.create("/api/allocation-requests/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "List requests, newest first", description = "Officers see their own county's only.")
    @APIResponse(responseCode = "200", description = "One page of requests")
    @APIResponse(responseCode = "400", description = "Unknown status or priority, bad page or size")
    @APIResponse(responseCode = "404", description = "For an officer, another county")
    public ResultPage<RequestView> list(@Parameter(description = "status") @QueryParam("status") String status,
            @Parameter(description = "county code") @QueryParam("county") String county,
            @Parameter(description = "priority") @QueryParam("priority") String priority,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return requests.list(Optional.ofNullable(county), QueryParams.enumValue(status, RequestStatus.class, "status"),
                QueryParams.enumValue(priority, Priority.class, "priority"), page, size).map(RequestView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one request")
    @APIResponse(responseCode = "200", description = "The request with its lines")
    @APIResponse(responseCode = "404", description = "No such request (or, for an officer, of another county)")
    public RequestView get(@PathParam("id") long id) {
        return RequestView.of(requests.visible(id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Approve a submitted request")
    @APIResponse(responseCode = "200", description = "The request, APPROVED")
    @APIResponse(responseCode = "403", description = "Not a scheduler or admin, or approving one's own request")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED (the body lists the allowed statuses)")
    @Consumes(MediaType.APPLICATION_JSON)
    public RequestView approve(@PathParam("id") long id,
            @RequestBody(required = false, description = "optional") @Valid DecisionNote note) {
        return requests.approve(id, note == null ? null : note.note(), caller.actor());
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Reject a submitted request, with a reason")
    @APIResponse(responseCode = "200", description = "The request, REJECTED")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "403", description = "Not a scheduler or admin")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED")
    public RequestView reject(@PathParam("id") long id, @Valid @NotNull Rejection rejection) {
        return requests.reject(id, rejection.reason(), caller.actor());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Cancel a request before dispatch",
            description = "From SUBMITTED, APPROVED or PLANNED; a PLANNED request's shipments are called off and "
                    + "their reservations released.")
    @APIResponse(responseCode = "200", description = "The request, CANCELLED")
    @APIResponse(responseCode = "403", description = "Warehouse staff")
    @APIResponse(responseCode = "404", description = "No such request (or, for an officer, of another county)")
    @APIResponse(responseCode = "409", description = "Already dispatched, decided or closed")
    @Consumes(MediaType.APPLICATION_JSON)
    public RequestView cancel(@PathParam("id") long id,
            @RequestBody(required = false, description = "optional") @Valid DecisionNote note) {
        return requests.cancel(id, note == null ? null : note.note(), caller.actor());
    }

    @POST
    @Path("/{id}/lines/{lineNo}/confirm")
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Confirm what a team, bed or lab line got",
            description = "Counts as delivered, once; the request can then be closed without waiting for the line's "
                    + "last day. An APPROVED request becomes PLANNED.")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "400", description = "A SUPPLY line, or more than the line asked for")
    @APIResponse(responseCode = "403", description = "Warehouse staff")
    @APIResponse(responseCode = "404", description = "No such request or line (or, for an officer, of another county)")
    @APIResponse(responseCode = "409", description = "Request not open, or line already confirmed")
    public RequestView confirm(@PathParam("id") long id, @PathParam("lineNo") int lineNo,
            @Valid @NotNull LineConfirmation confirmation) {
        return requests.confirm(id, lineNo, confirmation.quantity(), caller.actor());
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Close a planned or dispatched request once nothing more will come",
            description = "Needs no shipment planned or on its way, and every team, bed and lab line past its last "
                    + "day (its planned quantity counts as delivered) or confirmed. FULFILLED when every line got all "
                    + "it asked for, PARTIALLY_FULFILLED otherwise.")
    @APIResponse(responseCode = "200", description = "The closed request")
    @APIResponse(responseCode = "403", description = "Not a scheduler or admin")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Not PLANNED or DISPATCHED, shipments still open "
            + "(shipments-open), or lines still running (lines-in-progress)")
    public RequestView close(@PathParam("id") long id) {
        return requests.close(id, caller.actor());
    }
}
