package org.surgeline.stock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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
import java.time.Clock;
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

@Path("/api/stock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock", description = "The stock ledger: movements, reservations, balances, days of cover, alerts")
public class StockResource {

    @Inject
    LedgerService ledger;
    @Inject
    AdjustmentService adjustments;
    @Inject
    StockOverviewService overview;
    @Inject
    CatalogService catalog;
    @Inject
    CallerContext caller;
    @Inject
    Clock clock;

    @POST
    @Path("/movements")
    @RolesAllowed({Roles.WAREHOUSE, Roles.ADMIN})
    @Operation(summary = "Record a receipt, issue, transfer or adjustment",
            description = "Appends the movement(s) and updates the balance(s) in one transaction. Issues and "
                    + "transfers take the earliest-expiring lots unless a lot is named; a transfer appends a "
                    + "TRANSFER_OUT and a TRANSFER_IN per lot.")
    @APIResponse(responseCode = "201", description = "The movements appended and the balances after them")
    @APIResponse(responseCode = "202", description = "An adjustment over the approval threshold, asked for by "
            + "someone other than an admin: kept PENDING for a second person (Location names it)")
    @APIResponse(responseCode = "400", description = "Invalid movement (fields missing, not allowed for the type, "
            + "or out of range; a transfer to the same depot)")
    @APIResponse(responseCode = "403", description = "Only warehouse staff and admins record movements; only "
            + "admins and schedulers override a reserve floor")
    @APIResponse(responseCode = "404", description = "Unknown depot, item or lot")
    @APIResponse(responseCode = "409", description = "Not enough available stock, reserve floor crossed (issues, "
            + "transfers and stock-reducing adjustments), stock held by reservations, or a concurrent first receipt "
            + "(retry)")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response record(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull MovementRequest movement) {
        // Without a key the movement is all the request's transaction holds: the ledger may commit it on its own.
        AdjustmentService.Outcome outcome = adjustments.recordOrKeep(movement, key == null);
        if (outcome.pending() != null) {
            return Response.accepted(AdjustmentRequestView.of(outcome.pending()))
                    .location(URI.create("/api/stock/adjustments/" + outcome.pending().id)).build();
        }
        MovementResult result = outcome.recorded();
        return Response.created(URI.create("/api/stock/movements/" + result.movements().get(0).id()))
                .entity(result).build();
    }

    @GET
    @Path("/adjustments")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Large adjustments kept for a second person's approval, newest first")
    @APIResponse(responseCode = "200", description = "The adjustments")
    @APIResponse(responseCode = "400", description = "Unknown state")
    @APIResponse(responseCode = "403", description = "Officers do not read adjustments")
    public ResultPage<AdjustmentRequestView> adjustments(
            @Parameter(description = "PENDING, APPROVED or REJECTED") @QueryParam("state") String state,
            @Valid @BeanParam PageParams paging) {
        return adjustments.list(QueryParams.enumValue(state, AdjustmentRequest.State.class, "state"), paging.page,
                paging.size).map(AdjustmentRequestView::of);
    }

    @GET
    @Path("/adjustments/{id}")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one adjustment kept for approval")
    @APIResponse(responseCode = "200", description = "The adjustment")
    @APIResponse(responseCode = "403", description = "Officers do not read adjustments")
    @APIResponse(responseCode = "404", description = "No such adjustment")
    public AdjustmentRequestView adjustment(@PathParam("id") long id) {
        return AdjustmentRequestView.of(adjustments.get(id));
    }

