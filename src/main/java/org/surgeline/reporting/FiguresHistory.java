package org.surgeline.reporting;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.Filter;
import org.surgeline.platform.ProblemException;
import org.surgeline.region.CountyService;

/**
 * Each county's bed and lab figures, recorded once a day (and on demand) for the board's charts;
 * recording a day again replaces that day's figures, so the record is one row per county and day
 * however often it runs, on however many replicas.
 */
@ApplicationScoped
public class FiguresHistory {

    static final String JOB = CallerContext.system("figures-snapshot");
    /** The longest range one history call answers. */
    static final int MAX_DAYS = 366;
    private static final Logger LOG = Logger.getLogger(FiguresHistory.class);

    @Inject
    CountyFigures figures;
    @Inject
    CountyService counties;
    @Inject
    ReportingConfig config;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;

    @Scheduled(identity = "figures-snapshot", cron = "${surgeline.reporting.snapshot.cron}",
            timeZone = "${surgeline.zone}")
    void daily() {
        if (!config.snapshot().enabled()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> record(JOB));
        } catch (RuntimeException e) {
            // Most often another replica recorded the day at the same moment, and its figures stand.
            LOG.warnf("Figures of the day not recorded here: %s", e.toString());
        }
    }

    /** Records today's figures of every county in service (replacing today's if recorded before). */
    @Transactional
    public List<CountyDayFigures> record(String actor) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<CountyDayFigures> recorded = new ArrayList<>();
        for (Map.Entry<String, ReportFigures> e : figures.current(Optional.empty(), today).entrySet()) {
            CountyDaySnapshot.Key key = new CountyDaySnapshot.Key(e.getKey(), today);
            CountyDaySnapshot row = CountyDaySnapshot.<CountyDaySnapshot>findByIdOptional(key).orElseGet(() -> {
                CountyDaySnapshot created = new CountyDaySnapshot();
                created.id = key;
                return created;
            });
            row.set(e.getValue());
            row.lastChange.record(actor, now);
            row.persist();
            recorded.add(row.view());
        }
        return recorded;
    }

    /** Every county's figures from {@code from} to {@code to}, both included: see {@link #history(LocalDate, LocalDate, Optional)}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CountyDayFigures> history(LocalDate from, LocalDate to) {
        return history(from, to, Optional.empty());
    }

    /**
     * The recorded figures from {@code from} to {@code to} (both included), by day then county;
     * today's, when in range, are the figures now ({@code live}), whether or not recorded yet. An
     * officer reads their own county's (another county is a 404).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CountyDayFigures> history(LocalDate from, LocalDate to, Optional<String> askedCounty) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "on or after from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalidField("to", "at most " + MAX_DAYS + " days from from");
        }
        askedCounty.ifPresent(counties::get);
        Optional<String> county = caller.readScope(askedCounty.orElse(null));
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> live = Optional.of(today).filter(d -> !d.isBefore(from) && !d.isAfter(to));
        Filter filter = new Filter().and(county, "id.county = :county", "county")
                .and(Optional.of(from), "id.day >= :from", "from").and(Optional.of(to), "id.day <= :to", "to")
                .and(live, "id.day <> :today", "today");
        List<CountyDayFigures> history = new ArrayList<>(CountyDaySnapshot.<CountyDaySnapshot>list(filter.query(),
                Sort.by("id.day").and("id.county"), filter.parameters()).stream().map(CountyDaySnapshot::view).toList());
        live.ifPresent(day -> {
            Instant now = clock.instant();
            figures.current(county, day).forEach((code, f) -> history.add(CountyDayFigures.of(code, day, f, now, true)));
        });
        history.sort(Comparator.comparing(CountyDayFigures::day).thenComparing(CountyDayFigures::county));
        return history;
    }
}
