package org.surgeline.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.surgeline.platform.ReferenceRecord;

/** A county-level division of the city, keyed by its GB/T 2260 administrative division code. */
@Entity
public class County extends ReferenceRecord {

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
}
