package org.surgeline.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.PageParams;
import org.surgeline.platform.QueryParams;
import org.surgeline.platform.Roles;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Deployment plans: solve, read, explain, publish")
public class PlanResource {

    @Inject
    PlanService plans;
    @Inject
    PlanPublisher publisher;
    @Inject
    PlanningSchedule schedule;
    @Inject
    CallerContext caller;

    @POST
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Queue a planning run",
            description = "The run waits QUEUED until an instance claims it, then SOLVING, then DRAFT. Scheduled runs "
                    + "(nightly, rebalancing) are claimed before manual ones.")
    @APIResponse(responseCode = "202", description = "Queued; Location names the plan")
    @APIResponse(responseCode = "400", description = "planDate before today or after today + plan-date-window-days "
            + "(31), horizon outside 1-31 days, or time limit outside 1 s to "
            + "surgeline.planning.max-time-limit-seconds (300)")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins plan")
    @APIResponse(responseCode = "429", description = "The caller already has surgeline.planning.max-queued-per-caller "
            + "runs queued or solving (too-many-runs)")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response queue(@RequestBody(required = false, description = "optional; every field has a default")
            @Valid NewPlanRun request) {
        PlanRun run = plans.queue(request == null ? new NewPlanRun(null, null, null) : request, PlanKind.MANUAL,
                null, "MANUAL", caller.actor(), null);
        return Response.accepted(view(run)).location(URI.create("/api/plans/" + run.id)).build();
    }

    @POST
    @Path("/rebalance")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Run the rebalancing trigger check now",
            description = "Reports which triggers fire (unplanned CRITICAL lines, depots below their floor, counties "
                    + "short of free isolation beds, overloaded labs). If any fires, a REBALANCE run is queued that "
                    + "starts from the published plan; if none fires, nothing is queued. Nothing is queued either "
                    + "when a run for the same triggers is queued or solving, or when the last one started from the "
                    + "same state and was not published: `skipped` names that run.")
    @APIResponse(responseCode = "202", description = "Triggers fired; Location names the queued run")
    @APIResponse(responseCode = "200", description = "No trigger fired, or the run would repeat another (`skipped`); "
            + "nothing queued")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins rebalance")
    @APIResponse(responseCode = "429", description = "The caller already has surgeline.planning.max-queued-per-caller "
            + "runs queued or solving (too-many-runs)")
    public Response rebalance() {
        PlanningSchedule.Outcome outcome = schedule.checkNow(caller.actor());
        RebalanceCheck body = new RebalanceCheck(outcome.triggers(), outcome.run().map(this::view).orElse(null),
                outcome.skipped().map(s -> new Skipped(s.rule, s.runId, s.reason)).orElse(null));
        return outcome.run()
                .map(run -> Response.accepted(body).location(URI.create("/api/plans/" + run.id)))
                .orElseGet(() -> Response.ok(body)).build();
    }

    /**
     * What {@code POST /api/plans/rebalance} found, and the run it queued (null when nothing fired
     * or when it was skipped because it would repeat run {@code skipped.runId}).
     */
    public record RebalanceCheck(List<RebalanceTrigger> triggers, PlanRunView run, Skipped skipped) {
    }

    /** Why no run was queued although triggers fired. */
    public record Skipped(PlanSkip.Rule rule, long runId, String reason) {
    }

    @GET
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "List plan runs, newest first")
    @APIResponse(responseCode = "200", description = "One page of runs")
    @APIResponse(responseCode = "400", description = "Unknown status, bad page or size")
    @APIResponse(responseCode = "403", description = "Officers read explanations, not whole plans")
    public ResultPage<PlanRunView> list(@Parameter(description = "status") @QueryParam("status") String status,
            @Valid @BeanParam PageParams paging) {
        return plans.list(QueryParams.enumValue(status, PlanStatus.class, "status"), paging.page, paging.size)
                .map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read a plan: status, score and its assignments grouped for reading")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "403", description = "Officers read explanations, not whole plans")
    @APIResponse(responseCode = "404", description = "No such plan")
    public PlanView get(@PathParam("id") long id) {
        PlanRun run = plans.get(id);
        return PlanView.of(view(run), plans.result(run));
    }

    @GET
    @Path("/{id}/status")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "A plan's status and score (cheap, for polling)",
            description = "While the run is SOLVING, bestScore is the best score found so far and bestScoreAt when "
                    + "it was found, updated at most once a second (an uninitialized score, -Ninit/..., while the "
                    + "first plan is still being built); once solved, the final score.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "403", description = "Officers read explanations, not whole plans")
    @APIResponse(responseCode = "404", description = "No such plan")
    public PlanRunView status(@PathParam("id") long id) {
        return view(plans.get(id));
    }

    @GET
    @Path("/{id}/explanation")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Why each request line got what it got",
            description = "Per approved request line, in its units: asked, and where all of it stands (earlier, the "
                    + "county's own capacity, met, unmet, beyond the horizon), with the reasons in sentences. Officers "
                    + "see their own county's lines in their own terms (no other county's depots or figures); "
                    + "schedulers and admins read the full text and the officers' text (countyReasons).")
    @APIResponse(responseCode = "200", description = "The explanation (empty until the plan is solved)")
    @APIResponse(responseCode = "404", description = "No such plan")
    public List<PlanResult.LineExplanation> explanation(@PathParam("id") long id) {
        return plans.explanation(id);
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "What publishing a plan would change in the plan in force",
            description = "Per kind (SUPPLY, TEAM, ISOLATION_BEDS, LAB_THROUGHPUT): the assignments added, removed and "
                    + "changed, with counts. An assignment is what one request line gets on one day (supplies: over "
                    + "the plan) and from whom: depots and units, teams, isolation sites and beds, labs and samples. "
                    + "Of the plan in force only what publishing replaces is compared: shipments not yet dispatched, "
                    + "days from this plan's date on. Empty, with inForceId null, when nothing is in force or this "
                    + "plan is the one in force.")
    @APIResponse(responseCode = "200", description = "The changes")
    @APIResponse(responseCode = "403", description = "Officers read explanations, not whole plans")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The run has no plan (queued, solving, failed, or removed by "
            + "retention): plan-without-result")
    public PlanDiff diff(@PathParam("id") long id) {
        return plans.diff(id);
    }

    @POST
    @Path("/{id}/discard")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Discard a draft",
            description = "The draft will never be published: it becomes CANCELLED, with discardedBy and discardedAt. "
                    + "Its plan stays readable until retention removes it.")
    @APIResponse(responseCode = "200", description = "The run, CANCELLED")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins discard plans")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Not a draft (plan-not-draft)")
    public PlanRunView discard(@PathParam("id") long id) {
        return view(plans.discard(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Stop a plan early",
            description = "A queued run is cancelled; a solving run stops and keeps the best plan found so far.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins stop plans")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Not queued or solving")
    public PlanRunView stop(@PathParam("id") long id) {
        return view(plans.stop(id));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Publish a draft",
            description = "In one transaction: the plan in force gives back what it had not yet carried out (shipments "
                    + "not dispatched, team days from this plan's date on, line coverage), then this plan's shipments are "
                    + "planned with their stock reserved, team deployments booked, lines marked planned, and the "
                    + "previous plan superseded. A draft solved from another plan than the one in force is stale.")
    @APIResponse(responseCode = "200", description = "The run, PUBLISHED")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins publish")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Not a draft, or the draft no longer fits or was solved from another "
            + "published plan (stale-plan), or retention removed its result (plan-purged): nothing changed")
    public PlanRunView publish(@PathParam("id") long id) {
        return view(publisher.publish(id, caller.actor()));
    }

    private PlanRunView view(PlanRun run) {
        return PlanRunView.of(run, caller);
    }
}
