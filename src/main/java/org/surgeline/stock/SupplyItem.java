package org.surgeline.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.surgeline.platform.ReferenceRecord;

/** A catalog entry: what is stocked, how it ships, and how fast a county uses it. */
@Entity
@Table(name = "supply_item")
public class SupplyItem extends ReferenceRecord {

    @Id
    public String code;
    public String name;
    public String unit;
    @Enumerated(EnumType.STRING)
    public SupplyCategory category;
    /** Units that ship together; the planner plans in parcels. */
    @Column(name = "parcel_size")
    public long parcelSize;
    @Column(name = "shelf_life_days")
    public int shelfLifeDays;
    /** Units used per day per 10,000 people, for days of cover. */
    @Column(name = "daily_use_per_10k")
    public double dailyUsePer10k;
}
