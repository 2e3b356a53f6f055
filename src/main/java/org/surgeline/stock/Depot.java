package org.surgeline.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.surgeline.platform.LastChange;

/**
 * A place that holds stock, located in one county ({@code countyCode}, which travel times start
 * from). A county's depots are that county's records; a city-level depot (the city reserve) belongs
 * to no county, whatever county it stands in.
 */
@Entity
public class Depot extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "county_code")
    public String countyCode;
    @Enumerated(EnumType.STRING)
    public DepotKind kind;
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

    /** The county whose records this depot's stock and movements are; none for a city-level depot. */
    public Optional<String> owningCounty() {
        return kind == DepotKind.CITY_RESERVE ? Optional.empty() : Optional.of(countyCode);
    }
}
