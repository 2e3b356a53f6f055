package org.surgeline.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.surgeline.isolation.BedCapacity;
import org.surgeline.isolation.CapacityReport;
import org.surgeline.isolation.IsolationService;
import org.surgeline.personnel.TeamService;
import org.surgeline.region.CountyService;
import org.surgeline.request.RequestService;
import org.surgeline.stock.CountyStock;
import org.surgeline.stock.StockOverviewService;
import org.surgeline.testing.LabCapacityReport;
import org.surgeline.testing.LabFigures;
import org.surgeline.testing.LabService;

/**
 * The one place that computes a county's figures now, from the other contexts' services: daily
 * reports store them at submission, the daily record keeps them for the board, and the history
 * shows them live for today. Beds and rooms are as they are now; lab figures and deployed teams are
 * those of the day asked for.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CountyFigures {

    @Inject
    CountyService counties;
    @Inject
    IsolationService isolation;
    @Inject
    LabService labs;
    @Inject
    TeamService teams;
    @Inject
    RequestService requests;
    @Inject
    StockOverviewService stock;

    /** The figures of one county ({@code county} present) or of every county in service, by code. */
    public Map<String, ReportFigures> current(Optional<String> county, LocalDate day) {
        Map<String, BedCapacity> beds = isolation.capacity(county, Optional.empty()).counties().stream()
                .collect(Collectors.toMap(CapacityReport.CountyCapacity::county, CapacityReport.CountyCapacity::capacity));
        Map<String, LabFigures> lab = labs.report(county, Optional.of(day)).counties().stream()
                .collect(Collectors.toMap(LabCapacityReport.CountyLabs::county, LabCapacityReport.CountyLabs::figures));
        Map<String, Long> teamsIn = new HashMap<>();
        Map<String, Long> teamsOut = new HashMap<>();
        for (TeamService.Placement p : teams.placementsOn(day)) {
            if (!p.county().equals(p.homeCounty())) {
                teamsIn.merge(p.county(), 1L, Long::sum);
                teamsOut.merge(p.homeCounty(), 1L, Long::sum);
            }
        }
        var open = requests.openCountByCounty();
        Map<String, Map<String, Double>> cover = new HashMap<>();
        for (CountyStock s : stock.countyStock(county, Optional.empty())) {
            if (s.level() == CountyStock.Level.COUNTY && s.daysOfCover() != null) {
                cover.computeIfAbsent(s.county(), c -> new HashMap<>()).put(s.item(), s.daysOfCover());
            }
        }
        List<String> codes = county.map(List::of).orElseGet(() -> counties.list().stream().map(c -> c.code).toList());
        Map<String, ReportFigures> figures = new LinkedHashMap<>();
        for (String code : codes) {
            BedCapacity b = beds.getOrDefault(code, BedCapacity.NONE);
            LabFigures l = lab.getOrDefault(code, LabFigures.NONE);
            figures.put(code, new ReportFigures(b.physicalBeds(), b.readyBeds(), b.freeBeds(), b.occupants(),
                    b.convertingBeds(), b.convertingRooms(), l.capacitySamples(), l.samplesReceived(),
                    l.samplesTested(), l.backlogOut(), teamsIn.getOrDefault(code, 0L), teamsOut.getOrDefault(code, 0L),
                    open.getOrDefault(code, Map.of()), cover.getOrDefault(code, Map.of())));
        }
        return figures;
    }
}
