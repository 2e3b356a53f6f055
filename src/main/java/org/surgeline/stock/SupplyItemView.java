package org.surgeline.stock;

import java.time.Instant;

public record SupplyItemView(String code, String name, String unit, SupplyCategory category, long parcelSize,
        int shelfLifeDays, double dailyUsePer10k, Instant updatedAt, String updatedBy, Instant retiredAt) {

    static SupplyItemView of(SupplyItem i) {
        return new SupplyItemView(i.code, i.name, i.unit, i.category, i.parcelSize, i.shelfLifeDays,
                i.dailyUsePer10k, i.lastChange.at(), i.lastChange.by(), i.retiredAt);
    }
}
