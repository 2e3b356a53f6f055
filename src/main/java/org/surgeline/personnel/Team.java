package org.surgeline.personnel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.surgeline.platform.ReferenceRecord;

/** A deployable team: one skill, a headcount, a home county, and days it cannot work. */
@Entity
public class Team extends ReferenceRecord {

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
}
