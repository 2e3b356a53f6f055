package org.surgeline.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** A place that holds stock, in one county. */
@Entity
public class Depot extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "county_code")
    public String countyCode;
    @Enumerated(EnumType.STRING)
    public DepotKind kind;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
