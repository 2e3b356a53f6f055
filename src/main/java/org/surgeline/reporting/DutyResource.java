package org.surgeline.reporting;

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
import org.surgeline.platform.QueryParams;
import org.surgeline.platform.Roles;

@Path("/api/duty")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Duty roster", description = "Who is on duty in each county, around the clock")
public class DutyResource {

    @Inject
    DutyService duty;
    @Inject
    CallerContext caller;

    @PUT
    @Path("/{county}/{date}")
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Set a county's shifts of one day",
            description = "Replaces the day's shifts (idempotent). Times are the city's; a shift whose to is not after "
                    + "its from ends the next day (20:00–08:00). Shifts may not overlap, among themselves or with the "
                    + "neighbouring days' shifts.")
    @APIResponse(responseCode = "200", description = "The day's shifts")
    @APIResponse(responseCode = "400", description = "Invalid or overlapping shifts (errors name them), malformed date")
    @APIResponse(responseCode = "403", description = "An officer of another county, or not an officer, scheduler or admin")
    @APIResponse(responseCode = "404", description = "Unknown county")
    @APIResponse(responseCode = "409", description = "The county is retired")
    public DutyView.Day replace(@PathParam("county") String county, @PathParam("date") String date,
            @Valid @NotNull DutyRoster roster) {
        return duty.replace(county, QueryParams.date(date, "date").orElseThrow(), roster, caller.actor());
    }

    @GET
    @Path("/{county}/{date}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "A county's shifts of one day")
    @APIResponse(responseCode = "200", description = "The shifts, by start")
    @APIResponse(responseCode = "400", description = "Malformed date")
    @APIResponse(responseCode = "403", description = "The caller holds none of the four roles")
    @APIResponse(responseCode = "404", description = "Unknown county")
    public DutyView.Day roster(@PathParam("county") String county, @PathParam("date") String date) {
        return duty.roster(county, QueryParams.date(date, "date").orElseThrow());
    }

    @GET
    @Path("/now")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Who is on duty now in each county",
            description = "Every county in service; an empty onDuty is a gap (see DUTY_GAP in /api/reports/alerts).")
    @APIResponse(responseCode = "200", description = "Per county, the shifts under way")
    @APIResponse(responseCode = "403", description = "The caller holds none of the four roles")
    public List<DutyView.OnDuty> now() {
        return duty.now();
    }
}
