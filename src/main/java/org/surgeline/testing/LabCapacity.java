package org.surgeline.testing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.surgeline.platform.LastChange;

/** A lab's capacity and status from a date on, until the next version. */
@Entity
@Table(name = "lab_capacity")
public class LabCapacity extends PanacheEntityBase {

    @EmbeddedId
    @AttributeOverride(name = "day", column = @Column(name = "effective_from"))
    public LabDay id;
    @Column(name = "tubes_per_day")
    public int tubesPerDay;
    /** Samples pooled per tube: 10 for 10-in-1 pooled testing, 1 for single-sample testing. */
    @Column(name = "pooling_ratio")
    public int poolingRatio;
    /** SUSPENDED: the lab tests nothing from this version's date on (capacity counts as zero). */
    @Enumerated(EnumType.STRING)
    public LabStatus status = LabStatus.ACTIVE;
    @Embedded
    public LastChange lastChange = new LastChange();

    public long samplesPerDay() {
        return (long) tubesPerDay * poolingRatio;
    }
}
