package org.surgeline.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when, from what to what")
public class AuditResource {

    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SCHEDULER, Roles.OFFICER})
    @Operation(summary = "The audit trail, newest first",
            description = "Request decisions and cancellations, reserve-floor, risk-level and travel-time changes, "
                    + "floor overrides on movements, room transitions and reference-data edits. Officers read their "
                    + "own county's records only.")
    @APIResponse(responseCode = "200", description = "One page of records")
    @APIResponse(responseCode = "400", description = "Bad page, size or time")
    @APIResponse(responseCode = "403", description = "Warehouse staff do not read the audit trail")
    public ResultPage<AuditEntry> list(
            @Parameter(description = "kind of record, e.g. AllocationRequest, StockBalance, County, TravelTime, "
                    + "StockMovement, IsolationRoom, SupplyItem, Depot, Team, TestingLab, IsolationSite")
            @QueryParam("entity") @Size(max = 64) String entity,
            @Parameter(description = "the record's key, e.g. a request id or WH-141024/SWAB")
            @QueryParam("key") @Size(max = 128) String key,
            @Parameter(description = "from this instant or date (inclusive), ISO-8601") @QueryParam("from") String from,
            @Parameter(description = "until this instant or date (exclusive), ISO-8601") @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.find(Optional.ofNullable(entity), Optional.ofNullable(key),
                QueryParams.instant(from, "from", clock.getZone()), QueryParams.instant(to, "to", clock.getZone()),
                page, size).map(AuditEntry::of);
    }
}
