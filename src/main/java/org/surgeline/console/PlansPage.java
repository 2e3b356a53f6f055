package org.surgeline.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestForm;
import org.surgeline.personnel.Team;
import org.surgeline.personnel.TeamService;
import org.surgeline.planning.NewPlanRun;
import org.surgeline.planning.PlanDiff;
import org.surgeline.planning.PlanKind;
import org.surgeline.planning.PlanPublisher;
import org.surgeline.planning.PlanResult;
import org.surgeline.planning.PlanRun;
import org.surgeline.planning.PlanRunView;
import org.surgeline.planning.PlanService;
import org.surgeline.planning.PlanStatus;
import org.surgeline.planning.PlanningConfig;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Problem;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.Roles;
import org.surgeline.region.County;
import org.surgeline.region.CountyService;
import org.surgeline.request.RequestService;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.Depot;

/**
 * The planning desk. Schedulers start a run, watch its best score while it solves, review the
 * draft against the plan in force, and publish or discard it; warehouse staff read along. Every
 * action calls the service the API calls, and a refusal is shown on the plan's page in words.
 */
@Path("/console/plans")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
@ConsolePage
public class PlansPage {

    static final int PAGE_SIZE = 20;
    private static final EnumSet<PlanStatus> RUNNING = EnumSet.of(PlanStatus.QUEUED, PlanStatus.SOLVING);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plans(ConsoleContext.Frame frame, Listing runs, Long inForce, DeskForm form);

        static native TemplateInstance plan(ConsoleContext.Frame frame, Run run, Progress progress,
                PlanReview review, PlanMap map, Map<String, String> names, Refusal refusal, boolean oob);

