package org.surgeline.isolation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.surgeline.platform.ReferenceRecord;

/** A hotel, dormitory or ward converted into isolation rooms. */
@Entity
@Table(name = "isolation_site")
public class IsolationSite extends ReferenceRecord {

    @Id
    public String code;
    public String name;
    @Column(name = "county_code")
    public String countyCode;
    @Enumerated(EnumType.STRING)
    public SiteKind kind;
    public String address;
    public String contact;
}
