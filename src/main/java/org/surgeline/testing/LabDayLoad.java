package org.surgeline.testing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.surgeline.platform.LastChange;

/** What a lab received and tested on one day. The backlog is derived, never stored. */
@Entity
@Table(name = "lab_day_load")
public class LabDayLoad extends PanacheEntityBase {

    @EmbeddedId
    @AttributeOverride(name = "day", column = @Column(name = "load_date"))
    public LabDay id;
    @Column(name = "samples_received")
    public long samplesReceived;
    @Column(name = "samples_tested")
    public long samplesTested;
    @Column(name = "mean_turnaround_hours")
    public Double meanTurnaroundHours;
    @Embedded
    public LastChange lastChange = new LastChange();
}