        /** The progress panel alone; {@code oob} also refreshes the status in the page's heading. */
        static native TemplateInstance plan$progress(ConsoleContext.Frame frame, Run run, Progress progress,
                boolean oob);
    }

    /** A run as listed: the view, its score in words, and how long it solved. */
    @TemplateData
    public record Run(PlanRunView view, PlanScore score, PlanScore best, Long solvedSeconds) {

        public boolean running() {
            return RUNNING.contains(view.status());
        }

        public boolean draft() {
            return view.status() == PlanStatus.DRAFT;
        }
    }

    /** Why an action was refused: the problem's type ({@code stale-plan}, {@code plan-not-draft}...) and its detail. */
    @TemplateData
    public record Refusal(String kind, String detail) {

        /** Whether solving again is the way out: the draft no longer fits, or its plan was removed. */
        public boolean plansAgain() {
            return kind.equals("stale-plan") || kind.equals("plan-purged");
        }

        static Refusal of(Problem problem) {
            String type = problem.getType().getPath();
            return new Refusal(type.substring(type.lastIndexOf('/') + 1), problem.getDetail());
        }
    }

    /** One page of runs, newest first, with the pages before and after it (null at either end). */
    @TemplateData
    public record Listing(List<Run> items, long total, Integer newer, Integer older) {

        static Listing of(ResultPage<Run> page) {
            return new Listing(page.items(), page.total(), page.page() > 0 ? page.page() - 1 : null,
                    (long) (page.page() + 1) * page.size() < page.total() ? page.page() + 1 : null);
        }
    }

    /** What the scheduler watches while a run solves: seconds since it started, and when its best score was found. */
    @TemplateData
    public record Progress(long elapsedSeconds, Long bestFoundAfterSeconds) {
    }

    @Inject
    ConsoleContext console;
    @Inject
    CallerContext caller;
    @Inject
    PlanService plans;
    @Inject
    PlanPublisher publisher;
    @Inject
    PlanningConfig config;
    @Inject
    RequestService requests;
    @Inject
    CountyService counties;
    @Inject
    CatalogService catalog;
    @Inject
    TeamService teams;
    @Inject
    Clock clock;
    /** For the map's labels, built here rather than in the template. */
    @Inject
    ConsoleMessages english;
    @Inject
    @Localized("zh")
    ConsoleMessages chinese;

    @GET
    public TemplateInstance desk(@QueryParam("page") Integer page) {
        return desk(page, DeskForm.typed("start", "horizonDays", String.valueOf(config.horizonDays()),
                "timeLimitSeconds", String.valueOf(config.defaultTimeLimitSeconds())));
    }

    private TemplateInstance desk(Integer page, DeskForm form) {
        int index = page == null || page < 0 ? 0 : page;
        Listing runs = Listing.of(plans.list(Optional.empty(), index, PAGE_SIZE).map(this::run));
        Long inForce = plans.list(Optional.of(PlanStatus.PUBLISHED), 0, 1).items().stream().findFirst()
                .map(r -> r.id).orElse(null);
        return console.render(Templates.plans(console.frame("plans"), runs, inForce, form));
    }

    /** Starts a manual run; the form comes back with its refusals if the numbers are not allowed. */
    @POST
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response start(@RestForm String horizonDays, @RestForm String timeLimitSeconds) {
        DeskForm form = DeskForm.typed("start", "horizonDays", horizonDays, "timeLimitSeconds", timeLimitSeconds);
        try {
            List<Problem.FieldError> unreadable = new ArrayList<>();
            NewPlanRun request = new NewPlanRun(null, form.parse("horizonDays", Integer::valueOf, unreadable),
                    form.parse("timeLimitSeconds", Integer::valueOf, unreadable));
            DeskForm.throwIfAny(unreadable);
            PlanRun run = plans.queue(console.valid(request), PlanKind.MANUAL, null, "MANUAL", caller.actor(), null);
            return Response.seeOther(URI.create("/console/plans/" + run.id)).build();
        } catch (ProblemException e) {
            // 400: a number refused; 429: this scheduler already has as many runs waiting as allowed.
            if (e.problem().getStatus() != 400 && e.problem().getStatus() != 429) {
                throw e;
            }
            return Response.status(e.problem().getStatus()).entity(desk(0, form.refusedBy(e.problem()))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance plan(@PathParam("id") long id) {
        return detail(id, null);
    }

    /** The progress panel, polled by htmx every two seconds while the run is queued or solving. */
    @GET
    @Path("/{id}/progress")
    public Response progress(@PathParam("id") long id, @HeaderParam("HX-Request") String htmx) {
        if (htmx == null) {
            // Only htmx asks for the panel alone; a browser that opens its address gets the whole page.
            return Response.seeOther(URI.create("/console/plans/" + id)).build();
        }
        Run run = run(plans.get(id));
        Response.ResponseBuilder panel = Response.ok(console.render(
                Templates.plan$progress(console.frame("plans"), run, progress(run.view()), true)));
        // Solved, failed or stopped: the page reloads to show the draft (or why there is none).
        return run.running() ? panel.build() : panel.header("HX-Refresh", "true").build();
    }

    @POST
    @Path("/{id}/stop")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response stop(@PathParam("id") long id) {
        return act(id, () -> plans.stop(id));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response publish(@PathParam("id") long id) {
        return act(id, () -> publisher.publish(id, caller.actor()));
    }

    @POST
    @Path("/{id}/discard")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response discard(@PathParam("id") long id) {
        return act(id, () -> plans.discard(id));
    }

    private TemplateInstance detail(long id, Refusal refusal) {
        PlanRun stored = plans.get(id);
        Run run = run(stored);
        Optional<PlanResult> result = plans.result(stored);
        PlanReview review = null;
        PlanMap map = null;
        Map<String, String> names = Map.of();
        if (result.isPresent()) {
            List<County> all = counties.list(true);
            names = all.stream().collect(Collectors.toMap(c -> c.code, console::countyName));
            PlanResult plan = result.get();
            // Only a draft can still be published: what it would change is worth reading (and computing) for it alone.
            PlanDiff diff = run.draft() ? plans.diff(id) : PlanDiff.none(id);
            review = PlanReview.of(plan, diff, requests.priorities(Stream.concat(
                    plan.explanation().stream().map(PlanResult.LineExplanation::requestId),
                    plan.unmet().stream().map(PlanResult.Unmet::requestId)).collect(Collectors.toSet())));
            map = PlanMap.of(plan, all,
                    catalog.depots(Optional.empty(), true).stream().collect(Collectors.toMap(d -> d.code, (Depot d) -> d.countyCode)),
                    teams.teams(Optional.empty(), Optional.empty(), true).stream()
                            .collect(Collectors.toMap(t -> t.code, (Team t) -> t.homeCounty)),
                    console::countyName, console.locale(),
                    (console.language().equals("zh") ? chinese : english)::teamDays);
        }
        return console.render(Templates.plan(console.frame("plans"), run,
                run.running() ? progress(run.view()) : null, review, map, names, refusal, false));
    }

    /** Runs an action; a refusal (a stale draft, a run that moved on) is shown on the plan's page in words. */
    private Response act(long id, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/console/plans/" + id)).build();
        } catch (ProblemException e) {
            if (e.problem().getStatus() == 404) {
                throw e;
            }
            return Response.status(e.problem().getStatus()).entity(detail(id, Refusal.of(e.problem()))).build();
        }
    }

    private Run run(PlanRun run) {
        PlanRunView view = PlanRunView.of(run, caller);
        Long solved = run.startedAt != null && run.endedAt != null
                ? Duration.between(run.startedAt, run.endedAt).toSeconds() : null;
        return new Run(view, PlanScore.of(run.score), PlanScore.of(run.bestScore), solved);
    }

    private Progress progress(PlanRunView run) {
        if (run.startedAt() == null) {
            return new Progress(0, null);
        }
        return new Progress(Math.max(0, Duration.between(run.startedAt(), clock.instant()).toSeconds()),
                run.bestScoreAt() == null ? null : Math.max(0, Duration.between(run.startedAt(), run.bestScoreAt())
                        .toSeconds()));
    }
}
