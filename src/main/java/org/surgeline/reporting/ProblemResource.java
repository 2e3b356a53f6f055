package org.surgeline.reporting;

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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Idempotency;
import org.surgeline.platform.Idempotent;
import org.surgeline.platform.PageParams;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.QueryParams;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.Roles;

@Path("/api/problems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Problem list", description = "Problems with an owner, a measure and a deadline, chased until closed")
public class ProblemResource {

    @Inject
    ProblemService problems;
    @Inject
    CallerContext caller;

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Write up a problem",
            description = "OPEN, for a county (officers: their own), with an owner, a measure and a deadline (a "
                    + "date-time with offset, or a date meaning its end in the city's zone; a past one is accepted); "
                    + "optionally linked to a request, depot, site or lab.")
    @APIResponse(responseCode = "201", description = "Created; Location names the problem",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProblemView.class)))
    @APIResponse(responseCode = "400", description = "Invalid problem, malformed deadline, or a link to nothing")
    @APIResponse(responseCode = "403", description = "An officer writing for another county, or not an officer, "
            + "scheduler or admin")
    @APIResponse(responseCode = "404", description = "Unknown county")
    @APIResponse(responseCode = "409", description = "The county is retired")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response create(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull NewProblem problem) {
        ProblemView created = problems.create(problem, caller.actor());
        return Response.created(URI.create("/api/problems/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "List problems by deadline",
            description = "overdue=true: only those open or in progress past their deadline (computed now, never "
                    + "stored); overdue=false: none of them. Officers see their own county's.")
    @APIResponse(responseCode = "200", description = "One page of problems")
    @APIResponse(responseCode = "400", description = "Bad status, overdue, page or size")
    @APIResponse(responseCode = "403", description = "Not an officer, scheduler or admin")
    @APIResponse(responseCode = "404", description = "Unknown county (or, for an officer, another county)")
    public ResultPage<ProblemView> list(@Parameter(description = "county code") @QueryParam("county") String county,
            @Parameter(description = "OPEN, IN_PROGRESS, RESOLVED or WITHDRAWN") @QueryParam("status") String status,
            @Parameter(description = "true or false") @QueryParam("overdue") String overdue,
            @Valid @BeanParam PageParams paging) {
        return problems.list(Optional.ofNullable(county), QueryParams.enumValue(status, ProblemStatus.class, "status"),
                flag(overdue), paging.page, paging.size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one problem with its history")
    @APIResponse(responseCode = "200", description = "The problem; history lists every change")
    @APIResponse(responseCode = "403", description = "Not an officer, scheduler or admin")
    @APIResponse(responseCode = "404", description = "No such problem (or, for an officer, another county's)")
    public ProblemView get(@PathParam("id") long id) {
        return problems.get(id);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Move a problem along its life cycle",
            description = "OPEN → IN_PROGRESS → RESOLVED (a note is required), and WITHDRAWN from OPEN or IN_PROGRESS.")
    @APIResponse(responseCode = "200", description = "The problem as moved, with its history")
    @APIResponse(responseCode = "400", description = "Unknown status, or RESOLVED without a note")
    @APIResponse(responseCode = "403", description = "Not an officer, scheduler or admin")
    @APIResponse(responseCode = "404", description = "No such problem (or, for an officer, another county's)")
    @APIResponse(responseCode = "409", description = "A move the life cycle does not allow; allowed lists the next statuses")
    public ProblemView transition(@PathParam("id") long id, @Valid @NotNull ProblemTransition change) {
        return problems.transition(id, change, caller.actor());
    }

    private static Optional<Boolean> flag(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ProblemException.invalidField("overdue", "true or false");
        }
        return Optional.of(Boolean.parseBoolean(value));
    }
}
