package org.surgeline.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.surgeline.platform.Roles;
import org.surgeline.reporting.CountyDayFigures;
import org.surgeline.reporting.FiguresHistory;

/**
 * The board's two charts, ready vs occupied beds and lab backlog over the last 14 days, from the
 * figures recorded each day (reporting); loaded by the board after its figures, so that the board
 * itself stays quick. City-wide roles see the city's sums, an officer their own county's.
 */
@Path("/console/board/charts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.WAREHOUSE, Roles.SCHEDULER, Roles.ADMIN})
@ConsolePage
public class BoardCharts {

    static final int DAYS = 14;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance charts(ConsoleContext.Frame frame, Series series);
    }

    /** One value per day, oldest first. */
    @TemplateData
    public record Series(List<LocalDate> days, List<Long> ready, List<Long> occupied, List<Long> backlog) {
    }

    @Inject
    ConsoleContext console;
    @Inject
    FiguresHistory history;
    @Inject
    Clock clock;

    @GET
    public TemplateInstance charts() {
        LocalDate today = LocalDate.now(clock);
        Map<LocalDate, List<CountyDayFigures>> byDay = history.history(today.minusDays(DAYS - 1), today).stream()
                .collect(Collectors.groupingBy(CountyDayFigures::day, TreeMap::new, Collectors.toList()));
        List<LocalDate> days = List.copyOf(byDay.keySet());
        Series series = new Series(days, sum(byDay, CountyDayFigures::bedsReady),
                sum(byDay, CountyDayFigures::bedsOccupied), sum(byDay, CountyDayFigures::labBacklog));
        return console.render(Templates.charts(console.frame("board"), series));
    }

    private static List<Long> sum(Map<LocalDate, List<CountyDayFigures>> byDay,
            java.util.function.ToLongFunction<CountyDayFigures> figure) {
        return byDay.values().stream().map(day -> day.stream().mapToLong(figure).sum()).toList();
    }
}
