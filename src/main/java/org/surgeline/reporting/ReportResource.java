package org.surgeline.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.QueryParams;
import org.surgeline.platform.Roles;

@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Daily routine", description = "Daily and zero reports, the city's summary, alerts and the counties' figures")
public class ReportResource {

    static final String CSV = "text/csv";

    @Inject
    DailyReportService reports;
    @Inject
    RoutineAlerts alerts;
    @Inject
    FiguresHistory history;
    @Inject
    SummaryCsv csv;
    @Inject
    ReportCalendar calendar;
    @Inject
    CallerContext caller;

    @PUT
    @Path("/daily/{county}/{date}")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Submit or amend a county's daily report",
            description = "The figures are filled in by the service at each submission. Idempotent: the same narrative "
                    + "and zero flag again change nothing. Until the day closes (surgeline.reporting.close, 08:00 the "
                    + "next day) a different body adds a version, the earlier ones kept; a first submission after the "
                    + "cutoff (surgeline.reporting.cutoff, 16:00) is accepted and marked late.")
    @APIResponse(responseCode = "200", description = "The report, amended or unchanged, with its versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailyReportView.class)))
    @APIResponse(responseCode = "201", description = "The report, first submitted; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailyReportView.class)))
    @APIResponse(responseCode = "400", description = "No narrative on a report that is not a zero report, a narrative "
            + "over 4,000 characters, a day in the future or malformed")
    @APIResponse(responseCode = "403", description = "Neither an officer nor an admin")
    @APIResponse(responseCode = "404", description = "Unknown county (or, for an officer, another county)")
    @APIResponse(responseCode = "409", description = "The day is closed (report-day-closed), or the county is retired")
    public Response submit(@PathParam("county") String county, @PathParam("date") String date,
            @Valid @NotNull DailySubmission body) {
        DailyReportService.Submitted submitted = reports.submit(county, day(date), body, caller.actor());
        return (submitted.created() ? Response.created(URI.create("/api/reports/daily/" + county + "/" + date))
                : Response.ok()).entity(submitted.report()).build();
    }

    @GET
    @Path("/daily/{county}/{date}")
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Read a county's daily report with every version")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Malformed date")
    @APIResponse(responseCode = "403", description = "Not an officer, scheduler or admin")
    @APIResponse(responseCode = "404", description = "No report, or unknown county (or, for an officer, another county)")
    public DailyReportView get(@PathParam("county") String county, @PathParam("date") String date) {
        return reports.report(county, day(date));
    }

    @GET
    @Path("/daily")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "The city's summary of a day",
            description = "One row per county expected to report (ON_TIME, LATE or MISSING), the city totals and the "
                    + "change since the previous day, from the figures stored with the reports. As JSON, or as CSV with "
                    + "Accept: text/csv (a CITY row last). A closed day's summary never changes. Printable: "
                    + "/reports/daily/{date}.")
    @APIResponse(responseCode = "200", description = "The summary", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailySummary.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Malformed date")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins read the city's summary")
    public Response summary(@Parameter(description = "ISO-8601 date (default today)") @QueryParam("date") String date,
            @Context HttpHeaders headers) {
        DailySummary summary = reports.summary(QueryParams.date(date, "date").orElseGet(calendar::today));
        boolean csvAsked = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(t -> "text".equals(t.getType()) && "csv".equals(t.getSubtype())).orElse(false);
        if (csvAsked) {
            return Response.ok(csv.write(summary), CSV + "; charset=UTF-8").header(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"daily-" + summary.date() + ".csv\"").build();
        }
        return Response.ok(summary, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/missing")
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Counties without a daily report for a day",
            description = "pastCutoff tells whether the day's cutoff has passed, so that each is an alert. Officers see "
                    + "their own county only.")
    @APIResponse(responseCode = "200", description = "The counties missing, by code")
    @APIResponse(responseCode = "400", description = "Malformed date")
    @APIResponse(responseCode = "403", description = "Not an officer, scheduler or admin")
    public MissingReports missing(@Parameter(description = "ISO-8601 date (default: the latest day whose cutoff "
            + "has passed)") @QueryParam("date") String date) {
        return reports.missing(QueryParams.date(date, "date").orElseGet(calendar::latestDue));
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({Roles.OFFICER, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "The daily routine's alerts",
            description = "MISSING_REPORT: no report for the latest day whose cutoff has passed; OVERDUE_PROBLEM: a "
                    + "problem open or in progress past its deadline; DUTY_GAP: a stretch of the next 48 hours "
                    + "(surgeline.reporting.duty-horizon) with nobody on duty. Officers see their own county's.")
    @APIResponse(responseCode = "200", description = "The alerts")
    @APIResponse(responseCode = "403", description = "Not an officer, scheduler or admin")
    @APIResponse(responseCode = "404", description = "Unknown county (or, for an officer, another county)")
    public List<RoutineAlert> alerts(@Parameter(description = "county code") @QueryParam("county") String county) {
        return alerts.alerts(Optional.ofNullable(county));
    }

    @GET
    @Path("/figures")
    @RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Each county's bed and lab figures, day by day",
            description = "As recorded once a day (surgeline.reporting.snapshot.cron) or on demand; today's are the "
                    + "figures now (live: true). At most 366 days; officers read their own county's.")
    @APIResponse(responseCode = "200", description = "The figures by day, then county")
    @APIResponse(responseCode = "400", description = "Missing or malformed dates, to before from, or over 366 days")
    @APIResponse(responseCode = "403", description = "The caller holds none of the four roles")
    @APIResponse(responseCode = "404", description = "Unknown county (or, for an officer, another county)")
    public List<CountyDayFigures> figures(
            @Parameter(description = "first day, ISO-8601 (default: 30 days before to)") @QueryParam("from") String from,
            @Parameter(description = "last day, ISO-8601 (default today)") @QueryParam("to") String to,
            @Parameter(description = "county code") @QueryParam("county") String county) {
        LocalDate last = QueryParams.date(to, "to").orElseGet(calendar::today);
        LocalDate first = QueryParams.date(from, "from").orElse(last.minusDays(30));
        return history.history(first, last, Optional.ofNullable(county));
    }

    @POST
    @Path("/figures/snapshot")
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "Record today's figures of every county now",
            description = "What the daily job does; recording again replaces today's figures (one row per county and day).")
    @APIResponse(responseCode = "200", description = "The figures recorded")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins")
    public List<CountyDayFigures> snapshot() {
        return history.record(caller.actor());
    }

    private static LocalDate day(String date) {
        return QueryParams.date(date, "date").orElseThrow();
    }
}
