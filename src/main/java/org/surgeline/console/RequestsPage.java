package org.surgeline.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.surgeline.personnel.Skill;
import org.surgeline.planning.PlanResult;
import org.surgeline.planning.PlanService;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Problem;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.Roles;
import org.surgeline.region.CountyService;
import org.surgeline.request.DecisionNote;
import org.surgeline.request.LineKind;
import org.surgeline.request.NewAllocationRequest;
import org.surgeline.request.Priority;
import org.surgeline.request.Rejection;
import org.surgeline.request.RequestService;
import org.surgeline.request.RequestStatus;
import org.surgeline.request.RequestView;
import org.surgeline.request.ShipmentService;
import org.surgeline.request.ShipmentView;
import org.surgeline.stock.CatalogService;

/**
 * The requests desk. Officers submit their county's requests and follow them; schedulers decide the
 * inbox of submitted requests. Every action posts to the same service method the API calls, so its
 * rules (validation, county scope, four-eyes) hold here too, and a refusal is shown on the page.
 */
@Path("/console/requests")
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class RequestsPage {

    /** Requests listed on the desk: the newest of the viewer's scope. */
    static final int LISTED = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance requests(ConsoleContext.Frame frame, RequestForm form, Choices choices,
                List<RequestView> inbox, List<RequestView> requests);

        static native TemplateInstance request(ConsoleContext.Frame frame, RequestView request, String countyName,
                List<ShipmentView> shipments, Map<Integer, PlanResult.LineExplanation> explanations,
                Actions actions, Problem problem);
    }

    /** What the viewer may do with a request now: its allowed next states that the viewer's role may take. */
    @TemplateData
    public record Actions(boolean approve, boolean reject, boolean cancel, boolean close) {

        public boolean any() {
            return approve || reject || cancel || close;
        }
    }

    /** The choices the new-request form offers. */
    @TemplateData
    public record Choices(List<String> counties, List<String> items, List<LineKind> kinds, List<Skill> skills,
            List<Priority> priorities) {
    }

    @Inject
    ConsoleContext console;
    @Inject
    CallerContext caller;
    @Inject
    RequestService requests;
    @Inject
    ShipmentService shipments;
    @Inject
    PlanService plans;
    @Inject
    CatalogService catalog;
    @Inject
    CountyService counties;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    public TemplateInstance desk() {
        return page(RequestForm.empty(LocalDate.now(clock).plusDays(1)));
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    public Response submit(@RestForm String county, @RestForm String priority, @RestForm String neededBy,
            @RestForm String justification, @RestForm("kind") List<String> kinds, @RestForm("item") List<String> items,
            @RestForm("skill") List<String> skills, @RestForm("quantity") List<String> quantities,
            @RestForm("fromDate") List<String> fromDates, @RestForm("days") List<String> days) {
        RequestForm form = RequestForm.of(county, priority, neededBy, justification, kinds, items, skills,
                quantities, fromDates, days);
        try {
            NewAllocationRequest request = form.toRequest();
            console.valid(request);
            RequestView created = requests.submit(request, caller.actor());
            return Response.seeOther(URI.create("/console/requests/" + created.id())).build();
        } catch (ProblemException e) {
            if (e.problem().getStatus() != 400) {
                throw e;
            }
            return Response.status(400).entity(page(form.withErrors(e.problem()))).build();
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    public TemplateInstance request(@PathParam("id") long id) {
        return detail(id, null);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response approve(@PathParam("id") long id, @RestForm String note) {
        return act(id, () -> requests.approve(id, console.valid(new DecisionNote(DeskForm.blankToNull(note))).note(), caller.actor()));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response reject(@PathParam("id") long id, @RestForm String reason) {
        return act(id, () -> requests.reject(id, console.valid(new Rejection(DeskForm.blankToNull(reason))).reason(), caller.actor()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    public Response cancel(@PathParam("id") long id, @RestForm String note) {
        return act(id, () -> requests.cancel(id, console.valid(new DecisionNote(DeskForm.blankToNull(note))).note(), caller.actor()));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    public Response close(@PathParam("id") long id) {
        return act(id, () -> requests.close(id, caller.actor()));
    }

    private TemplateInstance page(RequestForm form) {
        ConsoleContext.Frame frame = console.frame("requests");
        List<RequestView> inbox = frame.isScheduler()
                ? requests.inbox().stream().map(RequestView::of).toList() : List.of();
        List<RequestView> listed = requests.list(Optional.empty(), Optional.empty(), Optional.empty(), 0, LISTED)
                .items().stream().map(RequestView::of).toList();
        Choices choices = new Choices(counties.list().stream().map(c -> c.code).toList(),
                catalog.items().stream().map(i -> i.code).toList(), List.of(LineKind.values()),
                List.of(Skill.values()), List.of(Priority.values()));
        return console.render(Templates.requests(frame, form, choices, inbox, listed));
    }

    private TemplateInstance detail(long id, Problem problem) {
        RequestView request = RequestView.of(requests.visible(id));
        List<ShipmentView> shipped = shipments.list(Optional.empty(), Optional.empty(), Optional.of(id), 0, 500)
                .items().stream().map(ShipmentView::of).toList();
        Map<Integer, PlanResult.LineExplanation> explanations = plans.explanationInForce(id).stream()
                .collect(Collectors.toMap(PlanResult.LineExplanation::lineNo, Function.identity(), (a, b) -> a));
        return console.render(Templates.request(console.frame("requests"), request,
                console.countyName(counties.get(request.county())), shipped, explanations,
                actions(request), problem));
    }

    /** The actions to offer: what the request's state allows, narrowed to what the viewer's role may do. */
    private Actions actions(RequestView request) {
        boolean decides = caller.hasRole(Roles.SCHEDULER) || caller.hasRole(Roles.ADMIN);
        boolean decidable = decides && request.allowedNext().contains(RequestStatus.APPROVED);
        return new Actions(decidable, decidable,
                (decides || caller.hasRole(Roles.OFFICER)) && request.allowedNext().contains(RequestStatus.CANCELLED),
                decides && EnumSet.of(RequestStatus.PLANNED, RequestStatus.DISPATCHED).contains(request.status()));
    }

    /** Runs an action; a refusal (four-eyes, a state that moved on, a missing reason) is shown on the request's page. */
    private Response act(long id, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/console/requests/" + id)).build();
        } catch (ProblemException e) {
            if (e.problem().getStatus() == 404) {
                throw e;
            }
            return Response.status(e.problem().getStatus()).entity(detail(id, e.problem())).build();
        }
    }
}
