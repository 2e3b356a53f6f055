package org.surgeline.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.surgeline.isolation.CapacityReport;
import org.surgeline.isolation.IsolationService;
import org.surgeline.platform.Level;
import org.surgeline.stock.StockAlert;
import org.surgeline.stock.StockOverviewService;
import org.surgeline.testing.LabCapacityReport;
import org.surgeline.testing.LabService;
import org.surgeline.testing.LabView;

/**
 * What the duty officer should act on, gathered from the services that own the rules: stock alerts
 * (below floor, expiring and expired lots, projected stock-outs), labs at their limit and counties
 * short of free beds. The board counts them per county; the alerts page lists them.
 */
@ApplicationScoped
public class Alerts {

    @Inject
    StockOverviewService stock;
    @Inject
    LabService labs;
    @Inject
    IsolationService isolation;

    /** The alerts of one county, or of the whole city when empty (stock alerts narrowed to the caller's scope). */
    public Listing list(Optional<String> county) {
        List<LabView> overloaded = labs.report(county, Optional.empty()).counties().stream()
                .flatMap(c -> c.labs().stream()).filter(Alerts::overloaded).toList();
        List<CapacityReport.CountyCapacity> shortOfBeds = isolation.capacity(county, Optional.empty()).counties()
                .stream().filter(Alerts::shortOfBeds).toList();
        return new Listing(stock.alerts(county), overloaded, shortOfBeds);
    }

    /** Alert counts per county, city-wide whoever asks (the board's figure); null is the city-level depots. */
    public Map<String, Long> countByCounty(LabCapacityReport labReport, CapacityReport capacity) {
        Map<String, Long> counts = new HashMap<>(stock.alertCountByCounty());
        labReport.counties().forEach(c -> counts.merge(c.county(),
                c.labs().stream().filter(Alerts::overloaded).count(), Long::sum));
        capacity.counties().stream().filter(Alerts::shortOfBeds).forEach(c -> counts.merge(c.county(), 1L, Long::sum));
        return counts;
    }

    private static boolean overloaded(LabView lab) {
        return lab.figures().loadLevel() == Level.CRITICAL;
    }

    /** A county with isolation sites whose free beds are critically few (one with no sites asks for none). */
    private static boolean shortOfBeds(CapacityReport.CountyCapacity county) {
        return county.sites() > 0 && county.capacity().freeLevel() == Level.CRITICAL;
    }

    public record Listing(List<StockAlert> stock, List<LabView> labs, List<CapacityReport.CountyCapacity> beds) {

        public int size() {
            return stock.size() + labs.size() + beds.size();
        }
    }
}
