package org.surgeline.setup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.surgeline.isolation.IsolationService;
import org.surgeline.isolation.IsolationSite;
import org.surgeline.isolation.NewSite;
import org.surgeline.isolation.SiteChange;
import org.surgeline.isolation.SiteKind;
import org.surgeline.personnel.NewTeam;
import org.surgeline.personnel.Skill;
import org.surgeline.personnel.Team;
import org.surgeline.personnel.TeamChange;
import org.surgeline.personnel.TeamService;
import org.surgeline.region.County;
import org.surgeline.region.CountyService;
import org.surgeline.region.NewCounty;
import org.surgeline.region.TravelTime;
import org.surgeline.region.TravelTimeService;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.Depot;
import org.surgeline.stock.DepotChange;
import org.surgeline.stock.DepotKind;
import org.surgeline.stock.NewDepot;
import org.surgeline.stock.NewSupplyItem;
import org.surgeline.stock.SupplyCategory;
import org.surgeline.stock.SupplyItem;
import org.surgeline.stock.SupplyItemChange;
import org.surgeline.testing.CapacityChange;
import org.surgeline.testing.LabChange;
import org.surgeline.testing.LabService;
import org.surgeline.testing.LabView;
import org.surgeline.testing.NewLab;
import org.surgeline.testing.TestingLab;

/** The reference-data kinds: each reads a row into its context's request record and applies it through that context's service. */
@ApplicationScoped
class ReferenceKinds {

    @Inject
    CountyService counties;
    @Inject
    TravelTimeService travelTimes;
    @Inject
    CatalogService catalog;
    @Inject
    IsolationService isolation;
    @Inject
    LabService labs;
    @Inject
    TeamService teams;

    List<ImportKind<?>> all() {
        return List.of(new Counties(), new TravelTimes(), new Items(), new Depots(), new Sites(), new Labs(), new Teams());
    }

    /** A county a row refers to must exist and be in service. */
    void checkCounty(String code, String column, CsvRow row) {
        if (code == null) {
            return;
        }
        Optional<County> county = counties.find(code);
        if (county.isEmpty()) {
            row.error(column, "unknown county");
        } else if (county.get().retired()) {
            row.error(column, "the county is retired");
        }
    }

    final class Counties implements ImportKind<NewCounty> {
        public String name() {
            return "counties";
        }

        public List<String> columns() {
            return List.of("code", "nameZh", "namePinyin", "population", "latitude", "longitude");
        }

        public NewCounty read(CsvRow r) {
            return new NewCounty(r.text("code"), r.text("nameZh"), r.text("namePinyin"), r.whole("population"),
                    r.decimal("latitude"), r.decimal("longitude"));
        }

        public String key(NewCounty n) {
            return n.code();
        }

        public Outcome apply(NewCounty n, String actor) {
            Optional<County> existing = counties.find(n.code());
            if (existing.isEmpty()) {
                counties.create(n, actor);
                return Outcome.CREATED;
            }
            if (CountyService.changeOf(existing.get()).equals(n.change())) {
                return Outcome.UNCHANGED;
            }
            counties.update(existing.get(), n.change(), actor);
            return Outcome.UPDATED;
        }

        public List<List<String>> export() {
            return counties.list().stream().map(c -> List.of(c.code, c.nameZh, c.namePinyin,
                    String.valueOf(c.population), String.valueOf(c.latitude), String.valueOf(c.longitude))).toList();
        }
    }

    /** Travel times set by hand, one direction a row; the derived ones are not exported (they follow the counties). */
    final class TravelTimes implements ImportKind<TravelTimeRow> {
        public String name() {
            return "travel-times";
        }

        public List<String> columns() {
            return List.of("from", "to", "minutes");
        }

        public TravelTimeRow read(CsvRow r) {
            return new TravelTimeRow(r.text("from"), r.text("to"), r.integer("minutes"));
        }

        public String key(TravelTimeRow t) {
            return t.from() == null || t.to() == null ? null : t.from() + "/" + t.to();
        }

        @Override
        public String keyColumn() {
            return "to";
        }

