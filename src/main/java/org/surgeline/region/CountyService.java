package org.surgeline.region;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.ProblemException;

/** The jurisdiction tree. Other contexts read counties through this service only. */
@ApplicationScoped
@Transactional
public class CountyService {

    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<County> list() {
        return County.listAll(Sort.by("code"));
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEmpty() {
        return County.count() == 0;
    }

    public County changeRiskLevel(String code, RiskLevel riskLevel, String actor) {
        County county = get(code);
        audit.record("County", code, code, "SET_RISK_LEVEL", county.riskLevel, riskLevel, actor);
        county.riskLevel = riskLevel;
        county.updatedAt = clock.instant();
        county.updatedBy = actor;
        return county;
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
            county.updatedAt = clock.instant();
            county.updatedBy = actor;
            county.persist();
        }
    }
}
