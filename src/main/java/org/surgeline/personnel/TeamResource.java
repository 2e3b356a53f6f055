package org.surgeline.personnel;

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

@Path("/api/teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Teams", description = "Deployable personnel teams")
public class TeamResource {

    @Inject
    TeamService teams;
    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "List teams", description = "Narrowed by skill and/or home county.")
    @APIResponse(responseCode = "200", description = "One page of teams in service (with includeRetired, the retired too), by code")
    @APIResponse(responseCode = "400", description = "Unknown skill, bad page or size")
    @APIResponse(responseCode = "404", description = "Unknown county")
    public ResultPage<TeamView> list(@Parameter(description = "skill") @QueryParam("skill") String skill,
            @Parameter(description = "home county code") @QueryParam("county") String county,
            @Valid @BeanParam PageParams paging,
            @Parameter(description = "also list retired teams") @QueryParam("includeRetired") @DefaultValue("false")
            boolean includeRetired) {
        ResultPage<Team> page = paging.of(teams.teams(QueryParams.enumValue(skill, Skill.class, "skill"),
                Optional.ofNullable(county), includeRetired));
        return page.withItems(teams.views(page.items()));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read one team, with its days off and deployments")
    @APIResponse(responseCode = "200", description = "The team (retired ones too); ETag carries its version")
    @APIResponse(responseCode = "404", description = "No such team")
    public RestResponse<TeamView> get(@PathParam("code") String code) {
        return tagged(teams.team(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit a team", description = "Send the ETag of your last read in If-Match; days off have their own endpoint.")
    @APIResponse(responseCode = "200", description = "The team as edited; ETag carries its new version")
    @APIResponse(responseCode = "400", description = "Invalid team")
    @APIResponse(responseCode = "403", description = "Only admins edit teams")
    @APIResponse(responseCode = "404", description = "Unknown team or home county")
    @APIResponse(responseCode = "409", description = "The new home county is retired")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: someone else changed it")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public RestResponse<TeamView> update(@PathParam("code") String code,
            @Parameter(description = "the ETag of your last read") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @Valid @NotNull TeamChange change) {
        teams.update(code, ifMatch, change, caller.actor());
        return tagged(teams.team(code));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a team",
            description = "Nothing is deleted: a retired team leaves the lists and the planner; its deployments stay readable.")
    @APIResponse(responseCode = "200", description = "The team, retired")
    @APIResponse(responseCode = "403", description = "Only admins retire teams")
    @APIResponse(responseCode = "404", description = "No such team")
    @APIResponse(responseCode = "409", description = "Booked from today on by the plan in force; heldBy names the deployment")
    public TeamView retire(@PathParam("code") String code) {
        teams.retire(code, caller.actor());
        return teams.view(teams.team(code));
    }

    private RestResponse<TeamView> tagged(Team team) {
        return RestResponse.ResponseBuilder.ok(teams.view(team)).tag(new EntityTag(String.valueOf(team.version)))
                .build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a team")
    @APIResponse(responseCode = "201", description = "Created; Location names the team")
    @APIResponse(responseCode = "400", description = "Invalid team")
    @APIResponse(responseCode = "403", description = "Only admins register teams")
    @APIResponse(responseCode = "404", description = "Unknown home county")
    @APIResponse(responseCode = "409", description = "A team with this code exists")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @Idempotent
    public Response create(@Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull NewTeam team) {
        Team created = teams.create(team, caller.actor());
        return Response.created(URI.create("/api/teams/" + created.code)).entity(teams.view(created)).build();
    }

    @PUT
    @Path("/{code}/unavailability")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Replace a team's days off (rest, training)")
    @APIResponse(responseCode = "200", description = "The team with its new days off")
    @APIResponse(responseCode = "400", description = "Malformed dates or more than 366")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins set days off")
    @APIResponse(responseCode = "404", description = "No such team")
    @APIResponse(responseCode = "409", description = "A day off on a day the team is deployed (team-deployed, naming "
            + "the deployment)")
    public TeamView replaceUnavailability(@PathParam("code") String code,
            @Valid @NotNull UnavailabilityChange change) {
        return teams.view(teams.replaceUnavailability(code, change.dates(), caller.actor()));
    }
}
