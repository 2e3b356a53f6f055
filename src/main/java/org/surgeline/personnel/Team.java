package org.surgeline.personnel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.persistence.JoinColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.surgeline.platform.LastChange;

/** A deployable team: one skill, a headcount, a home county, and days it cannot work. */
@Entity
public class Team extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Skill skill;
    public int headcount;
    @Column(name = "home_county")
    public String homeCounty;
    @ElementCollection
    @CollectionTable(name = "team_unavailable_day", joinColumns = @JoinColumn(name = "team_code"))
    @Column(name = "off_date")
    public Set<LocalDate> unavailable = new TreeSet<>();
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
