package org.surgeline.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.surgeline.isolation.BulkRoomChange;
import org.surgeline.isolation.IsolationService;
import org.surgeline.isolation.NewRooms;
import org.surgeline.isolation.NewSite;
import org.surgeline.isolation.RoomChange;
import org.surgeline.isolation.RoomState;
import org.surgeline.isolation.SiteKind;
import org.surgeline.personnel.NewTeam;
import org.surgeline.platform.CallerContext;
import org.surgeline.personnel.Skill;
import org.surgeline.personnel.TeamService;
import org.surgeline.region.County;
import org.surgeline.region.CountyService;
import org.surgeline.region.NewCounty;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.DepotKind;
import org.surgeline.stock.LedgerService;
import org.surgeline.stock.MovementRequest;
import org.surgeline.stock.NewDepot;
import org.surgeline.stock.NewSupplyItem;
import org.surgeline.stock.SupplyCategory;
import org.surgeline.stock.SupplyItem;
import org.surgeline.testing.DayLoadReport;
import org.surgeline.testing.LabService;
import org.surgeline.testing.NewLab;

/**
 * The one place for demo data: at first start on an empty database, loads the chosen data set
 * through each context's service.
 */
@ApplicationScoped
public class DemoData {

    public enum DataSet { LINFEN, NONE }

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String ACTOR = CallerContext.system("demo-data");
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
    IsolationService isolation;
    @Inject
    LabService labs;
    @Inject
    TeamService teams;
    @Inject
    EntityManager em;
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
        loadIsolation();
        loadLabs();
        loadTeams();
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
            detachAll();
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

    /**
     * Hotels and dormitories in every county, about one site per 250,000 people, 20-60 rooms
     * each: mostly ready, some occupied, some still converting or planned. Hongtong's sites run
     * nearly full.
     */
    private void loadIsolation() {
        Random random = new Random(2021);
        LocalDate today = LocalDate.now(clock);
        for (County county : counties.list()) {
            int sites = 1 + (int) (county.population / 250_000);
            for (int n = 1; n <= sites; n++) {
                boolean hotel = n % 2 == 1;
                String code = "ISO-" + county.code + "-" + n;
                isolation.createSite(new NewSite(code, county.namePinyin + (hotel ? " quarantine hotel " : " dormitory ") + n,
                        county.code, hotel ? SiteKind.HOTEL : SiteKind.DORMITORY, null, null), ACTOR);
                int rooms = 20 + random.nextInt(41);
                int beds = hotel ? 1 : 4;
                isolation.createRooms(code, new NewRooms(101, 100 + rooms, beds, null), ACTOR);
                List<String> numbers = new ArrayList<>();
                for (int r = 101; r <= 100 + rooms; r++) {
                    numbers.add(String.valueOf(r));
                }
                boolean full = "141024".equals(county.code);
                int planned = rooms / 10;
                int converting = rooms / 8;
                int occupied = full ? rooms - planned - converting - 1 : rooms / 5;
                List<String> started = numbers.subList(planned, rooms);
                List<String> converted = numbers.subList(planned + converting, rooms);
                List<String> taken = numbers.subList(planned + converting, planned + converting + occupied);
                move(code, started, new RoomChange(RoomState.CONVERTING, null, 40 + random.nextInt(50),
                        today.plusDays(1 + random.nextInt(6))));
                move(code, converted, new RoomChange(RoomState.READY, null, null, null));
                move(code, taken, new RoomChange(RoomState.OCCUPIED, full ? beds : 1, null, null));
            }
            detachAll();
        }
    }

    private void move(String site, List<String> rooms, RoomChange change) {
        if (!rooms.isEmpty()) {
            isolation.transitionAll(site, new BulkRoomChange(rooms, change.to(), change.occupants(), change.progress(),
                    change.expectedReadyOn()), ACTOR);
        }
    }

    /**
     * One county CDC lab per county, three in Yaodu and two in Hongtong, 10-in-1 pooled, with the
     * last three days reported. Hongtong's first lab receives more than it can test.
     */
    private void loadLabs() {
        Random random = new Random(2022);
        LocalDate today = LocalDate.now(clock);
        for (County county : counties.list()) {
            int count = "141002".equals(county.code) ? 3 : "141024".equals(county.code) ? 2 : 1;
            for (int n = 1; n <= count; n++) {
                String code = "LAB-" + county.code + "-" + n;
                int tubes = (int) Math.max(200, county.population / 10 / 10 / count) + random.nextInt(200);
                labs.createLab(new NewLab(code, county.namePinyin + (n == 1 ? " county CDC lab" : " lab " + n),
                        county.code, tubes, 10, today.minusDays(30)), ACTOR);
                long capacity = tubes * 10L;
                boolean overloaded = "141024".equals(county.code) && n == 1;
                for (int daysAgo = 3; daysAgo >= 1; daysAgo--) {
                    long received = (long) (capacity * (overloaded ? 1.3 : 0.5 + random.nextDouble() * 0.4));
                    long tested = Math.min(received, capacity);
                    labs.recordDay(code, today.minusDays(daysAgo), new DayLoadReport(received,
                            overloaded ? capacity : tested, 8.0 + random.nextInt(16)), ACTOR);
                }
            }
            detachAll();
        }
    }

    /**
     * 20 teams of each skill, homed in counties in proportion to their population (Yaodu and
     * Hongtong have the most), 4 to 15 people each, with a rest day here and there.
     */
    private void loadTeams() {
        Random random = new Random(2023);
        List<County> all = counties.list();
        long population = all.stream().mapToLong(c -> c.population).sum();
        LocalDate today = LocalDate.now(clock);
        for (Skill skill : Skill.values()) {
            for (int n = 1; n <= 20; n++) {
                long pick = (long) (random.nextDouble() * population);
                County home = all.get(all.size() - 1);
                for (County c : all) {
                    pick -= c.population;
                    if (pick < 0) {
                        home = c;
                        break;
                    }
                }
                String code = skill.name().replace("_", "-").substring(0, Math.min(8, skill.name().length()))
                        + "-" + String.format("%02d", n);
                teams.create(new NewTeam(code, home.namePinyin + " " + skill.name().toLowerCase().replace('_', ' ')
                        + " team " + n, skill, 4 + random.nextInt(12), home.code), ACTOR);
                if (random.nextInt(4) == 0) {
                    teams.replaceUnavailability(code, Set.of(today.plusDays(1 + random.nextInt(6))), ACTOR);
                }
            }
        }
    }

    /**
     * Writes what is pending and empties the persistence context: the whole load is one
     * transaction, and every query would otherwise dirty-check thousands of loaded entities.
     */
    private void detachAll() {
        em.flush();
        em.clear();
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