    @POST
    @Path("/adjustments/{id}/approve")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Approve a large adjustment: it is recorded in the ledger",
            description = "By anyone but the person who asked for it. The checks of the ledger (stock on hand, "
                    + "reservations, reserve floor) apply again now.")
    @APIResponse(responseCode = "200", description = "The adjustment, APPROVED, with its ledger operation id")
    @APIResponse(responseCode = "403", description = "Officers, or the person who asked for it")
    @APIResponse(responseCode = "404", description = "No such adjustment")
    @APIResponse(responseCode = "409", description = "Already decided, or the ledger refuses it now")
    public AdjustmentRequestView approveAdjustment(@PathParam("id") long id) {
        return AdjustmentRequestView.of(adjustments.approve(id, caller.actor()));
    }

    @POST
    @Path("/adjustments/{id}/reject")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Reject a large adjustment: nothing is recorded")
    @APIResponse(responseCode = "200", description = "The adjustment, REJECTED")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "403", description = "Officers, or the person who asked for it")
    @APIResponse(responseCode = "404", description = "No such adjustment")
    @APIResponse(responseCode = "409", description = "Already decided")
    public AdjustmentRequestView rejectAdjustment(@PathParam("id") long id,
            @Valid @NotNull AdjustmentRejection rejection) {
        return AdjustmentRequestView.of(adjustments.reject(id, rejection.reason(), caller.actor()));
    }

    @GET
    @Path("/movements")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Movements, newest first",
            description = "Officers see movements of their own county's depots only.")
    @APIResponse(responseCode = "200", description = "One page of movements")
    @APIResponse(responseCode = "400", description = "Bad page, size or time")
    @APIResponse(responseCode = "404", description = "Unknown depot or item (or, for an officer, a depot of another county)")
    public ResultPage<MovementView> movements(
            @Parameter(description = "depot code") @QueryParam("depot") String depot,
            @Parameter(description = "item code") @QueryParam("item") String item,
            @Parameter(description = "from this instant or date (inclusive), ISO-8601") @QueryParam("from") String from,
            @Parameter(description = "until this instant or date (exclusive), ISO-8601") @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Optional<List<String>> depots = catalog.ledgerScope(depot);
        if (item != null) {
            catalog.item(item);
        }
        return ledger.movements(depots, Optional.ofNullable(item), QueryParams.instant(from, "from", clock.getZone()),
                QueryParams.instant(to, "to", clock.getZone()), page, size)
                .map(MovementView::of);
    }

    @GET
    @Path("/movements/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one movement")
    @APIResponse(responseCode = "200", description = "The movement")
    @APIResponse(responseCode = "404", description = "No such movement (or, for an officer, of another county)")
    public MovementView movement(@PathParam("id") long id) {
        return MovementView.of(ledger.movement(id));
    }

    @POST
    @Path("/reservations")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Hold stock for an allocation",
            description = "Appends a RESERVE movement. Refused when the stock is not available, or when it would "
                    + "take available stock below the reserve floor without an override.")
    @APIResponse(responseCode = "201", description = "The reservation")
    @APIResponse(responseCode = "400", description = "Invalid reservation")
    @APIResponse(responseCode = "403", description = "Officers do not reserve; only admins and schedulers override floors")
    @APIResponse(responseCode = "404", description = "Unknown depot or item")
    @APIResponse(responseCode = "409", description = "Not enough available stock, or reserve floor crossed")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response reserve(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull NewReservation reservation) {
        StockReservation created = ledger.reserve(reservation, caller.actor());
        return Response.created(URI.create("/api/stock/reservations/" + created.id))
                .entity(ReservationView.of(created)).build();
    }

    @GET
    @Path("/reservations/{id}")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one reservation")
    @APIResponse(responseCode = "200", description = "The reservation")
    @APIResponse(responseCode = "403", description = "Officers do not read reservations")
    @APIResponse(responseCode = "404", description = "No such reservation")
    public ReservationView reservation(@PathParam("id") long id) {
        return ReservationView.of(ledger.reservation(id));
    }

    @DELETE
    @Path("/reservations/{id}")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Release a reservation", description = "Appends a RELEASE movement. A reservation held "
            + "by a shipment (ownedBy) is released only by cancelling the shipment.")
    @APIResponse(responseCode = "200", description = "The released reservation")
    @APIResponse(responseCode = "403", description = "Officers do not release reservations")
    @APIResponse(responseCode = "404", description = "No such reservation")
    @APIResponse(responseCode = "409", description = "Already released or consumed (reservation-closed), or held "
            + "by a shipment (reservation-owned)")
    public ReservationView release(@PathParam("id") long id) {
        return ReservationView.of(ledger.release(id, caller.actor()));
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Stock per county and item, with days of cover",
            description = "Every county with every item (zeros included), the depot balances behind the totals, "
                    + "and days of cover = available / (population x daily use per 10,000 / 10,000). "
                    + "Officers see their own county only.")
    @APIResponse(responseCode = "200", description = "Stock by county and item")
    @APIResponse(responseCode = "404", description = "Unknown county or item (or, for an officer, another county)")
    public List<CountyStock> stock(@Parameter(description = "county code") @QueryParam("county") String county,
            @Parameter(description = "item code") @QueryParam("item") String item) {
        return overview.countyStock(Optional.ofNullable(county), Optional.ofNullable(item));
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Stock alerts",
            description = "Depots below their reserve floor, lots expiring within the warning window, and counties "
                    + "projected to run out within the planning horizon. Officers see their own county only.")
    @APIResponse(responseCode = "200", description = "The alerts")
    @APIResponse(responseCode = "404", description = "Unknown county (or, for an officer, another county)")
    public List<StockAlert> alerts(@Parameter(description = "county code") @QueryParam("county") String county) {
        return overview.alerts(Optional.ofNullable(county));
    }
}
