package org.surgeline.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.surgeline.platform.LastChange;

/**
 * What one depot holds of one item. Changed only by {@link LedgerService}, under a row lock,
 * in the same transaction as the movements that explain the change.
 */
@Entity
@Table(name = "stock_balance")
public class StockBalance extends PanacheEntityBase {

    @EmbeddedId
    public DepotItem id;
    @Column(name = "on_hand")
    public long onHand;
    public long reserved;
    @Column(name = "reserve_floor")
    public long reserveFloor;
    @Version
    public long version;
    @Embedded
    public LastChange lastChange = new LastChange();

    /**
     * Units on hand in lots expired as of today: set by {@link LedgerService} whenever it loads a
     * balance, since expiry depends on the day it is read.
     */
    @Transient
    public long expiredOnHand;

    /**
     * What may still be issued or reserved: on hand less expired lots and less what allocations
     * hold (reservations are served from lots that have not expired).
     */
    public long available() {
        return Math.max(0, onHand - expiredOnHand - reserved);
    }
}
