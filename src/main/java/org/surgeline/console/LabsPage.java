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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Problem;
import org.surgeline.platform.Roles;
import org.surgeline.region.CountyService;
import org.surgeline.testing.CapacityChange;
import org.surgeline.testing.DayLoadReport;
import org.surgeline.testing.LabFigures;
import org.surgeline.testing.LabService;
import org.surgeline.testing.LabView;

/**
 * The lab desk: a county's labs (an officer's own; others choose) with capacity and today's figures;
 * for the selected lab the daily figures form, a capacity change from a date, and a chart of its last
 * 14 days. The forms call the API's service methods, so its checks (a lab never tests more than it
 * holds, capacity history is kept) refuse here too.
 */
@Path("/console/labs")
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public class LabsPage {

    static final int DAYS = 14;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance labs(ConsoleContext.Frame frame, String county, String countyName,
                List<ConsoleContext.CountyChoice> counties, List<LabView> labs, LabView lab, History history,
                boolean mayAct, DeskForm form, LocalDate today, String saved);
    }

    /** The selected lab's last days, oldest first: capacity, samples received and backlog, for the chart. */
    @TemplateData
    public record History(List<LocalDate> days, List<Long> capacity, List<Long> received, List<Long> backlog) {

        static History of(Map<LocalDate, LabFigures> byDay) {
            List<LabFigures> figures = List.copyOf(byDay.values());
            return new History(List.copyOf(byDay.keySet()), figures.stream().map(LabFigures::capacitySamples).toList(),
                    figures.stream().map(LabFigures::samplesReceived).toList(),
                    figures.stream().map(LabFigures::backlogOut).toList());
        }
    }

    @Inject
    ConsoleContext console;
    @Inject
    CallerContext caller;
    @Inject
    LabService labService;
    @Inject
    CountyService counties;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    public TemplateInstance desk(@QueryParam("county") String county, @QueryParam("lab") String lab,
            @QueryParam("saved") String saved) {
        return page(county, lab, DeskForm.NONE, saved);
    }

    @POST
    @Path("/{code}/days")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    public Response recordDay(@PathParam("code") String code, @RestForm String day, @RestForm String received,
            @RestForm String tested, @RestForm String turnaround) {
        // The day is "date" in the form, as in the API: the service's refusals of it name that field.
        DeskForm form = DeskForm.typed("figures", "date", day, "samplesReceived", received, "samplesTested", tested,
                "meanTurnaroundHours", turnaround);
        return DeskForm.submit(() -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            LocalDate date = Optional.ofNullable(form.parse("date", LocalDate::parse, errors))
                    .orElseGet(() -> LocalDate.now(clock));
            DayLoadReport report = new DayLoadReport(form.parse("samplesReceived", Long::valueOf, errors),
                    form.parse("samplesTested", Long::valueOf, errors),
                    form.parse("meanTurnaroundHours", Double::valueOf, errors));
            DeskForm.throwIfAny(errors);
            labService.recordDay(code, date, console.valid(report), caller.actor());
            return URI.create("/console/labs?lab=" + ConsoleFormat.encoded(code) + "&saved=figures");
        }, problem -> page(null, code, form.refusedBy(problem), null));
    }

    @POST
    @Path("/{code}/capacity")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    public Response changeCapacity(@PathParam("code") String code, @RestForm String tubesPerDay,
            @RestForm String poolingRatio, @RestForm String effectiveFrom) {
        DeskForm form = DeskForm.typed("capacity", "tubesPerDay", tubesPerDay, "poolingRatio", poolingRatio,
                "effectiveFrom", effectiveFrom);
        return DeskForm.submit(() -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            CapacityChange change = new CapacityChange(form.parse("tubesPerDay", Integer::valueOf, errors),
                    form.parse("poolingRatio", Integer::valueOf, errors),
                    form.parse("effectiveFrom", LocalDate::parse, errors));
            DeskForm.throwIfAny(errors);
            labService.changeCapacity(code, console.valid(change), caller.actor());
            return URI.create("/console/labs?lab=" + ConsoleFormat.encoded(code) + "&saved=capacity");
        }, problem -> page(null, code, form.refusedBy(problem), null));
    }

    /** The desk of a county, or of the county of the lab asked for; an officer's own only (another is not found). */
    private TemplateInstance page(String asked, String labCode, DeskForm form, String saved) {
        String county = console.deskCounty(labCode == null || labCode.isBlank() ? asked
                : labService.lab(labCode.trim()).countyCode);
        List<LabView> labs = labService.labViews(Optional.of(county), false);
        LocalDate today = LocalDate.now(clock);
        LabView lab = labs.stream().filter(l -> l.code().equals(labCode)).findFirst()
                .orElse(labs.isEmpty() ? null : labs.get(0));
        History history = History.of(lab == null ? Map.of()
                : labService.history(lab.code(), today.minusDays(DAYS - 1), today));
        // As in the API: officers report their own county's labs, admins any.
        return console.render(Templates.labs(console.frame("labs"), county, console.countyName(counties.get(county)),
                console.countyChoices(), labs, lab, history, console.mayActFor(county, Roles.OFFICER, Roles.ADMIN),
                form, today, saved));
    }
}
