package org.surgeline.testing;

import org.surgeline.platform.ETags;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.DELETE;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
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

@Path("/api/labs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Testing labs", description = "Nucleic-acid testing labs: capacity, daily load and backlog")
public class LabResource {

    @Inject
    LabService labs;
    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "List labs with today's figures")
    @APIResponse(responseCode = "200", description = "One page of labs in service (with includeRetired, the retired too), by code")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    @APIResponse(responseCode = "404", description = "Unknown county")
    public ResultPage<LabView> list(@Parameter(description = "county code") @QueryParam("county") String county,
            @Valid @BeanParam PageParams paging,
            @Parameter(description = "also list retired labs") @QueryParam("includeRetired") @DefaultValue("false")
            boolean includeRetired) {
        return paging.of(labs.labViews(Optional.ofNullable(county), includeRetired));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one lab: figures on a date (default today) and capacity history")
    @APIResponse(responseCode = "200", description = "The lab (retired ones too); ETag carries its version")
    @APIResponse(responseCode = "400", description = "Malformed date")
    @APIResponse(responseCode = "404", description = "No such lab")
    public RestResponse<LabView> get(@PathParam("code") String code,
            @Parameter(description = "ISO-8601 date") @QueryParam("date") String date) {
        LabView view = labs.view(code, QueryParams.date(date, "date"));
        return RestResponse.ResponseBuilder.ok(view).tag(new EntityTag(String.valueOf(labs.lab(code).version))).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit a lab's name and county",
            description = "Send the ETag of your last read in If-Match; capacity and status have their own endpoints.")
    @APIResponse(responseCode = "200", description = "The lab as edited; ETag carries its new version")
    @APIResponse(responseCode = "400", description = "Invalid lab")
    @APIResponse(responseCode = "403", description = "Only admins edit labs")
    @APIResponse(responseCode = "404", description = "Unknown lab or county")
    @APIResponse(responseCode = "409", description = "The new county is retired")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: someone else changed it")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public RestResponse<LabView> update(@PathParam("code") String code,
            @Parameter(description = "the ETag of your last read") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @Valid @NotNull LabChange change) {
        TestingLab lab = labs.updateLab(code, ifMatch, change, caller.actor());
        return RestResponse.ResponseBuilder.ok(labs.view(code, Optional.empty()))
                .tag(new EntityTag(String.valueOf(lab.version))).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a lab",
            description = "Nothing is deleted: a retired lab leaves the lists, the reports and the planner.")
    @APIResponse(responseCode = "200", description = "The lab, retired")
    @APIResponse(responseCode = "403", description = "Only admins retire labs")
    @APIResponse(responseCode = "404", description = "No such lab")
    @APIResponse(responseCode = "409", description = "Samples wait in its backlog; heldBy says how many")
    public LabView retire(@PathParam("code") String code) {
        labs.retireLab(code, caller.actor());
        return labs.view(code, Optional.empty());
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Register a lab", description = "Officers register labs of their own county.")
    @APIResponse(responseCode = "201", description = "Created; Location names the lab")
    @APIResponse(responseCode = "400", description = "Invalid lab")
    @APIResponse(responseCode = "403", description = "Not an officer of this county, nor an admin")
    @APIResponse(responseCode = "404", description = "Unknown county")
    @APIResponse(responseCode = "409", description = "A lab with this code exists")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response create(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull NewLab lab) {
        TestingLab created = labs.createLab(lab, caller.actor());
        return Response.created(URI.create("/api/labs/" + created.code))
                .entity(labs.view(created.code, Optional.empty())).build();
    }

    @PUT
    @Path("/{code}/capacity")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Change a lab's capacity from a date on (default today)",
            description = "Adds a version to the capacity history; figures before that date do not change.")
    @APIResponse(responseCode = "200", description = "The lab with its history")
    @APIResponse(responseCode = "400", description = "Invalid capacity, or a date in the past")
    @APIResponse(responseCode = "403", description = "Not an officer of the lab's county, nor an admin")
    @APIResponse(responseCode = "404", description = "No such lab")
    public LabView changeCapacity(@PathParam("code") String code, @Valid @NotNull CapacityChange change) {
        return labs.changeCapacity(code, change, caller.actor());
    }

    @PUT
    @Path("/{code}/status")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Suspend or reactivate a lab from a date on",
            description = "A suspended lab's capacity counts as zero from effectiveFrom (today or later, default "
                    + "today) on; days before keep the status they had.")
    @APIResponse(responseCode = "200", description = "The lab, as of today")
    @APIResponse(responseCode = "400", description = "Unknown status, or effectiveFrom before today")
    @APIResponse(responseCode = "403", description = "Not an officer of the lab's county, nor an admin")
    @APIResponse(responseCode = "404", description = "No such lab")
    public LabView changeStatus(@PathParam("code") String code, @Valid @NotNull StatusChange change) {
        return labs.changeStatus(code, change.status(), change.effectiveFrom(), caller.actor());
    }

    @PUT
    @Path("/{code}/days/{date}")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Report what a lab received and tested on a day",
            description = "Idempotent: the same report again changes nothing. Tested may not exceed backlog carried "
                    + "in plus received, on that day or, through the backlog, on any later day.")
    @APIResponse(responseCode = "200", description = "The lab's figures for that day")
    @APIResponse(responseCode = "400", description = "Invalid figures, tested over backlog + received, a date in "
            + "the future or malformed")
    @APIResponse(responseCode = "403", description = "Not an officer of the lab's county, nor an admin")
    @APIResponse(responseCode = "404", description = "No such lab")
    public LabView recordDay(@PathParam("code") String code, @PathParam("date") String date,
            @Valid @NotNull DayLoadReport report) {
        LocalDate day = QueryParams.date(date, "date").orElseThrow();
        return labs.recordDay(code, day, report, caller.actor());
    }

    @GET
    @Path("/capacity")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Lab capacity and load, city-wide, per county and per lab",
            description = "Capacity in samples/day (tubes × pooling ratio), received, tested, backlog in and out, "
                    + "utilization and days to clear the backlog, on a date (default today).")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Malformed date")
    @APIResponse(responseCode = "404", description = "Unknown county")
    public LabCapacityReport capacity(@Parameter(description = "county code") @QueryParam("county") String county,
            @Parameter(description = "ISO-8601 date (default today)") @QueryParam("date") String date) {
        return labs.report(Optional.ofNullable(county), QueryParams.date(date, "date"));
    }
}
