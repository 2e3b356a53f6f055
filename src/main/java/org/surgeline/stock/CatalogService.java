package org.surgeline.stock;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.ChangeMarks;
import org.surgeline.platform.ProblemException;
import org.surgeline.region.CountyService;

/** The supply catalog and the depots. */
@ApplicationScoped
@Transactional
public class CatalogService {

    @Inject
    CountyService counties;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupplyItem> items() {
        return SupplyItem.listAll(Sort.by("code"));
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

    public SupplyItem createItem(NewSupplyItem n, String actor) {
        if (SupplyItem.findById(n.code()) != null) {
            throw ProblemException.conflict("duplicate", "Supply item '" + n.code() + "' already exists");
        }
        SupplyItem item = new SupplyItem();
        item.code = n.code();
        item.name = n.name();
        item.unit = n.unit();
        item.category = n.category();
        item.parcelSize = n.parcelSize();
        item.shelfLifeDays = n.shelfLifeDays();
        item.dailyUsePer10k = n.dailyUsePer10k();
        item.updatedAt = clock.instant();
        item.updatedBy = actor;
        item.persist();
        audit.record("SupplyItem", item.code, null, "CREATE", null, n, actor);
        return item;
    }

    /** Depots, optionally those of one county (never the city-level ones, which belong to none), by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Depot> depots(Optional<String> county) {
        return county.map(c -> Depot.<Depot>list("countyCode = ?1 and kind <> ?2", Sort.by("code"), c,
                        DepotKind.CITY_RESERVE))
                .orElseGet(() -> Depot.listAll(Sort.by("code")));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Depot depot(String code) {
        return Depot.<Depot>findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Depot", code));
    }

    /** The county's warehouse, where deliveries to the county are booked in; created on first use. */
    public Depot countyWarehouse(String county, String actor) {
        return Depot.<Depot>find("countyCode = ?1 and kind = ?2", Sort.by("code"), county, DepotKind.COUNTY_WAREHOUSE)
                .firstResultOptional()
                .orElseGet(() -> createDepot(new NewDepot("WH-" + county, counties.get(county).namePinyin
                        + " county warehouse", county, DepotKind.COUNTY_WAREHOUSE), actor));
    }

    public Depot createDepot(NewDepot n, String actor) {
        counties.get(n.county());
        if (Depot.findById(n.code()) != null) {
            throw ProblemException.conflict("duplicate", "Depot '" + n.code() + "' already exists");
        }
        Depot depot = new Depot();
        depot.code = n.code();
        depot.name = n.name();
        depot.countyCode = n.county();
        depot.kind = n.kind();
        depot.updatedAt = clock.instant();
        depot.updatedBy = actor;
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
