package org.surgeline.region;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Roles;

@Path("/api/travel-times")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Travel times", description = "Driving minutes between counties, derived or overridden")
public class TravelTimeResource {

    @Inject
    TravelTimeService travelTimes;
    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Travel times between counties",
            description = "Every ordered pair of distinct counties, narrowed by origin and/or destination.")
    @APIResponse(responseCode = "200", description = "The travel times")
    @APIResponse(responseCode = "404", description = "Unknown origin or destination county")
    public List<TravelTime> list(
            @Parameter(description = "origin county code") @QueryParam("from") String from,
            @Parameter(description = "destination county code") @QueryParam("to") String to) {
        return travelTimes.list(Optional.ofNullable(from), Optional.ofNullable(to));
    }

    @PUT
    @Path("/{from}/{to}")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Override the travel time in one direction")
    @APIResponse(responseCode = "200", description = "The travel time now in force")
    @APIResponse(responseCode = "400", description = "Minutes missing or outside 1-1440, or the same county twice")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins set travel times")
    @APIResponse(responseCode = "404", description = "Unknown county")
    public TravelTime override(@PathParam("from") String from, @PathParam("to") String to,
            @Valid @NotNull TravelTimeChange change) {
        return travelTimes.override(from, to, change.minutes(), caller.actor());
    }

    @DELETE
    @Path("/{from}/{to}")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Remove an override; the derived travel time applies again")
    @APIResponse(responseCode = "200", description = "The derived travel time now in force")
    @APIResponse(responseCode = "400", description = "The same county twice")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins set travel times")
    @APIResponse(responseCode = "404", description = "Unknown county, or no override for this direction")
    public TravelTime removeOverride(@PathParam("from") String from, @PathParam("to") String to) {
        return travelTimes.removeOverride(from, to, caller.actor());
    }
}
