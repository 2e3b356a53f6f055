package org.surgeline.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.Optional;
import org.surgeline.platform.ReferenceRecord;

/**
 * A place that holds stock, located in one county ({@code countyCode}, which travel times start
 * from). A county's depots are that county's records; a city-level depot (the city reserve) belongs
 * to no county, whatever county it stands in.
 */
@Entity
public class Depot extends ReferenceRecord {

    @Id
    public String code;
    public String name;
    @Column(name = "county_code")
    public String countyCode;
    @Enumerated(EnumType.STRING)
    public DepotKind kind;

    /** The county whose records this depot's stock and movements are; none for a city-level depot. */
    public Optional<String> owningCounty() {
        return kind == DepotKind.CITY_RESERVE ? Optional.empty() : Optional.of(countyCode);
    }
}
