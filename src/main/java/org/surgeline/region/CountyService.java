package org.surgeline.region;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.ETags;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.RetirementHolds;

/** The jurisdiction tree. Other contexts read counties through this service only. */
@ApplicationScoped
@Transactional
public class CountyService {

    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @Any
    Instance<RetirementHolds> holds;

    /** The counties in service, by code: what new work and the planner see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<County> list() {
        return list(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<County> list(boolean includeRetired) {
        return includeRetired ? County.listAll(Sort.by("code")) : County.list("retiredAt is null", Sort.by("code"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<County> find(String code) {
        return County.findByIdOptional(code);
    }

    /** The county, or a 404 problem. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public County get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("County", code));
    }

    /** The county, for new work: a 404 when unknown, a 409 when retired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public County active(String code) {
        County county = get(code);
        if (county.retired()) {
            throw RetirementHolds.retired("County", code);
        }
        return county;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEmpty() {
        // SQL, not HQL: asked at start, where Hibernate's first HQL parse would cost the start a second.
        return ((Number) County.getEntityManager().createNativeQuery("select count(*) from county").getSingleResult())
                .longValue() == 0;
    }

    public County changeRiskLevel(String code, RiskLevel riskLevel, String actor) {
        County county = get(code);
        audit.record("County", code, code, "SET_RISK_LEVEL", county.riskLevel, riskLevel, actor);
        county.riskLevel = riskLevel;
        county.lastChange.record(actor, clock.instant());
        return county;
    }

    public County create(NewCounty n, String actor) {
        if (find(n.code()).isPresent()) {
            throw ProblemException.conflict("duplicate", "County '" + n.code() + "' already exists");
        }
        County county = new County();
        county.code = n.code();
        county.riskLevel = RiskLevel.LOW;
        apply(county, n.change(), actor);
        county.persist();
        audit.record("County", county.code, county.code, "CREATE", null, n, actor);
        return county;
    }

    /** Edits a county if {@code ifMatch} names its current version (else 412); audited. */
    public County update(String code, String ifMatch, CountyChange change, String actor) {
        County county = get(code);
        ETags.require(ifMatch, county.version, "County", code);
        return update(county, change, actor);
    }

    /** Edits a county without a version check (the importer, which holds the whole file in one transaction). */
    public County update(County county, CountyChange change, String actor) {
        CountyChange before = changeOf(county);
        if (!before.equals(change)) {
            audit.record("County", county.code, county.code, "UPDATE", before, change, actor);
            apply(county, change, actor);
        }
        return county;
    }

    /**
     * Retires a county: refused with 409 while any open work (a depot, site, lab or team in service,
     * a request not closed) refers to it; otherwise it leaves the lists and new work, keeping its history.
     */
    public County retire(String code, String actor) {
        County county = get(code);
        if (county.retired()) {
            return county;
        }
        RetirementHolds.first(holds, "County", code).ifPresent(holder -> {
            throw RetirementHolds.held("County", code, holder);
        });
        county.retire(actor, clock.instant());
        audit.record("County", code, code, "RETIRE", null, null, actor);
        return county;
    }

    public static CountyChange changeOf(County c) {
        return new CountyChange(c.nameZh, c.namePinyin, c.population, c.latitude, c.longitude);
    }

    private void apply(County county, CountyChange c, String actor) {
        county.nameZh = c.nameZh();
        county.namePinyin = c.namePinyin();
        county.population = c.population();
        county.latitude = c.latitude();
        county.longitude = c.longitude();
        county.lastChange.record(actor, clock.instant());
    }

    public void register(List<NewCounty> counties, String actor) {
        for (NewCounty n : counties) {
            County county = new County();
            county.code = n.code();
            county.nameZh = n.nameZh();
            county.namePinyin = n.namePinyin();
            county.population = n.population();
            county.latitude = n.latitude();
            county.longitude = n.longitude();
            county.riskLevel = RiskLevel.LOW;
            county.lastChange.record(actor, clock.instant());
            county.persist();
        }
    }
}
