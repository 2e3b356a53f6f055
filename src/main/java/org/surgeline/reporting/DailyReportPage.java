package org.surgeline.reporting;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.surgeline.platform.QueryParams;
import org.surgeline.platform.Roles;

/** The city's summary of a day as a printable page for the morning meeting, in English or Chinese (Accept-Language). */
@Path("/reports/daily/{date}")
@Tag(name = "Daily routine")
public class DailyReportPage {

    private static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    DailyReportService reports;
    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance daily(DailySummary summary, List<String> items, String cutoff, String closes);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
    @Operation(summary = "The city's summary of a day, printable",
            description = "The same figures as GET /api/reports/daily, as an HTML page; labels in Chinese for "
                    + "Accept-Language: zh, else English.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "Malformed date")
    @APIResponse(responseCode = "403", description = "Only schedulers and admins")
    public TemplateInstance page(@PathParam("date") String date, @Context HttpHeaders headers) {
        DailySummary summary = reports.summary(QueryParams.date(date, "date").orElseThrow());
        Locale locale = headers.getAcceptableLanguages().stream().filter(l -> l.getLanguage().equals("zh")).findFirst()
                .map(l -> Locale.CHINESE).orElse(Locale.ENGLISH);
        return Templates.daily(summary, List.copyOf(summary.city().daysOfCover().keySet()), cityTime(summary.cutoffAt()),
                cityTime(summary.closesAt())).setLocale(locale);
    }

    private String cityTime(Instant at) {
        return CITY_TIME.format(at.atZone(clock.getZone()));
    }
}