        @Override
        public void check(TravelTimeRow t, CsvRow row) {
            checkCounty(t.from(), "from", row);
            checkCounty(t.to(), "to", row);
            if (t.from() != null && t.from().equals(t.to())) {
                row.error("to", "a travel time needs two different counties");
            }
        }

        public Outcome apply(TravelTimeRow t, String actor) {
            Optional<Integer> current = travelTimes.overrideMinutes(t.from(), t.to());
            if (current.isPresent() && current.get().equals(t.minutes())) {
                return Outcome.UNCHANGED;
            }
            travelTimes.override(t.from(), t.to(), t.minutes(), actor);
            return current.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
        }

        public List<List<String>> export() {
            return travelTimes.list(Optional.empty(), Optional.empty()).stream()
                    .filter(t -> t.source() == TravelTime.Source.OVERRIDE)
                    .map(t -> List.of(t.from(), t.to(), String.valueOf(t.minutes()))).toList();
        }
    }

    final class Items implements ImportKind<NewSupplyItem> {
        public String name() {
            return "items";
        }

        public List<String> columns() {
            return List.of("code", "name", "unit", "category", "parcelSize", "shelfLifeDays", "dailyUsePer10k");
        }

        public NewSupplyItem read(CsvRow r) {
            return new NewSupplyItem(r.text("code"), r.text("name"), r.text("unit"),
                    r.choice("category", SupplyCategory.class), r.whole("parcelSize"), r.integer("shelfLifeDays"),
                    r.decimal("dailyUsePer10k"));
        }

        public String key(NewSupplyItem n) {
            return n.code();
        }

        public Outcome apply(NewSupplyItem n, String actor) {
            Optional<SupplyItem> existing = catalog.findItem(n.code());
            if (existing.isEmpty()) {
                catalog.createItem(n, actor);
                return Outcome.CREATED;
            }
            if (SupplyItemChange.of(existing.get()).equals(n.change())) {
                return Outcome.UNCHANGED;
            }
            catalog.updateItem(existing.get(), n.change(), actor);
            return Outcome.UPDATED;
        }

        public List<List<String>> export() {
            return catalog.items().stream().map(i -> List.of(i.code, i.name, i.unit, i.category.name(),
                    String.valueOf(i.parcelSize), String.valueOf(i.shelfLifeDays), String.valueOf(i.dailyUsePer10k)))
                    .toList();
        }
    }

    final class Depots implements ImportKind<NewDepot> {
        public String name() {
            return "depots";
        }

        public List<String> columns() {
            return List.of("code", "name", "county", "kind");
        }

        public NewDepot read(CsvRow r) {
            return new NewDepot(r.text("code"), r.text("name"), r.text("county"), r.choice("kind", DepotKind.class));
        }

        public String key(NewDepot n) {
            return n.code();
        }

        @Override
        public void check(NewDepot n, CsvRow row) {
            checkCounty(n.county(), "county", row);
        }

        public Outcome apply(NewDepot n, String actor) {
            Optional<Depot> existing = catalog.findDepot(n.code());
            DepotChange change = new DepotChange(n.name(), n.county(), n.kind());
            if (existing.isEmpty()) {
                catalog.createDepot(n, actor);
                return Outcome.CREATED;
            }
            if (DepotChange.of(existing.get()).equals(change)) {
                return Outcome.UNCHANGED;
            }
            catalog.updateDepot(existing.get(), change, actor);
            return Outcome.UPDATED;
        }

        public List<List<String>> export() {
            return catalog.depots(Optional.empty()).stream()
                    .map(d -> List.of(d.code, d.name, d.countyCode, d.kind.name())).toList();
        }
    }

    final class Sites implements ImportKind<NewSite> {
        public String name() {
            return "sites";
        }

        public List<String> columns() {
            return List.of("code", "name", "county", "kind", "address", "contact");
        }

        @Override
        public List<String> optional() {
            return List.of("address", "contact");
        }

        public NewSite read(CsvRow r) {
            return new NewSite(r.text("code"), r.text("name"), r.text("county"), r.choice("kind", SiteKind.class),
                    r.text("address"), r.text("contact"));
        }

