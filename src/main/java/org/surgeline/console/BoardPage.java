package org.surgeline.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.surgeline.isolation.BedCapacity;
import org.surgeline.isolation.CapacityReport;
import org.surgeline.isolation.IsolationService;
import org.surgeline.platform.Roles;
import org.surgeline.region.County;
import org.surgeline.reporting.DailyReportService;
import org.surgeline.reporting.MissingReports;
import org.surgeline.region.CountyService;
import org.surgeline.request.Priority;
import org.surgeline.request.RequestService;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.CountyStock;
import org.surgeline.stock.StockOverviewService;
import org.surgeline.testing.LabCapacityReport;
import org.surgeline.testing.LabFigures;
import org.surgeline.testing.LabService;

/**
 * The city situation board, the page a duty officer keeps open on the wall. The whole page, and
 * its board fragment, which htmx fetches every 30 seconds to refresh the figures in place.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
@ConsolePage
public class BoardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(ConsoleContext.Frame frame, Board board);

        static native TemplateInstance board$figures(ConsoleContext.Frame frame, Board board);
    }

    @Inject
    ConsoleContext console;
    @Inject
    CountyService counties;
    @Inject
    CatalogService catalog;
    @Inject
    IsolationService isolation;
    @Inject
    LabService labs;
    @Inject
    StockOverviewService stock;
    @Inject
    RequestService requests;
    @Inject
    Alerts alerts;
    @Inject
    DailyReportService reports;
    @Inject
    Clock clock;

    @GET
    public TemplateInstance page() {
        return console.render(Templates.board(console.frame("board"), board()));
    }

    @GET
    @Path("/board")
    public Response figures(@HeaderParam("HX-Request") String htmx) {
        if (htmx == null) {
            // Not htmx: e.g. the page a sign-in returns to after a refresh found the session ended.
            return Response.seeOther(URI.create("/console")).build();
        }
        return Response.ok(console.render(Templates.board$figures(console.frame("board"), board()))).build();
    }

    Board board() {
        Instant now = clock.instant();
        Optional<String> own = console.ownCounty();
        CapacityReport capacity = isolation.capacity(Optional.empty(), Optional.empty());
        LabCapacityReport labReport = labs.report(Optional.empty(), Optional.empty());
        Map<String, BedCapacity> beds = capacity.counties().stream()
                .collect(Collectors.toMap(CapacityReport.CountyCapacity::county, CapacityReport.CountyCapacity::capacity));
        Map<String, LabFigures> labFigures = labReport.counties().stream()
                .collect(Collectors.toMap(LabCapacityReport.CountyLabs::county, LabCapacityReport.CountyLabs::figures));
        Map<String, Instant> bedsChanged = isolation.lastChangeByCounty();
        Map<String, Instant> labsChanged = labs.lastChangeByCounty();
        List<CountyStock> stockFigures = stock.cityFigures();
        Map<String, List<CountyStock>> cover = stockFigures.stream()
                .filter(s -> s.county() != null).collect(Collectors.groupingBy(CountyStock::county));
        Map<String, Map<Priority, Long>> open = requests.openCountByCounty();
        Map<String, Long> alertCounts = alerts.countByCounty(stockFigures, labReport, capacity);
        List<String> items = catalog.items().stream().map(i -> i.code).toList();
        MissingReports missing = reports.missing(LocalDate.now(clock));
        Set<String> reportMissing = missing.pastCutoff() ? Set.copyOf(missing.counties()) : Set.of();

        List<Board.Row> rows = counties.list().stream().map(c -> row(c, own, reportMissing.contains(c.code), now,
                beds.get(c.code),
                bedsChanged.get(c.code), labFigures.get(c.code), labsChanged.get(c.code),
                cover.getOrDefault(c.code, List.of()), open.getOrDefault(c.code, Map.of()),
                alertCounts.getOrDefault(c.code, 0L))).toList();
        return new Board(now, items, rows, cityRow(rows, capacity, labReport, stockFigures, alertCounts, now));
    }

    private Board.Row row(County c, Optional<String> own, boolean reportMissing, Instant now, BedCapacity beds,
            Instant bedsChanged,
            LabFigures labFigures, Instant labsChanged, List<CountyStock> cover, Map<Priority, Long> open, long alerts) {
        Instant stockChanged = cover.stream().map(CountyStock::lastChange).filter(at -> at != null)
                .max(Instant::compareTo).orElse(null);
        boolean isOwn = own.map(c.code::equals).orElse(false);
        return new Board.Row(c.code, console.countyName(c), isOwn, own.isEmpty() || isOwn, reportMissing, c.riskLevel,
                beds == null ? BedCapacity.NONE : beds, Freshness.of(bedsChanged, now),
                labFigures == null ? LabFigures.NONE : labFigures, Freshness.of(labsChanged, now),
                cover.stream().map(s -> new Board.Cover(s.item(), s.daysOfCover(), s.coverLevel())).toList(),
                Freshness.of(stockChanged, now), open.getOrDefault(Priority.CRITICAL, 0L),
                open.getOrDefault(Priority.URGENT, 0L), open.getOrDefault(Priority.ROUTINE, 0L), alerts);
    }

    /** The city's total row; its stock cells are the city reserve's cover of the whole city. */
    private Board.Row cityRow(List<Board.Row> rows, CapacityReport capacity, LabCapacityReport labReport,
            List<CountyStock> stockFigures, Map<String, Long> alertCounts, Instant now) {
        Function<Function<Board.Row, Freshness>, Freshness> newest = part -> rows.stream().map(part)
                .reduce(Freshness.of(null, now), (a, b) -> Freshness.newest(a.at(), b.at(), now));
        List<Board.Cover> cityCover = stockFigures.stream().filter(s -> s.level() == CountyStock.Level.CITY)
                .map(s -> new Board.Cover(s.item(), s.daysOfCover(), s.coverLevel())).toList();
        return new Board.Row("", "", false, false, false, null, capacity.city(), newest.apply(Board.Row::bedsFresh),
                labReport.city(), newest.apply(Board.Row::labsFresh), cityCover, newest.apply(Board.Row::stockFresh),
                rows.stream().mapToLong(Board.Row::critical).sum(), rows.stream().mapToLong(Board.Row::urgent).sum(),
                rows.stream().mapToLong(Board.Row::routine).sum(),
                alertCounts.values().stream().mapToLong(Long::longValue).sum());
    }
}
