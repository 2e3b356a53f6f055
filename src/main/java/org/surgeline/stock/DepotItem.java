package org.surgeline.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The key of everything stocked: one item at one depot. */
@Embeddable
public class DepotItem implements Serializable {

    @Column(name = "depot_code")
    public String depotCode;
    @Column(name = "item_code")
    public String itemCode;

    protected DepotItem() {
    }

    public DepotItem(String depotCode, String itemCode) {
        this.depotCode = depotCode;
        this.itemCode = itemCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DepotItem k && depotCode.equals(k.depotCode) && itemCode.equals(k.itemCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(depotCode, itemCode);
    }

    @Override
    public String toString() {
        return itemCode + "@" + depotCode;
    }
}