        public String key(NewSite n) {
            return n.code();
        }

        @Override
        public void check(NewSite n, CsvRow row) {
            checkCounty(n.county(), "county", row);
        }

        public Outcome apply(NewSite n, String actor) {
            Optional<IsolationSite> existing = isolation.findSite(n.code());
            if (existing.isEmpty()) {
                isolation.createSite(n, actor);
                return Outcome.CREATED;
            }
            if (SiteChange.of(existing.get()).equals(n.change())) {
                return Outcome.UNCHANGED;
            }
            isolation.updateSite(existing.get(), n.change(), actor);
            return Outcome.UPDATED;
        }

        public List<List<String>> export() {
            return isolation.sites(Optional.empty()).stream().map(s -> List.of(s.code, s.name, s.countyCode,
                    s.kind.name(), ImportKind.text(s.address), ImportKind.text(s.contact))).toList();
        }
    }

    final class Labs implements ImportKind<NewLab> {
        public String name() {
            return "labs";
        }

        public List<String> columns() {
            return List.of("code", "name", "county", "tubesPerDay", "poolingRatio");
        }

        public NewLab read(CsvRow r) {
            return new NewLab(r.text("code"), r.text("name"), r.text("county"), r.integer("tubesPerDay"),
                    r.integer("poolingRatio"), null);
        }

        public String key(NewLab n) {
            return n.code();
        }

        @Override
        public void check(NewLab n, CsvRow row) {
            checkCounty(n.county(), "county", row);
        }

        public Outcome apply(NewLab n, String actor) {
            Optional<TestingLab> existing = labs.findLab(n.code());
            if (existing.isEmpty()) {
                labs.createLab(n, actor);
                return Outcome.CREATED;
            }
            boolean changed = false;
            LabChange change = new LabChange(n.name(), n.county());
            if (!new LabChange(existing.get().name, existing.get().countyCode).equals(change)) {
                labs.updateLab(existing.get(), change, actor);
                changed = true;
            }
            // Capacity is kept as a history: a different capacity in the file applies from today on.
            LabView current = labs.view(n.code(), Optional.empty());
            if (current.tubesPerDay() != n.tubesPerDay() || current.poolingRatio() != n.poolingRatio()) {
                labs.changeCapacity(n.code(), new CapacityChange(n.tubesPerDay(), n.poolingRatio(), null), actor);
                changed = true;
            }
            return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
        }

        public List<List<String>> export() {
            List<List<String>> rows = new ArrayList<>();
            for (LabView l : labs.labViews(Optional.empty(), false)) {
                rows.add(List.of(l.code(), l.name(), l.county(), String.valueOf(l.tubesPerDay()),
                        String.valueOf(l.poolingRatio())));
            }
            return rows;
        }
    }

    final class Teams implements ImportKind<NewTeam> {
        public String name() {
            return "teams";
        }

        public List<String> columns() {
            return List.of("code", "name", "skill", "headcount", "homeCounty");
        }

        public NewTeam read(CsvRow r) {
            return new NewTeam(r.text("code"), r.text("name"), r.choice("skill", Skill.class), r.integer("headcount"),
                    r.text("homeCounty"));
        }

        public String key(NewTeam n) {
            return n.code();
        }

        @Override
        public void check(NewTeam n, CsvRow row) {
            checkCounty(n.homeCounty(), "homeCounty", row);
        }

        public Outcome apply(NewTeam n, String actor) {
            Optional<Team> existing = teams.findTeam(n.code());
            if (existing.isEmpty()) {
                teams.create(n, actor);
                return Outcome.CREATED;
            }
            if (TeamChange.of(existing.get()).equals(n.change())) {
                return Outcome.UNCHANGED;
            }
            teams.update(existing.get(), n.change(), actor);
            return Outcome.UPDATED;
        }

        public List<List<String>> export() {
            return teams.teams(Optional.empty(), Optional.empty()).stream().map(t -> List.of(t.code, t.name,
                    t.skill.name(), String.valueOf(t.headcount), t.homeCounty)).toList();
        }
    }
}
