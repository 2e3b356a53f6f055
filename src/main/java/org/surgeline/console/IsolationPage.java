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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.surgeline.isolation.BedCapacity;
import org.surgeline.isolation.BulkRoomChange;
import org.surgeline.isolation.IsolationRoom;
import org.surgeline.isolation.IsolationService;
import org.surgeline.isolation.IsolationSite;
import org.surgeline.isolation.RoomState;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Problem;
import org.surgeline.platform.Roles;
import org.surgeline.region.CountyService;

/**
 * The isolation desk: a county's sites (an officer's own; others choose), each with a grid of its rooms
 * by state and occupants, its conversion progress and expected ready date, and one form that moves the
 * selected rooms to a state together. The move is the API's bulk transition: all or nothing, and a
 * refusal lists each refused room and why.
 */
@Path("/console/isolation")
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class IsolationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance isolation(ConsoleContext.Frame frame, String county, String countyName,
                List<ConsoleContext.CountyChoice> counties, List<Site> sites, List<RoomState> states, boolean mayAct, DeskForm form,
                List<String> selected, List<Refusal> refusals, Integer moved);
    }

    /**
     * A site with its rooms and capacity, and its conversion: rooms still converting, their mean
     * progress, and the last expected ready date among them (null when none is converting).
     */
    @TemplateData
    public record Site(String code, String name, BedCapacity capacity, List<IsolationRoom> rooms, long converting,
            Long meanProgress, LocalDate readyBy) {

        static Site of(IsolationSite site, BedCapacity capacity, List<IsolationRoom> rooms) {
            List<IsolationRoom> converting = rooms.stream().filter(r -> r.state == RoomState.CONVERTING).toList();
            Long progress = converting.isEmpty() ? null
                    : Math.round(converting.stream().mapToInt(r -> r.progress).average().orElse(0));
            LocalDate readyBy = converting.stream().map(r -> r.expectedReadyOn).filter(Objects::nonNull)
                    .max(LocalDate::compareTo).orElse(null);
            return new Site(site.code, site.name, capacity, rooms, converting.size(), progress, readyBy);
        }
    }

    /** A room the bulk move refused, and why. */
    @TemplateData
    public record Refusal(String room, String detail) {
    }

    @Inject
    ConsoleContext console;
    @Inject
    CallerContext caller;
    @Inject
    IsolationService isolation;
    @Inject
    CountyService counties;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    public TemplateInstance desk(@QueryParam("county") String county, @QueryParam("moved") Integer moved) {
        return page(county, DeskForm.NONE, List.of(), moved);
    }

    @POST
    @Path("/sites/{code}/transitions")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    public Response move(@PathParam("code") String site, @RestForm("room") List<String> rooms, @RestForm String to,
            @RestForm String occupants, @RestForm String progress, @RestForm String expectedReadyOn) {
        String county = isolation.site(site).countyCode;
        DeskForm form = DeskForm.typed(site, "to", to, "occupants", occupants, "progress", progress,
                "expectedReadyOn", expectedReadyOn);
        return DeskForm.submit(() -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            BulkRoomChange change = new BulkRoomChange(rooms, form.parse("to", RoomState::valueOf, errors),
                    form.parse("occupants", Integer::valueOf, errors), form.parse("progress", Integer::valueOf, errors),
                    form.parse("expectedReadyOn", LocalDate::parse, errors));
            DeskForm.throwIfAny(errors);
            int count = isolation.transitionAll(site, console.valid(change), caller.actor()).size();
            return URI.create("/console/isolation?county=" + county + "&moved=" + count + "#site-" + site);
        }, problem -> page(county, form.refusedBy(problem), rooms, null));
    }

    private TemplateInstance page(String asked, DeskForm form, List<String> selected, Integer moved) {
        String county = console.deskCounty(asked);
        // Three queries whatever the number of sites: the sites, their rooms, their capacity.
        List<IsolationSite> countySites = isolation.sites(Optional.of(county));
        Map<String, List<IsolationRoom>> rooms = isolation.roomsBySite(countySites.stream().map(s -> s.code).toList());
        Map<String, BedCapacity> capacity = isolation.capacityBySiteOf(county);
        List<Site> sites = countySites.stream()
                .map(s -> Site.of(s, capacity.getOrDefault(s.code, BedCapacity.NONE), rooms.get(s.code)))
                .toList();
        // As in the API: officers move their own county's rooms, admins any.
        boolean mayAct = console.mayActFor(county, Roles.OFFICER, Roles.ADMIN);
        return console.render(Templates.isolation(console.frame("isolation"), county,
                console.countyName(counties.get(county)), console.countyChoices(), sites, List.of(RoomState.values()), mayAct, form,
                selected == null ? List.of() : selected, refusals(form.problem()), moved));
    }

    /** The rooms a bulk move refused, from the problem's {@code refused} list. */
    private static List<Refusal> refusals(Problem problem) {
        if (problem == null || !(problem.getExtensions().get("refused") instanceof List<?> refused)) {
            return List.of();
        }
        return refused.stream().map(r -> (Map<?, ?>) r)
                .map(r -> new Refusal(String.valueOf(r.get("room")), String.valueOf(r.get("detail")))).toList();
    }
}
