package org.surgeline.stock;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.ChangeMarks;
import org.surgeline.platform.ETags;
import org.surgeline.platform.Filter;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.RetirementHolds;
import org.surgeline.region.CountyService;

/** The supply catalog and the depots. */
@ApplicationScoped
@Transactional
public class CatalogService implements RetirementHolds {

    @Inject
    CountyService counties;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;

    @Inject
    @Any
    Instance<RetirementHolds> holds;

    /** The items in service, by code: what new work and the planner see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupplyItem> items() {
        return items(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupplyItem> items(boolean includeRetired) {
        return includeRetired ? SupplyItem.listAll(Sort.by("code"))
                : SupplyItem.list("retiredAt is null", Sort.by("code"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SupplyItem item(String code) {
        return SupplyItem.<SupplyItem>findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("Supply item", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SupplyItem> findItem(String code) {
        return SupplyItem.findByIdOptional(code);
    }

    /** The item, for new work: a 404 when unknown, a 409 when retired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SupplyItem activeItem(String code) {
        SupplyItem item = item(code);
        if (item.retired()) {
            throw RetirementHolds.retired("Supply item", code);
        }
        return item;
    }

    /** Edits an item if {@code ifMatch} names its current version (else 412); audited. */
    public SupplyItem updateItem(String code, String ifMatch, SupplyItemChange change, String actor) {
        SupplyItem item = item(code);
        ETags.require(ifMatch, item.version, "Supply item", code);
        return updateItem(item, change, actor);
    }

    /** Edits an item without a version check (the importer); an unchanged item is left alone. */
    public SupplyItem updateItem(SupplyItem item, SupplyItemChange change, String actor) {
        SupplyItemChange before = SupplyItemChange.of(item);
        if (!before.equals(change)) {
            audit.record("SupplyItem", item.code, null, "UPDATE", before, change, actor);
            apply(item, change, actor);
        }
        return item;
    }

    /** Retires an item: 409 while stock of it is on hand or open work names it; else hidden, history kept. */
    public SupplyItem retireItem(String code, String actor) {
        SupplyItem item = item(code);
        if (item.retired()) {
            return item;
        }
        stockHolding("item", code).or(() -> RetirementHolds.first(holds, "SupplyItem", code)).ifPresent(holder -> {
            throw RetirementHolds.held("Supply item", code, holder);
        });
        item.retire(actor, clock.instant());
        audit.record("SupplyItem", code, null, "RETIRE", null, null, actor);
        return item;
    }

    public SupplyItem createItem(NewSupplyItem n, String actor) {
        if (SupplyItem.findById(n.code()) != null) {
            throw ProblemException.conflict("duplicate", "Supply item '" + n.code() + "' already exists");
        }
        SupplyItem item = new SupplyItem();
        item.code = n.code();
        apply(item, n.change(), actor);
        item.persist();
        audit.record("SupplyItem", item.code, null, "CREATE", null, n, actor);
        return item;
    }

    /** Depots, optionally those of one county (never the city-level ones, which belong to none), by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Depot> depots(Optional<String> county) {
        return depots(county, false);
    }

    /** Depots as {@link #depots(Optional)}, the retired ones too when asked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Depot> depots(Optional<String> county, boolean includeRetired) {
        Filter filter = new Filter().and(county, "countyCode = :county", "county")
                .and(county.map(c -> DepotKind.CITY_RESERVE), "kind <> :reserve", "reserve")
                .andIf(!includeRetired, "retiredAt is null");
        return Depot.list(filter.query(), Sort.by("code"), filter.parameters());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Depot depot(String code) {
        return Depot.<Depot>findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Depot", code));
    }

    /** The depot as the caller may see it: for an officer, one of another county is a 404, as for none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Depot visibleDepot(String code) {
        Depot depot = depot(code);
        caller.requireCounty(depot.owningCounty().orElse(null), "Depot", code);
        return depot;
    }

    /** The depots the caller may see (an officer: their county's), the retired too when asked, by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Depot> visibleDepots(boolean includeRetired) {
        return depots(caller.boundCounty(), includeRetired);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Depot> findDepot(String code) {
        return Depot.findByIdOptional(code);
    }

    /**
     * The depots whose ledger the caller may read, narrowed to {@code depot}; empty means all. An
     * unknown depot, or for an officer one of another county, is a 404. Retired depots are included:
     * their history stays readable.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<String>> ledgerScope(String depot) {
        if (depot != null) {
            visibleDepot(depot);
            return Optional.of(List.of(depot));
        }
        return caller.boundCounty().map(county -> depots(Optional.of(county), true).stream().map(d -> d.code).toList());
    }

    /** The depot, for new work: a 404 when unknown, a 409 when retired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Depot activeDepot(String code) {
        Depot depot = depot(code);
        if (depot.retired()) {
            throw RetirementHolds.retired("Depot", code);
        }
        return depot;
    }

    /** Edits a depot if {@code ifMatch} names its current version (else 412); audited. */
    public Depot updateDepot(String code, String ifMatch, DepotChange change, String actor) {
        Depot depot = depot(code);
        ETags.require(ifMatch, depot.version, "Depot", code);
        return updateDepot(depot, change, actor);
    }

