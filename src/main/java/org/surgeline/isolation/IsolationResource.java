package org.surgeline.isolation;

import org.surgeline.platform.ETags;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.DELETE;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Idempotency;
import org.surgeline.platform.Idempotent;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.PageParams;
import org.surgeline.platform.QueryParams;
import org.surgeline.platform.Roles;

@Path("/api/isolation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Isolation", description = "Isolation sites, rooms under conversion, and bed capacity")
public class IsolationResource {

    @Inject
    Clock clock;
    @Inject
    IsolationService isolation;
    @Inject
    CallerContext caller;

    @GET
    @Path("/sites")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "List isolation sites with their capacity")
    @APIResponse(responseCode = "200", description = "One page of sites in service (with includeRetired, the retired too), by code")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    @APIResponse(responseCode = "404", description = "Unknown county")
    public ResultPage<SiteView> sites(@Parameter(description = "county code") @QueryParam("county") String county,
            @Valid @BeanParam PageParams paging,
            @Parameter(description = "also list retired sites") @QueryParam("includeRetired") @DefaultValue("false")
            boolean includeRetired) {
        Map<String, BedCapacity> capacity = isolation.capacityBySite(Optional.empty());
        return paging.of(isolation.sites(Optional.ofNullable(county), includeRetired))
                .map(s -> SiteView.of(s, capacity.getOrDefault(s.code, BedCapacity.NONE)));
    }

    @GET
    @Path("/sites/{code}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one site with its capacity")
    @APIResponse(responseCode = "200", description = "The site (retired ones too); ETag carries its version")
    @APIResponse(responseCode = "404", description = "No such site")
    public RestResponse<SiteView> site(@PathParam("code") String code) {
        return tagged(isolation.site(code));
    }

    @PUT
    @Path("/sites/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit an isolation site", description = "Send the ETag of your last read in If-Match.")
    @APIResponse(responseCode = "200", description = "The site as edited; ETag carries its new version")
    @APIResponse(responseCode = "400", description = "Invalid site")
    @APIResponse(responseCode = "403", description = "Only admins edit sites")
    @APIResponse(responseCode = "404", description = "Unknown site or county")
    @APIResponse(responseCode = "409", description = "The new county is retired")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: someone else changed it")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public RestResponse<SiteView> updateSite(@PathParam("code") String code,
            @Parameter(description = "the ETag of your last read") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @Valid @NotNull SiteChange change) {
        return tagged(isolation.updateSite(code, ifMatch, change, caller.actor()));
    }

    @DELETE
    @Path("/sites/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire an isolation site",
            description = "Nothing is deleted: a retired site leaves the lists, new rooms and the planner's beds.")
    @APIResponse(responseCode = "200", description = "The site, retired")
    @APIResponse(responseCode = "403", description = "Only admins retire sites")
    @APIResponse(responseCode = "404", description = "No such site")
    @APIResponse(responseCode = "409", description = "Rooms are occupied; heldBy says how many")
    public SiteView retireSite(@PathParam("code") String code) {
        IsolationSite site = isolation.retireSite(code, caller.actor());
        return SiteView.of(site, isolation.capacityOfSite(code));
    }

    private RestResponse<SiteView> tagged(IsolationSite site) {
        return RestResponse.ResponseBuilder.ok(SiteView.of(site, isolation.capacityOfSite(site.code)))
                .tag(new EntityTag(String.valueOf(site.version))).build();
    }

    @GET
    @Path("/sites/{code}/rooms")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "A site's rooms, by room number, page by page")
    @APIResponse(responseCode = "200", description = "One page of rooms")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    @APIResponse(responseCode = "404", description = "No such site")
    public ResultPage<RoomView> rooms(@PathParam("code") String code, @Valid @BeanParam PageParams paging) {
        isolation.site(code);
        return isolation.rooms(code, paging.page, paging.size).map(RoomView::of);
    }

    @POST
    @Path("/sites")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Register an isolation site", description = "Officers register sites of their own county.")
    @APIResponse(responseCode = "201", description = "Created; Location names the site")
    @APIResponse(responseCode = "400", description = "Invalid site")
    @APIResponse(responseCode = "403", description = "Not an officer of this county, nor an admin")
    @APIResponse(responseCode = "404", description = "Unknown county")
    @APIResponse(responseCode = "409", description = "A site with this code exists")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response createSite(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull NewSite site) {
        IsolationSite created = isolation.createSite(site, caller.actor());
        return Response.created(URI.create("/api/isolation/sites/" + created.code))
                .entity(SiteView.of(created, BedCapacity.NONE)).build();
    }

    @POST
    @Path("/sites/{code}/rooms")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Add rooms to a site", description = "Rooms prefix+from to prefix+to, all PLANNED; "
            + "at most 2,000 a call. A number already taken refuses the whole call.")
    @APIResponse(responseCode = "201", description = "The rooms created")
    @APIResponse(responseCode = "400", description = "Invalid range or beds")
    @APIResponse(responseCode = "403", description = "Not an officer of the site's county, nor an admin")
    @APIResponse(responseCode = "404", description = "No such site")
    @APIResponse(responseCode = "409", description = "Some room numbers exist already")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response createRooms(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @PathParam("code") String code, @Valid @NotNull NewRooms rooms) {
        List<RoomView> created = isolation.createRooms(code, rooms, caller.actor()).stream()
                .map(RoomView::of).toList();
        return Response.created(URI.create("/api/isolation/sites/" + code)).entity(created).build();
    }

    @POST
    @Path("/rooms/{id}/transitions")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Move a room to another state",
            description = "PLANNED → CONVERTING → READY → OCCUPIED → CLEANING → READY; OUT_OF_SERVICE from any state, "
                    + "left to CONVERTING or READY. A room CONVERTING may report progress; a room OCCUPIED a new "
                    + "occupant count. Leaving OCCUPIED needs zero occupants.")
    @APIResponse(responseCode = "200", description = "The room after the move")
    @APIResponse(responseCode = "400", description = "Fields that do not belong to the move, or out of range")
    @APIResponse(responseCode = "403", description = "Not an officer of the room's county, nor an admin")
    @APIResponse(responseCode = "404", description = "No such room")
    @APIResponse(responseCode = "409", description = "Illegal move (the body lists the allowed next states), "
            + "occupants over beds, or a room still occupied")
    public RoomView transition(@PathParam("id") long id, @Valid @NotNull RoomChange change) {
        return RoomView.of(isolation.transition(id, change, caller.actor()));
    }

    @GET
    @Path("/rooms/{id}/events")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "A room's transitions, newest first",
            description = "Every accepted move: from and to state, occupants, progress, who and when. Officers read "
                    + "their own county's rooms.")
    @APIResponse(responseCode = "200", description = "One page of events")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    @APIResponse(responseCode = "404", description = "No such room (or, for an officer, a room of another county)")
    public ResultPage<RoomEventView> events(@PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return isolation.events(id, page, size).map(RoomEventView::of);
    }

    @POST
    @Path("/sites/{code}/transitions")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Move many rooms of a site at once, all or nothing")
    @APIResponse(responseCode = "200", description = "The rooms after the move")
    @APIResponse(responseCode = "400", description = "Invalid move, or a room listed twice")
    @APIResponse(responseCode = "403", description = "Not an officer of the site's county, nor an admin")
    @APIResponse(responseCode = "404", description = "No such site, or rooms it does not have")
    @APIResponse(responseCode = "409", description = "Some rooms cannot move (listed in 'refused'); none moved")
    public List<RoomView> transitionAll(@PathParam("code") String code, @Valid @NotNull BulkRoomChange change) {
        return isolation.transitionAll(code, change, caller.actor()).stream().map(RoomView::of).toList();
    }

    @GET
    @Path("/capacity")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Isolation bed capacity, city-wide and per county",
            description = "Physical, ready and free beds, occupants and beds converting; with a date, the ready beds "
                    + "forecast for that date from expected conversion dates.")
    @APIResponse(responseCode = "200", description = "The capacity report")
    @APIResponse(responseCode = "400", description = "Malformed date, or a date before today")
    @APIResponse(responseCode = "404", description = "Unknown county")
    public CapacityReport capacity(@Parameter(description = "county code") @QueryParam("county") String county,
            @Parameter(description = "forecast date, ISO-8601 (default today)") @QueryParam("date") String date) {
        Optional<LocalDate> on = QueryParams.date(date, "date");
        // Rooms keep their current state only: a past day's figures do not exist to be shown.
        if (on.isPresent() && on.get().isBefore(LocalDate.now(clock))) {
            throw ProblemException.invalidField("date", "must be today or later: capacity is known for today and "
                    + "forecast ahead, not kept for past days");
        }
        return isolation.capacity(Optional.ofNullable(county), on);
    }
}
