package org.surgeline.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import org.surgeline.platform.LastChange;

/** A county's figures recorded for one day; recording the day again replaces them. */
@Entity
@Table(name = "county_day_figures")
public class CountyDaySnapshot extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "county_code")
        public String county;
        @Column(name = "figures_day")
        public LocalDate day;

        protected Key() {
        }

        Key(String county, LocalDate day) {
            this.county = county;
            this.day = day;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && county.equals(k.county) && day.equals(k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(county, day);
        }
    }

    @EmbeddedId
    public Key id;
    @Column(name = "beds_physical")
    public long bedsPhysical;
    @Column(name = "beds_ready")
    public long bedsReady;
    @Column(name = "beds_free")
    public long bedsFree;
    @Column(name = "beds_occupied")
    public long bedsOccupied;
    @Column(name = "beds_converting")
    public long bedsConverting;
    @Column(name = "lab_capacity")
    public long labCapacity;
    @Column(name = "lab_received")
    public long labReceived;
    @Column(name = "lab_backlog")
    public long labBacklog;
    @Embedded
    public LastChange lastChange = new LastChange();

    void set(ReportFigures f) {
        bedsPhysical = f.bedsPhysical();
        bedsReady = f.bedsReady();
        bedsFree = f.bedsFree();
        bedsOccupied = f.bedsOccupied();
        bedsConverting = f.bedsConverting();
        labCapacity = f.labCapacity();
        labReceived = f.labReceived();
        labBacklog = f.labBacklog();
    }

    CountyDayFigures view() {
        return new CountyDayFigures(id.county, id.day, bedsPhysical, bedsReady, bedsFree, bedsOccupied,
                bedsConverting, labCapacity, labReceived, labBacklog, lastChange.at(), false);
    }
}
