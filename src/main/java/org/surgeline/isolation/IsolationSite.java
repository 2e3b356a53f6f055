package org.surgeline.isolation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.persistence.Table;
import java.time.Instant;
import org.surgeline.platform.LastChange;

/** A hotel, dormitory or ward converted into isolation rooms. */
@Entity
@Table(name = "isolation_site")
public class IsolationSite extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "county_code")
    public String countyCode;
    @Enumerated(EnumType.STRING)
    public SiteKind kind;
    public String address;
    public String contact;
    @Embedded
    public LastChange lastChange = new LastChange();
    /** Optimistic lock; answered as the ETag. */
    @Version
    public long version;
    /** When it was retired: kept for its history, closed to new work and the planner. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    public boolean retired() {
        return retiredAt != null;
    }
}
