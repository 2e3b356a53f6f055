package org.surgeline.region;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.surgeline.platform.LastChange;

/** A county-level division of the city, keyed by its GB/T 2260 administrative division code. */
@Entity
public class County extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_pinyin")
    public String namePinyin;
    public long population;
    public double latitude;
    public double longitude;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;
    @Embedded
    public LastChange lastChange = new LastChange();
    /** Optimistic lock; answered as the ETag. */
    @Version
    public long version;
    /** When the county was retired: kept for its history, closed to new work. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    public boolean retired() {
        return retiredAt != null;
    }
}
