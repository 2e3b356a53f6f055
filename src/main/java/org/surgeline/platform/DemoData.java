package org.surgeline.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.surgeline.region.County;
import org.surgeline.region.CountyService;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.DepotKind;
import org.surgeline.stock.LedgerService;
import org.surgeline.stock.MovementRequest;
import org.surgeline.stock.NewDepot;
import org.surgeline.stock.NewSupplyItem;
import org.surgeline.stock.SupplyCategory;
import org.surgeline.stock.SupplyItem;
import org.surgeline.region.NewCounty;

/**
 * The one place for demo data: at first start on an empty database, loads the chosen data set
 * through each context's service.
 */
@ApplicationScoped
public class DemoData {

    public enum DataSet { LINFEN, NONE }

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String ACTOR = "demo-data";
    /** The demo city's own reserve depot. */
    public static final String CITY_RESERVE = "LF-RESERVE";

    @ConfigProperty(name = "surgeline.demo-data", defaultValue = "linfen")
    DataSet dataSet;

    @Inject
    CountyService counties;
    @Inject
    CatalogService catalog;
    @Inject
    LedgerService ledger;
    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent start) {
        if (dataSet == DataSet.NONE) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(this::loadIfEmpty);
        } catch (RuntimeException e) {
            // Replicas starting together on an empty database race here; the loser finds the
            // winner's rows (a unique violation) and goes on with them.
            LOG.warnf("Demo data not loaded by this instance (%s); another instance may have loaded it",
                    e.getMessage());
        }
    }

    private void loadIfEmpty() {
        if (!counties.isEmpty()) {
            return;
        }
        String base = "demo/" + dataSet.name().toLowerCase() + "/";
        counties.register(rows(base + "counties.csv").stream()
                .map(r -> new NewCounty(r[0], r[1], r[2], Long.parseLong(r[3]),
                        Double.parseDouble(r[4]), Double.parseDouble(r[5])))
                .toList(), ACTOR);
        loadStock(base);
        LOG.infof("Loaded demo data set %s", dataSet);
    }

    /**
     * The catalog, a city reserve in Yaodu, one warehouse per county, and opening stock of 5-20
     * days of cover in two lots, with reserve floors of 3 days. Hongtong is short of swabs and a
     * lot of test kits in Jixian expires soon, so the alerts have something to show.
     */
    private void loadStock(String base) {
        List<SupplyItem> items = rows(base + "items.csv").stream()
                .map(r -> catalog.createItem(new NewSupplyItem(r[0], r[1], r[2], SupplyCategory.valueOf(r[3]),
                        Long.parseLong(r[4]), Integer.parseInt(r[5]), Double.parseDouble(r[6])), ACTOR))
                .toList();
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(2020);
        long cityPopulation = counties.list().stream().mapToLong(c -> c.population).sum();

        catalog.createDepot(new NewDepot(CITY_RESERVE, "Linfen city emergency supply reserve", "141002",
                DepotKind.CITY_RESERVE), ACTOR);
        for (SupplyItem item : items) {
            double dailyUse = cityPopulation * item.dailyUsePer10k / 10_000;
            openingStock(CITY_RESERVE, item, dailyUse, 10, 5, today, random);
        }
        for (County county : counties.list()) {
            String depot = "WH-" + county.code;
            catalog.createDepot(new NewDepot(depot, county.namePinyin + " county warehouse", county.code,
                    DepotKind.COUNTY_WAREHOUSE), ACTOR);
            for (SupplyItem item : items) {
                double dailyUse = county.population * item.dailyUsePer10k / 10_000;
                int days = "141024".equals(county.code) && "SWAB".equals(item.code) ? 2 : 5 + random.nextInt(16);
                openingStock(depot, item, dailyUse, days, 3, today, random);
            }
        }
        ledger.record(new MovementRequest(MovementRequest.Kind.RECEIPT, "WH-141028", null, "KIT-PCR", 960L,
                "L-SHORT-01", today.plusDays(10), null, "demo: short-dated donation", null, null), ACTOR);
    }

    private void openingStock(String depot, SupplyItem item, double dailyUse, int days, int floorDays,
            LocalDate today, Random random) {
        long total = roundUpToParcel(dailyUse * days, item.parcelSize);
        long older = roundUpToParcel(total * 0.4, item.parcelSize);
        int shelfLife = item.shelfLifeDays;
        receive(depot, item, older, "L-A" + (100 + random.nextInt(900)), today.plusDays(30 + random.nextInt(shelfLife / 3)));
        receive(depot, item, total - older, "L-B" + (100 + random.nextInt(900)), today.plusDays(shelfLife * 2L / 3));
        ledger.setReserveFloor(depot, item.code, roundUpToParcel(dailyUse * floorDays, item.parcelSize), ACTOR);
    }

    private void receive(String depot, SupplyItem item, long quantity, String lot, LocalDate expiresOn) {
        if (quantity > 0) {
            ledger.record(new MovementRequest(MovementRequest.Kind.RECEIPT, depot, null, item.code, quantity, lot,
                    expiresOn, null, "demo: opening stock", null, null), ACTOR);
        }
    }

    private static long roundUpToParcel(double units, long parcelSize) {
        return (long) Math.ceil(units / parcelSize) * parcelSize;
    }

    /** The rows of a CSV resource without commas inside fields; lines starting with # are comments. */
    static List<String[]> rows(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing demo data resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
