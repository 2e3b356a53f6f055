package org.surgeline.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The part of a balance that came in under one lot. A lot is its name and its expiry date: the
 * same name with another expiry is another lot.
 */
@Entity
@Table(name = "stock_lot")
public class StockLot extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "depot_code")
        public String depotCode;
        @Column(name = "item_code")
        public String itemCode;
        public String lot;
        @Column(name = "expires_on")
        public LocalDate expiresOn;

        protected Key() {
        }

        public Key(DepotItem depotItem, String lot, LocalDate expiresOn) {
            this.depotCode = depotItem.depotCode;
            this.itemCode = depotItem.itemCode;
            this.lot = lot;
            this.expiresOn = expiresOn;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && depotCode.equals(k.depotCode) && itemCode.equals(k.itemCode)
                    && lot.equals(k.lot) && expiresOn.equals(k.expiresOn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(depotCode, itemCode, lot, expiresOn);
        }
    }

    @EmbeddedId
    public Key id;
    /** The key's expiry, readable beside the quantity (written through the key). */
    @Column(name = "expires_on", insertable = false, updatable = false)
    public LocalDate expiresOn;
    public long quantity;
}
