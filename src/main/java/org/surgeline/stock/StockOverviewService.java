package org.surgeline.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.surgeline.platform.CallerContext;
import org.surgeline.region.County;
import org.surgeline.region.CountyService;

/** Read-only views over the ledger: stock per county with days of cover, and alerts. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StockOverviewService {

    @Inject
    CatalogService catalog;
    @Inject
    LedgerService ledger;
    @Inject
    CountyService counties;
    @Inject
    StockConfig config;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;

    /**
     * Per county and item: totals over the county's depots, days of cover, and the depot rows.
     * Every county is listed with every item, a county with no stock of it included: a zero is
     * a report too. City-level depots (the city reserve) belong to no county: asked city-wide, a
     * CITY row per item shows them against the whole city's daily use; asked for one county, they
     * are left out. An officer sees their own county only; asking for another is a 404.
     */
    public List<CountyStock> countyStock(Optional<String> askedCounty, Optional<String> item) {
        return stock(caller.readScope(askedCounty.orElse(null)), item);
    }

    private List<CountyStock> stock(Optional<String> county, Optional<String> item) {
        List<County> scope = county.map(c -> List.of(counties.get(c))).orElseGet(counties::list);
        List<SupplyItem> items = item.map(i -> List.of(catalog.item(i))).orElseGet(catalog::items);
        Map<String, String> depotOwner = catalog.depots(county).stream()
                .collect(Collectors.toMap(d -> d.code, d -> d.owningCounty().orElse(CITY)));
        Map<String, List<BalanceView>> byOwnerItem = ledger.views(ledger.balances(List.copyOf(depotOwner.keySet()), item))
                .stream().collect(Collectors.groupingBy(b -> depotOwner.get(b.depot()) + "/" + b.item()));
        List<CountyStock> result = new ArrayList<>();
        for (County c : scope) {
            for (SupplyItem supply : items) {
                result.add(row(CountyStock.Level.COUNTY, c.code, supply, c.population,
                        byOwnerItem.getOrDefault(c.code + "/" + supply.code, List.of())));
            }
        }
        if (county.isEmpty()) {
            long population = scope.stream().mapToLong(c -> c.population).sum();
            for (SupplyItem supply : items) {
                result.add(row(CountyStock.Level.CITY, null, supply, population,
                        byOwnerItem.getOrDefault(CITY + "/" + supply.code, List.of())));
            }
        }
        return result;
    }

    /**
     * Every county's stock figures, whoever asks: the city situation board shows every signed-in
     * caller the days of cover of the whole city (figures, not the depots' records).
     */
    public List<CountyStock> cityFigures() {
        return stock(Optional.empty(), Optional.empty());
    }

    /** The owner key of city-level depots: no county code is empty. */
    private static final String CITY = "";

    private static CountyStock row(CountyStock.Level level, String county, SupplyItem supply, long population,
            List<BalanceView> balances) {
        long onHand = balances.stream().mapToLong(BalanceView::onHand).sum();
        long reserved = balances.stream().mapToLong(BalanceView::reserved).sum();
        long available = balances.stream().mapToLong(BalanceView::available).sum();
        long floor = balances.stream().mapToLong(BalanceView::reserveFloor).sum();
        double dailyUse = population * supply.dailyUsePer10k / 10_000.0;
        Double days = dailyUse > 0 ? Math.floor(available / dailyUse * 10) / 10.0 : null;
        return new CountyStock(level, county, supply.code, onHand, reserved, available, floor,
                Math.round(dailyUse * 10) / 10.0, days, balances);
    }

    /**
     * Below-floor depots, expiring lots and projected stock-outs, for the county asked for or all; an
     * officer's own county only, and asking for another is a 404.
     */
    public List<StockAlert> alerts(Optional<String> askedCounty) {
        return alertsIn(caller.readScope(askedCounty.orElse(null)));
    }

    /** How many alerts each county has (null: the city-level depots), whoever asks: a board's figure. */
    public Map<String, Long> alertCountByCounty() {
        Map<String, Long> counts = new HashMap<>();
        alertsIn(Optional.empty()).forEach(alert -> counts.merge(alert.county(), 1L, Long::sum));
        return counts;
    }

    private List<StockAlert> alertsIn(Optional<String> county) {
        List<StockAlert> alerts = new ArrayList<>();
        List<CountyStock> stock = stock(county, Optional.empty());
        for (CountyStock cs : stock) {
            for (BalanceView b : cs.depots()) {
                if (b.belowFloor()) {
                    alerts.add(new StockAlert(StockAlert.Kind.BELOW_FLOOR, cs.county(), b.depot(), b.item(), null,
                            b.available(), null, b.available() + " available, reserve floor " + b.reserveFloor()));
                }
            }
            if (cs.daysOfCover() != null && cs.daysOfCover() < config.stockoutHorizonDays()) {
                LocalDate stockout = LocalDate.now(clock).plusDays((long) Math.floor(cs.daysOfCover()));
                alerts.add(new StockAlert(StockAlert.Kind.PROJECTED_STOCKOUT, cs.county(), null, cs.item(), null,
                        cs.available(), stockout, cs.daysOfCover() + " days of cover at " + cs.dailyUse()
                                + " a day; runs out around " + stockout));
            }
        }
        // Every lot belongs to a balance, so the rows above already name each lot's depot.
        Map<String, String> depotCounty = new HashMap<>();
        stock.forEach(cs -> cs.depots().forEach(b -> depotCounty.put(b.depot(), cs.county())));
        LocalDate today = LocalDate.now(clock);
        LocalDate warnBy = today.plusDays(config.expiryWarningDays());
        for (StockLot lot : ledger.lotsExpiringBy(warnBy)) {
            // A lot outside the rows read is of another county; one of a city-level depot has no county.
            if (!depotCounty.containsKey(lot.id.depotCode)) {
                continue;
            }
            String lotCounty = depotCounty.get(lot.id.depotCode);
            if (LedgerService.expired(lot, today)) {
                alerts.add(new StockAlert(StockAlert.Kind.EXPIRED, lotCounty, lot.id.depotCode, lot.id.itemCode,
                        lot.id.lot, lot.quantity, lot.expiresOn, lot.quantity + " expired on " + lot.expiresOn
                                + "; not available: remove them with an ADJUSTMENT (reason EXPIRY)"));
            } else {
                alerts.add(new StockAlert(StockAlert.Kind.EXPIRING, lotCounty, lot.id.depotCode, lot.id.itemCode,
                        lot.id.lot, lot.quantity, lot.expiresOn, lot.quantity + " expire on " + lot.expiresOn));
            }
        }
        return alerts;
    }
}
