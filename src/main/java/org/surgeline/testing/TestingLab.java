package org.surgeline.testing;

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

/** A nucleic-acid testing lab. Its capacity is kept as a history in {@link LabCapacity}. */
@Entity
@Table(name = "testing_lab")
public class TestingLab extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "county_code")
    public String countyCode;
    @Enumerated(EnumType.STRING)
    public LabStatus status;
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