    /** Edits a depot without a version check (the importer); an unchanged depot is left alone. */
    public Depot updateDepot(Depot depot, DepotChange change, String actor) {
        DepotChange before = DepotChange.of(depot);
        if (!before.equals(change)) {
            if (!change.county().equals(depot.countyCode)) {
                counties.active(change.county());
            }
            audit.record("Depot", depot.code, depot.owningCounty().orElse(null), "UPDATE", before, change, actor);
            depot.name = change.name();
            depot.countyCode = change.county();
            depot.kind = change.kind();
            depot.lastChange.record(actor, clock.instant());
        }
        return depot;
    }

    /** Retires a depot: 409 while it holds stock or open work names it; else hidden, history kept. */
    public Depot retireDepot(String code, String actor) {
        Depot depot = depot(code);
        if (depot.retired()) {
            return depot;
        }
        stockHolding("depot", code).or(() -> RetirementHolds.first(holds, "Depot", code)).ifPresent(holder -> {
            throw RetirementHolds.held("Depot", code, holder);
        });
        depot.retire(actor, clock.instant());
        audit.record("Depot", code, depot.owningCounty().orElse(null), "RETIRE", null, null, actor);
        return depot;
    }

    /** Stock on hand (or reserved) of an item or at a depot, in words, if there is any. */
    private Optional<String> stockHolding(String field, String code) {
        return StockBalance.<StockBalance>find("id." + field + "Code = ?1 and (onHand > 0 or reserved > 0)",
                        Sort.by("id.depotCode").and("id.itemCode"), code)
                .firstResultOptional()
                .map(b -> "stock on hand: " + b.onHand + " of " + b.id.itemCode + " at depot " + b.id.depotCode);
    }

    /** Depots in service hold their county. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> holderOf(String entity, String key) {
        if (!entity.equals("County")) {
            return Optional.empty();
        }
        return Depot.<Depot>find("countyCode = ?1 and retiredAt is null", Sort.by("code"), key).firstResultOptional()
                .map(d -> "depot " + d.code);
    }

    private void apply(SupplyItem item, SupplyItemChange c, String actor) {
        item.name = c.name();
        item.unit = c.unit();
        item.category = c.category();
        item.parcelSize = c.parcelSize();
        item.shelfLifeDays = c.shelfLifeDays();
        item.dailyUsePer10k = c.dailyUsePer10k();
        item.lastChange.record(actor, clock.instant());
    }

    /** The county's warehouse, where deliveries to the county are booked in; created on first use. */
    public Depot countyWarehouse(String county, String actor) {
        return Depot.<Depot>find("countyCode = ?1 and kind = ?2", Sort.by("code"), county, DepotKind.COUNTY_WAREHOUSE)
                .firstResultOptional()
                .orElseGet(() -> createDepot(new NewDepot("WH-" + county, counties.get(county).namePinyin
                        + " county warehouse", county, DepotKind.COUNTY_WAREHOUSE), actor));
    }

    public Depot createDepot(NewDepot n, String actor) {
        counties.active(n.county());
        if (Depot.findById(n.code()) != null) {
            throw ProblemException.conflict("duplicate", "Depot '" + n.code() + "' already exists");
        }
        Depot depot = new Depot();
        depot.code = n.code();
        depot.name = n.name();
        depot.countyCode = n.county();
        depot.kind = n.kind();
        depot.lastChange.record(actor, clock.instant());
        depot.persist();
        audit.record("Depot", depot.code, depot.owningCounty().orElse(null), "CREATE", null, n, actor);
        return depot;
    }

    /**
     * How far the catalog and the depots have changed
     * ({@link ChangeMarks}): the planner compares it with the state its last run started from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String changeMark() {
        return ChangeMarks.of(SupplyItem.class, Depot.class);
    }
}
